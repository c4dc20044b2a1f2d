package io.citytwin.twin.cap.incident;

import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Incident histories drawn from a {@link Random} and played through the real engine ({@link
 * Book}): every incident type and severity; point, polygon, multipolygon, line and mixed areas
 * anywhere between 60° S and 70° N; drills and real incidents; rule-raised and imported ones;
 * re-triggers that raise, keep or lower the severity, move the area or repeat; operator area
 * changes, acknowledgements and ticks; alarm times behind the platform clock; gaps of 0 ms, under
 * a second and minutes; and endings of none, resolve, resolve then close, or cancel.
 */
final class RandomIncidents {
  static final long T0 = Instant.parse("2026-11-24T09:30:00Z").toEpochMilli();
  private static final GeometryFactory GF = new GeometryFactory();

  /** The kinds of area drawn. */
  enum AreaKind { POINT, POLYGON, MULTIPOLYGON, LINE, MIXED }

  /** How a history ends. */
  enum Ending { ACTIVE, RESOLVED, CLOSED, CANCELLED }

  /** A played history: the book and the incident in it, and how it was drawn. */
  record History(Book book, String incidentId, AreaKind areaKind, Ending ending) {
    Incident incident() {
      return book.incident(incidentId);
    }
  }

  private final Random r;
  private long now;

  RandomIncidents(Random r) {
    this.r = r;
  }

  History history() {
    return history(pick(Ending.values()));
  }

  History history(Ending ending) {
    Book book = new Book();
    now = T0 + r.nextInt(86_400_000);
    IncidentType type = pick(IncidentType.values());
    boolean exercise = r.nextBoolean();
    double lon = -179 + 357 * r.nextDouble();
    double lat = -60 + 130 * r.nextDouble();
    AreaKind kind = pick(AreaKind.values());
    IncidentSource source = r.nextInt(5) == 0
        ? IncidentSource.cap("warn-" + r.nextInt(1000)) : IncidentSource.rule("rule-a");
    String place = "building/w" + r.nextInt(1_000_000);
    book.accept(new IncidentCommand.Raise(alarm("rule-a", type, pick(Severity.values()), place,
        area(kind, lon, lat), exercise), source));
    String id = book.state.incidents().iterator().next().id();
    for (int steps = r.nextInt(7); steps > 0; steps--) {
      step(book, id, type, place, kind, lon, lat, exercise);
    }
    end(book, id, ending);
    return new History(book, id, kind, ending);
  }

  private void step(Book book, String id, IncidentType type, String place, AreaKind kind, double lon,
      double lat, boolean exercise) {
    advance();
    Incident i = book.incident(id);
    switch (r.nextInt(4)) {
      case 0 -> {
        // Another rule's alarm may carry an older time than the platform clock has reached.
        boolean other = r.nextBoolean();
        Geometry area = r.nextInt(3) == 0 ? area(kind, lon + 0.001, lat + 0.001) : i.area();
        Alarm a = alarm(other ? "rule-b" : "rule-a", type, pick(Severity.values()), place, area, exercise);
        book.accept(IncidentCommand.Raise.of(other ? withTime(a, now - r.nextInt(30_000)) : a));
      }
      case 1 -> book.accept(new IncidentCommand.UpdateArea(id, area(kind, lon - 0.002, lat), "hazard model", now));
      case 2 -> i.tasks().values().stream().filter(t -> t.status() == TaskStatus.DISPATCHED).findFirst()
          .ifPresent(t -> book.accept(new IncidentCommand.AcknowledgeTask(
              id, t.id(), t.spec().agency(), "duty officer", Channel.MQTT, now)));
      default -> book.accept(new IncidentCommand.Tick(now));
    }
  }

  private void end(Book book, String id, Ending ending) {
    if (ending == Ending.ACTIVE || !book.incident(id).isActive()) {
      return;
    }
    advance();
    if (ending == Ending.CANCELLED) {
      book.accept(new IncidentCommand.Cancel(id, "operator", "false alarm", now));
      return;
    }
    if (book.incident(id).status() == IncidentStatus.OPEN) {
      book.accept(new IncidentCommand.Tick(now));
    }
    book.accept(new IncidentCommand.Resolve(id, "operator", "fire out", now));
    if (ending == Ending.CLOSED) {
      advance();
      book.accept(new IncidentCommand.Close(id, "operator", "reviewed", now));
    }
  }

  /** 0 ms, under a second, or up to two minutes: versions in one second need distinct sent times. */
  private void advance() {
    now += switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(1000);
      default -> r.nextInt(120_000);
    };
  }

  private Alarm alarm(String rule, IncidentType type, Severity severity, String place, Geometry area,
      boolean exercise) {
    List<Evidence> evidence = new ArrayList<>();
    for (int n = r.nextInt(4); n > 0; n--) {
      evidence.add(new Evidence("sensor-" + r.nextInt(5), pick(Quantity.values()),
          Math.round(r.nextDouble() * 1000) / 10.0, now - r.nextInt(60_000)));
    }
    return new Alarm(rule, type, severity, place, area, type.code() + " at " + place, evidence, now, exercise);
  }

  private static Alarm withTime(Alarm a, long at) {
    return new Alarm(a.ruleId(), a.type(), a.severity(), a.placeKey(), a.area(), a.title(), a.evidence(),
        at, a.exercise());
  }

  /** An area of the given kind near (lon, lat), sizes from a few metres to a few kilometres. */
  Geometry area(AreaKind kind, double lon, double lat) {
    double size = Math.pow(10, -4 + 2.5 * r.nextDouble());
    return switch (kind) {
      case POINT -> GF.createPoint(new Coordinate(lon, lat));
      case POLYGON -> polygon(lon, lat, size);
      case MULTIPOLYGON -> GF.createMultiPolygon(new Polygon[] {
          polygon(lon, lat, size), polygon(lon + 3 * size, lat, size)});
      case LINE -> GF.createLineString(new Coordinate[] {
          new Coordinate(lon, lat), new Coordinate(lon + size, lat + size / 2),
          new Coordinate(lon + 2 * size, lat)});
      case MIXED -> GF.createGeometryCollection(new Geometry[] {
          polygon(lon, lat, size), GF.createPoint(new Coordinate(lon + 3 * size, lat))});
    };
  }

  /** A convex polygon of 3 to 12 vertices on a circle-ish ring, counter-clockwise. */
  private Polygon polygon(double lon, double lat, double size) {
    int n = 3 + r.nextInt(10);
    Coordinate[] ring = new Coordinate[n + 1];
    for (int k = 0; k < n; k++) {
      double a = 2 * Math.PI * k / n;
      ring[k] = new Coordinate(lon + size * Math.cos(a), lat + size * Math.sin(a));
    }
    ring[n] = ring[0].copy();
    return GF.createPolygon(ring);
  }

  private <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }
}
