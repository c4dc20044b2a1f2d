package io.citytwin.twin.sensor;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registered sensor: what it measures, where it is, who owns it and how it authenticates.
 * Immutable.
 *
 * @param id stable id, also the MQTT client/user name and the topic segment
 *     ({@code citytwin/v1/sensors/{id}/telemetry}): 1-64 chars of {@code [A-Za-z0-9._:-]}
 * @param kind what sort of device it is
 * @param quantities what it may publish (non-empty); anything else is rejected at ingest
 * @param location registered WGS84 position (mobile sensors may report their own per reading)
 * @param placement district, nearest road and containing building, resolved from {@code location}
 * @param owner the agency responsible for the device and first to hear of its faults
 * @param credentials MQTT credentials, or null for a sensor that may not connect by itself
 *     (e.g. one reporting through a gateway)
 * @param name human-readable label for the dashboard
 */
public record Sensor(
    String id,
    SensorKind kind,
    Set<Quantity> quantities,
    Position location,
    Placement placement,
    Agency owner,
    Credentials credentials,
    String name) {

  /** Legal sensor ids: usable as an MQTT topic level and a user name without escaping. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public Sensor {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "sensor id '" + id + "' must be 1-64 characters of letters, digits and . _ : -");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(quantities, "quantities");
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException("sensor " + id + " publishes no quantity");
    }
    quantities = Collections.unmodifiableSet(EnumSet.copyOf(quantities));
    Objects.requireNonNull(location, "location");
    placement = placement == null ? Placement.NOWHERE : placement;
    Objects.requireNonNull(owner, "owner");
    name = name == null || name.isBlank() ? id : name;
  }

  /** The same sensor, placed. */
  public Sensor withPlacement(Placement p) {
    return new Sensor(id, kind, quantities, location, p, owner, credentials, name);
  }
}
