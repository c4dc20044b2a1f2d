package io.citytwin.twin.telemetry;

import java.util.Objects;
import java.util.Optional;

/**
 * One validated, normalised sensor reading.
 *
 * @param sensorId        the registered sensor that published it
 * @param quantity        what was measured
 * @param value           finite, in {@link Quantity#canonicalUnit()}, within the quantity's range
 * @param timestampMillis when it was measured, epoch milliseconds UTC
 * @param position        where, for mobile sensors; {@code null} when the payload carried none
 *                        (the sensor's registered location applies)
 */
public record Reading(String sensorId, Quantity quantity, double value, long timestampMillis, Position position) {

    public Reading {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.requireNonNull(quantity, "quantity");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reading value must be finite: " + value);
        }
    }

    /** The reported position, if the payload carried one. */
    public Optional<Position> location() {
        return Optional.ofNullable(position);
    }
}
