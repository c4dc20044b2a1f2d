package io.citytwin.twin.incident.codec;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoutePlan;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.EscalationRole;
import io.citytwin.twin.incident.EscalationStep;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** Random but valid incident events of every type, from a seed (for round-trip properties). */
final class RandomEvents {
  /** Number of event types; {@link #event} takes a type index below it. */
  static final int TYPES = 14;
  static final long TIME_MAX = 253_402_300_799_999L;
  private static final GeometryFactory GF = new GeometryFactory();
  private static final String[] TEXT = {
    "Smoke in building w123", "", " ", "é à ü — “quotes” \"escaped\" \\ / \n\t", "\uD83D\uDE92 fire",
    "x".repeat(500), "null", "{\"json\":true}", "a\u0000b", "INC-20261124-0001"
  };

  private final Random r;

  RandomEvents(long seed) {
    this.r = new Random(seed);
  }

  IncidentEvent event(int type) {
    long seq = 1 + (r.nextBoolean() ? r.nextInt(1000) : (r.nextLong() & Long.MAX_VALUE - 1));
    long at = time();
    String id = word();
    String task = pick(Agency.values()).code() + "-" + (1 + r.nextInt(9));
    return switch (type) {
      case 0 -> new IncidentEvent.IncidentOpened(seq, at, id, pick(IncidentType.values()), pick(Severity.values()),
          word(), geometry(2), text(), word(), new IncidentSource(pick(IncidentSource.Kind.values()), word()),
          r.nextBoolean(), evidence());
      case 1 -> new IncidentEvent.AlarmCorrelated(seq, at, id, word(), pick(Severity.values()), evidence());
      case 2 -> new IncidentEvent.AreaChanged(seq, at, id, geometry(2), text());
      case 3 -> new IncidentEvent.RoadsClosed(seq, at, id, ints(r.nextInt(20)));
      case 4 -> new IncidentEvent.TaskCreated(seq, at, id, task, spec());
      case 5 -> new IncidentEvent.TaskDispatched(seq, at, id, task, r.nextInt(3) == 0 ? null : assignment());
      case 6 -> new IncidentEvent.TaskRerouted(seq, at, id, task, assignment(), text());
      case 7 -> new IncidentEvent.TaskAcknowledged(seq, at, id, task, pick(Agency.values()), word(), pick(Channel.values()));
      case 8 -> new IncidentEvent.TaskEscalated(seq, at, id, task, 1 + r.nextInt(5), pick(EscalationRole.values()), time());
      case 9 -> new IncidentEvent.UnitArrived(seq, at, id, task, word());
      case 10 -> new IncidentEvent.ArrivalOverdue(seq, at, id, task, time());
      case 11 -> new IncidentEvent.TaskCompleted(seq, at, id, task, word(), text());
      case 12 -> new IncidentEvent.TaskCancelled(seq, at, id, task, text());
      default -> new IncidentEvent.StatusChanged(seq, at, id, pick(IncidentStatus.values()),
          pick(IncidentStatus.values()), word(), text());
    };
  }

  private long time() {
    return r.nextBoolean() ? 1_700_000_000_000L + r.nextInt(Integer.MAX_VALUE) : (long) (r.nextDouble() * TIME_MAX);
  }

  private String text() {
    return TEXT[r.nextInt(TEXT.length)];
  }

  /** Non-blank. */
  private String word() {
    String[] w = {"smoke-in-building", "building/w123", "road/w42", "Sgt. Rossi", "urn:oid:2.49.0.1", "ü", "x y"};
    return w[r.nextInt(w.length)] + (r.nextBoolean() ? "" : "-" + r.nextInt(100));
  }

  private <T> T pick(T[] values) {
    return values[r.nextInt(values.length)];
  }

  private double number() {
    return switch (r.nextInt(6)) {
      case 0 -> 0.0;
      case 1 -> -0.0;
      case 2 -> r.nextGaussian() * 1e6;
      case 3 -> Double.MIN_VALUE;
      case 4 -> Double.MAX_VALUE * (r.nextBoolean() ? 1 : -1);
      default -> r.nextDouble();
    };
  }

