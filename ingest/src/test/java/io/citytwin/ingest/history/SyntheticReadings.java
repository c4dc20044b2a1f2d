package io.citytwin.ingest.history;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded stream of distinct readings for history tests and load: sensors {@code s-0000..} in
 * turn, each with a fixed set of quantities, one reading per quantity per step, time advancing 1 ms
 * per step from {@code startMillis}; so (sensor, quantity, time) never repeats.
 */
public final class SyntheticReadings {

    public static final List<Quantity> QUANTITIES = List.of(Quantity.PM25, Quantity.TEMPERATURE, Quantity.WATER_LEVEL);

    private final int sensors;
    private final long startMillis;
    private final SplittableRandom random;
    private long step;
    private int sensor;

    public SyntheticReadings(int sensors, long startMillis, long seed) {
        this.sensors = sensors;
        this.startMillis = startMillis;
        this.random = new SplittableRandom(seed);
    }

    public static String sensorId(int i) {
        return String.format("s-%04d", i);
    }

    /** District code of sensor {@code i}: five districts in turn. */
    public static String district(int i) {
        return "MC-D" + (i % 5);
    }

    /** The next {@code size} records (a multiple of the quantity count is neatest). */
    public List<HistoryRecord> next(int size) {
        List<HistoryRecord> batch = new ArrayList<>(size);
        while (batch.size() < size) {
            String id = sensorId(sensor);
            long time = startMillis + step;
            for (Quantity q : QUANTITIES) {
                if (batch.size() == size) {
                    break;
                }
                double value = Math.rint(q.min() + random.nextDouble() * Math.min(100, q.max() - q.min()));
                batch.add(new HistoryRecord(new Reading(id, q, value, time, null), district(sensor), "air_quality",
                        false));
            }
            if (++sensor == sensors) {
                sensor = 0;
                step++;
            }
        }
        return batch;
    }
}
