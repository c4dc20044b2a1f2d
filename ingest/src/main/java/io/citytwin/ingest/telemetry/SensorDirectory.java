package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port to the sensor registry, as far as decoding needs it. Implementations are called once per
 * message from the ingest threads, so they must be thread-safe and non-blocking (an in-memory
 * snapshot, not a database round trip).
 */
@FunctionalInterface
public interface SensorDirectory {

    /**
     * The quantities a sensor is registered to publish.
     *
     * @return empty if the sensor is unknown
     */
    Optional<Set<Quantity>> quantitiesOf(String sensorId);

    /** A fixed directory, copied from {@code sensors} (sensor id to its quantities). */
    static SensorDirectory of(Map<String, Set<Quantity>> sensors) {
        Map<String, Optional<Set<Quantity>>> copy = new HashMap<>();
        sensors.forEach((id, quantities) -> copy.put(id,
                Optional.of(quantities.isEmpty()
                        ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(quantities)))));
        return id -> copy.getOrDefault(id, Optional.empty());
    }
}
