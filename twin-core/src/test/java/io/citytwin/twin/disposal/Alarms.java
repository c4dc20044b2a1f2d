package io.citytwin.twin.disposal;

import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/** Alarms as the rules engine will raise them, about Gridville's places. */
final class Alarms {
  static final long T0 = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();

  private Alarms() {}

  /** Smoke in block {@code k}'s building, seen by detector {@code detector} at {@code at}. */
  static Alarm smoke(int k, Severity severity, long at, int detector, boolean exercise) {
    String place = GridCity.building(k);
    return new Alarm("smoke-in-building", IncidentType.FIRE, severity, place, footprint(k),
        "Smoke in " + place, List.of(new Evidence("smoke-" + k + "-" + detector, Quantity.SMOKE, 12.5, at)),
        at, exercise);
  }

  static Alarm smoke(int k, long at) {
    return smoke(k, Severity.MODERATE, at, 1, false);
  }

  static Alarm of(IncidentType type, String place, Geometry area, long at) {
    return new Alarm("rule-" + type.code(), type, Severity.MINOR, place, area, type.code() + " at " + place,
        List.of(), at, false);
  }

  static Geometry footprint(int k) {
    return GridCity.model().buildings().get(k - 1).footprint();
  }
}