  private List<Evidence> evidence() {
    List<Evidence> out = new ArrayList<>();
    for (int i = r.nextInt(5); i > 0; i--) {
      out.add(new Evidence(word(), pick(Quantity.values()), number(), r.nextLong()));
    }
    return out;
  }

  private List<Integer> ints(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.nextInt(5) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(20_000));
    }
    return out;
  }

  private Duration duration(Duration min, Duration max) {
    long span = max.minus(min).toMillis();
    Duration d = min.plusMillis((long) (r.nextDouble() * span));
    return r.nextBoolean() ? Duration.ofSeconds(d.toSeconds()).plus(min.isZero() ? Duration.ZERO : Duration.ofSeconds(1))
        : d.plusNanos(r.nextInt(1000));
  }

  private TaskSpec spec() {
    boolean onSite = r.nextBoolean();
    List<EscalationStep> chain = new ArrayList<>();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      chain.add(new EscalationStep(pick(EscalationRole.values()), duration(Duration.ZERO, Duration.ofDays(29))));
    }
    return new TaskSpec(pick(Agency.values()), text(), onSite, duration(Duration.ofMillis(1), Duration.ofDays(29)),
        onSite ? duration(Duration.ofMillis(1), Duration.ofDays(29)) : null, chain, word());
  }

  private Assignment assignment() {
    int n = 1 + r.nextInt(30);
    LineString line = n == 1 && r.nextBoolean() ? GF.createLineString() : line(Math.max(2, n));
    RoutePlan route = new RoutePlan(ints(n), ints(n - 1), Math.abs(number()) % 1e8, r.nextDouble() * 1e4, line);
    return new Assignment(word(), word(), text(), time(), r.nextDouble() * 200, route, time());
  }

  private Coordinate position() {
    double lon = r.nextInt(10) == 0 ? (r.nextBoolean() ? 180 : -180) : 7.4 + r.nextGaussian() * 0.01;
    double lat = r.nextInt(10) == 0 ? (r.nextBoolean() ? 90 : -90) : 43.73 + r.nextGaussian() * 0.01;
    return new Coordinate(lon, lat);
  }

  private LineString line(int n) {
    Coordinate[] cs = new Coordinate[n];
    for (int i = 0; i < n; i++) {
      cs[i] = position();
    }
    return GF.createLineString(cs);
  }

  private LinearRing ring() {
    double s = 0.0001 + r.nextDouble() * 0.01;
    Coordinate p = position();
    Coordinate c = new Coordinate(Math.min(p.x, 180 - s), Math.min(p.y, 90 - s));
    return GF.createLinearRing(new Coordinate[] {
        c, new Coordinate(c.x + s, c.y), new Coordinate(c.x + s, c.y + s), new Coordinate(c.x, c.y + s), c.copy()});
  }

  private Polygon polygon() {
    LinearRing shell = ring();
    if (r.nextBoolean()) {
      return GF.createPolygon(shell);
    }
    return GF.createPolygon(shell, new LinearRing[] {ring()});
  }

  Geometry geometry(int depth) {
    return switch (r.nextInt(depth > 0 ? 8 : 7)) {
      case 0 -> GF.createPoint(position());
      case 1 -> line(2 + r.nextInt(5));
      case 2 -> polygon();
      case 3 -> GF.createMultiPolygon(new Polygon[] {polygon(), polygon()});
      case 4 -> GF.createMultiPoint(new Coordinate[] {position(), position()});
      case 5 -> GF.createMultiLineString(new LineString[] {line(2), line(3)});
      case 6 -> r.nextBoolean() ? GF.createPolygon() : GF.createLineString();
      default -> GF.createGeometryCollection(new Geometry[] {geometry(depth - 1), geometry(depth - 1)});
    };
  }
}
