package io.citytwin.ingest.fleet;

import io.citytwin.twin.telemetry.Quantity;

import java.util.List;

/**
 * One message's worth of simulated values, in canonical units.
 *
 * @param timestampMillis when it was measured, epoch ms
 * @param quantities      what was measured, in the sensor's order
 * @param values          the value of each quantity, same index
 * @param fault           the fault that shaped it, {@link Fault#NONE} for a healthy reading
 */
public record Sample(long timestampMillis, List<Quantity> quantities, double[] values, Fault fault) {

    /** What, if anything, is wrong with a sample. */
    public enum Fault {
        NONE,
        /** The values repeat the previous sample's: the sensor froze. */
        STUCK,
        /** One value is outside its quantity's plausible range. */
        SPIKE
    }

    /** The value of {@code q}; NaN when the sample has none. */
    public double value(Quantity q) {
        int i = quantities.indexOf(q);
        return i < 0 ? Double.NaN : values[i];
    }

    public int size() {
        return values.length;
    }
}
