package io.citytwin.ingest.fleet;

import io.citytwin.twin.telemetry.Quantity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One device the simulator plays: what it publishes and how it logs in. Deliberately not the
 * registry's {@code Sensor}: a load test needs nothing else, and synthetic fleets have no registry.
 *
 * @param sensorId   topic segment and MQTT client id in per-sensor mode
 * @param quantities what it publishes in every message (non-empty)
 * @param username   MQTT user name, or null to connect without one
 * @param secret     MQTT password, or null for none
 */
public record SimulatedSensor(String sensorId, Set<Quantity> quantities, String username, String secret) {

    private static final Pattern TOPIC_SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public SimulatedSensor {
        Objects.requireNonNull(sensorId, "sensorId");
        if (!TOPIC_SAFE.matcher(sensorId).matches()) {
            throw new IllegalArgumentException("sensor id '" + sensorId
                    + "' must be 1-64 characters of letters, digits and . _ : -");
        }
        if (quantities == null || quantities.isEmpty()) {
            throw new IllegalArgumentException("sensor " + sensorId + " publishes no quantity");
        }
        quantities = Collections.unmodifiableSet(EnumSet.copyOf(quantities));
    }

    /** A sensor that connects anonymously. */
    public static SimulatedSensor anonymous(String sensorId, Set<Quantity> quantities) {
        return new SimulatedSensor(sensorId, quantities, null, null);
    }

    /** The topic it publishes on (DESIGN.md "Telemetry over MQTT"). */
    public String topic() {
        return "citytwin/v1/sensors/" + sensorId + "/telemetry";
    }

    @Override
    public String toString() {
        return "SimulatedSensor[" + sensorId + ", " + quantities + ", user " + username + ", secret hidden]";
    }
}
