package io.citytwin.ingest.fleet;

import io.citytwin.twin.sensor.SensorKind;

import java.util.ArrayList;
import java.util.List;

/** Sensors for load tests that need no registry: ids {@code sim-00001...}, anonymous. */
public final class SyntheticFleet {

    private SyntheticFleet() {
    }

    /**
     * {@code count} anonymous sensors; sensor i is of kind {@code i mod 9} (in {@link SensorKind}
     * order) and publishes that kind's default quantities, so the mix resembles a city's.
     */
    public static List<SimulatedSensor> of(int count) {
        if (count < 1 || count > 9_999_999) {
            throw new IllegalArgumentException("synthetic fleet size must be 1..9999999: " + count);
        }
        SensorKind[] kinds = SensorKind.values();
        List<SimulatedSensor> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(SimulatedSensor.anonymous(id(i + 1), kinds[i % kinds.length].defaultQuantities()));
        }
        return out;
    }

    /** {@code sim-00001} for 1; wider numbers keep their digits. */
    public static String id(int n) {
        return String.format("sim-%05d", n);
    }
}
