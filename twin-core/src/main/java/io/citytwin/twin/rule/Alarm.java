package io.citytwin.twin.rule;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A rule fired: the hand-over from rules to incidents. Incidents correlate alarms by
 * {@code (type, placeKey)}: a re-trigger of an active incident updates it instead of opening
 * another.
 *
 * @param ruleId the rule that fired
 * @param type the incident type the rule raises
 * @param severity how severe, per the rule (may escalate on re-trigger)
 * @param placeKey what place the alarm is about, as a CIM entity id text: a building
 *     ({@code building/w123}), a district ({@code district/MC-CO}), a road segment, a POI, or a
 *     sensor ({@code sensor/id}) when nothing larger applies
 * @param area where, in WGS84 (lon = x, lat = y): the building footprint, district polygon,
 *     sensor point or geofence
 * @param title short human-readable summary, e.g. "Smoke in building w123 (2 detectors)"
 * @param evidence the readings that made it fire, oldest first (at least one, except no-signal)
 * @param atMillis when it fired (time of the deciding reading or clock tick), epoch milliseconds
 * @param exercise true when raised by drill telemetry
 */
public record Alarm(
    String ruleId, IncidentType type, Severity severity, String placeKey, Geometry area,
    String title, List<Evidence> evidence, long atMillis, boolean exercise) {
  public Alarm {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(placeKey, "placeKey");
    Objects.requireNonNull(area, "area");
    evidence = List.copyOf(evidence);
  }
}
