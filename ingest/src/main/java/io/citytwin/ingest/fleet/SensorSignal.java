package io.citytwin.ingest.fleet;

import io.citytwin.twin.telemetry.Quantity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Random;

/**
 * The value stream of one simulated sensor: each quantity's daily profile ({@link QuantityModel})
 * scaled and shifted by traits of this sensor, plus Gaussian noise, clamped to the quantity's
 * plausible range and rounded; now and then a fault ({@link FaultRates}).
 *
 * <p><b>Deterministic:</b> the random stream is seeded from the fleet seed and the sensor id, so
 * the same seed and the same sequence of timestamps give the same samples, whatever other sensors
 * do or which thread runs it. Not thread-safe: one sensor, one thread.
 */
public final class SensorSignal {

    private final List<Quantity> quantities;
    private final QuantityModel.Profile[] profiles;
    private final Random rng;
    private final ZoneRules zone;
    private final FaultRates faults;
    private final long citySeed;
    private final double scale;
    private final double offsetShare;
    private final double phaseHours;
    private int stuckLeft;
    private double[] stuckValues;
    private int silentLeft;

    /**
     * @param seed   fleet seed; with the sensor id it fixes this sensor's stream
     * @param zone   time zone whose local time drives the daily cycles
     */
    public SensorSignal(SimulatedSensor sensor, long seed, ZoneId zone, FaultRates faults) {
        this.quantities = List.copyOf(sensor.quantities());
        this.profiles = quantities.stream().map(QuantityModel::profile).toArray(QuantityModel.Profile[]::new);
        this.rng = new Random(QuantityModel.Mix.mix(seed) ^ sensor.sensorId().hashCode());
        this.zone = zone.getRules();
        this.faults = faults;
        this.citySeed = seed;
        // Sensors differ: a busier road, a shadier street, a clock that runs a little late.
        this.scale = 0.7 + 0.6 * rng.nextDouble();
        this.offsetShare = -0.1 + 0.2 * rng.nextDouble();
        this.phaseHours = -0.5 + rng.nextDouble();
    }

    /** The sample for {@code epochMillis}, or null when the sensor is silent (dropout). */
    public Sample next(long epochMillis) {
        if (silentLeft > 0) {
            silentLeft--;
            return null;
        }
        if (stuckLeft > 0) {
            stuckLeft--;
            return new Sample(epochMillis, quantities, stuckValues.clone(), Sample.Fault.STUCK);
        }
        double roll = rng.nextDouble();
        if (roll < faults.dropout()) {
            silentLeft = rng.nextInt(20);
            return null;
        }
        double[] values = healthy(epochMillis);
        if (roll < faults.dropout() + faults.stuck()) {
            // This reading is still true; the next ones freeze at it.
            stuckLeft = 5 + rng.nextInt(50);
            stuckValues = values.clone();
            return new Sample(epochMillis, quantities, values, Sample.Fault.NONE);
        }
        if (roll < faults.dropout() + faults.stuck() + faults.spike()) {
            int i = rng.nextInt(values.length);
            values[i] = spike(quantities.get(i));
            return new Sample(epochMillis, quantities, values, Sample.Fault.SPIKE);
        }
        return new Sample(epochMillis, quantities, values, Sample.Fault.NONE);
    }

    /** Expected value of {@code q} at {@code epochMillis} for this sensor, without noise. */
    double expected(Quantity q, long epochMillis) {
        QuantityModel.Profile p = QuantityModel.profile(q);
        double shape = QuantityModel.shape(p.shape(), localHour(epochMillis), epochMillis, citySeed);
        return p.base() * (1 + offsetShare) + p.amplitude() * scale * shape;
    }

    private double[] healthy(long epochMillis) {
        double[] values = new double[profiles.length];
        for (int i = 0; i < values.length; i++) {
            Quantity q = quantities.get(i);
            QuantityModel.Profile p = profiles[i];
            double v = expected(q, epochMillis) + rng.nextGaussian() * p.noise();
            if (p.shape() == QuantityModel.Shape.SHOWERS && expected(q, epochMillis) == 0) {
                v = 0; // dry hour: a rain gauge reads exactly nothing
            }
            values[i] = round(Math.max(q.min(), Math.min(q.max(), v)), q.wholeNumber() ? 0 : p.decimals());
        }
        return values;
    }

    private double localHour(long epochMillis) {
        int offsetSeconds = zone.isFixedOffset()
                ? zone.getOffset(Instant.EPOCH).getTotalSeconds()
                : zone.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
        long localMillis = epochMillis + offsetSeconds * 1000L;
        double h = Math.floorMod(localMillis, 86_400_000L) / 3_600_000.0 - phaseHours;
        return h < 0 ? h + 24 : h >= 24 ? h - 24 : h;
    }

    /** Twice the top of the plausible range, plus one: unmistakably wrong, and finite. */
    static double spike(Quantity q) {
        return Math.rint(q.max() * 2 + 1);
    }

    private static double round(double v, int decimals) {
        double f = POW10[decimals];
        return Math.rint(v * f) / f;
    }

    private static final double[] POW10 = {1, 10, 100, 1000};
}
