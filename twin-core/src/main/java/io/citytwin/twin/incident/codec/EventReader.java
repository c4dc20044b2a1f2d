package io.citytwin.twin.incident.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoutePlan;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.EscalationRole;
import io.citytwin.twin.incident.EscalationStep;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentEvent.AlarmCorrelated;
import io.citytwin.twin.incident.IncidentEvent.AreaChanged;
import io.citytwin.twin.incident.IncidentEvent.ArrivalOverdue;
import io.citytwin.twin.incident.IncidentEvent.IncidentOpened;
import io.citytwin.twin.incident.IncidentEvent.RoadsClosed;
import io.citytwin.twin.incident.IncidentEvent.StatusChanged;
import io.citytwin.twin.incident.IncidentEvent.TaskAcknowledged;
import io.citytwin.twin.incident.IncidentEvent.TaskCancelled;
import io.citytwin.twin.incident.IncidentEvent.TaskCompleted;
import io.citytwin.twin.incident.IncidentEvent.TaskCreated;
import io.citytwin.twin.incident.IncidentEvent.TaskDispatched;
import io.citytwin.twin.incident.IncidentEvent.TaskEscalated;
import io.citytwin.twin.incident.IncidentEvent.TaskRerouted;
import io.citytwin.twin.incident.IncidentEvent.UnitArrived;
import io.citytwin.twin.incident.IncidentSource;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import io.citytwin.twin.json.JsonFields;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/** Reads one event object strictly (see {@link IncidentEventJson}). */
final class EventReader {
  private static final int TEXT = 10_000;
  private static final long TIME_MAX = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
  private static final Duration DAYS_30 = Duration.ofDays(30);

  private final String where;

  private EventReader(String where) {
    this.where = where;
  }

  static IncidentEvent read(JsonNode root) {
    JsonFields head = JsonFields.of(root, (f, p) -> new EventFormatException("incident event", f, p));
    long v = head.integer("v", 0, Integer.MAX_VALUE);
    if (v != IncidentEventJson.VERSION) {
      throw head.fail("v", "unsupported event version " + v + " (this build reads " + IncidentEventJson.VERSION + ")");
    }
    long seq = head.integer("seq", 1, Long.MAX_VALUE);
    String type = head.text("type", 100);
    Class<? extends IncidentEvent> cls = IncidentEventJson.typeNamed(type);
    if (cls == null) {
      throw head.fail("type", "unknown event type '" + type + "' (known: " + IncidentEventJson.typeNames() + ")");
    }
    EventReader r = new EventReader("incident event #" + seq + " (" + type + ")");
    JsonFields f = r.fields(root, "");
    return r.event(cls, f, seq, f.integer("at", 0, TIME_MAX), f.nonBlank("incident", 200));
  }

  private IncidentEvent event(Class<? extends IncidentEvent> cls, JsonFields f, long seq, long at, String id) {
    if (cls == IncidentOpened.class) {
      known(f, "incidentType", "severity", "place", "area", "title", "rule", "source", "exercise", "evidence");
      JsonFields src = fields(f.object("source"), "source.").onlyKnown(Set.of("kind", "ref"));
      IncidentSource source = new IncidentSource(
          src.code("kind", EventReader::sourceKind, "source kind"), src.nonBlank("ref", 200));
      return new IncidentOpened(seq, at, id, f.code("incidentType", IncidentType::fromCode, "incident type"),
          severity(f), f.nonBlank("place", 200), geometry(f, "area"), f.text("title", TEXT),
          f.nonBlank("rule", 200), source, f.bool("exercise"), evidence(f));
    }
    if (cls == AlarmCorrelated.class) {
      known(f, "rule", "severity", "evidence");
      return new AlarmCorrelated(seq, at, id, f.nonBlank("rule", 200), severity(f), evidence(f));
    }
    if (cls == AreaChanged.class) {
      known(f, "area", "reason");
      return new AreaChanged(seq, at, id, geometry(f, "area"), f.text("reason", TEXT));
    }
    if (cls == RoadsClosed.class) {
      known(f, "edges");
      return new RoadsClosed(seq, at, id, ints(f, "edges"));
    }
    if (cls == StatusChanged.class) {
      known(f, "from", "to", "by", "note");
      return new StatusChanged(seq, at, id, status(f, "from"), status(f, "to"), f.nonBlank("by", 200),
          f.text("note", TEXT));
    }
    return task(cls, f, seq, at, id);
  }

  private IncidentEvent task(Class<? extends IncidentEvent> cls, JsonFields f, long seq, long at, String id) {
    if (cls == TaskCreated.class) {
      known(f, "task", "spec");
      return new TaskCreated(seq, at, id, taskId(f), spec(fields(f.object("spec"), "spec.")));
    }
    if (cls == TaskDispatched.class) {
      known(f, "task", "assignment");
      if (!f.node().has("assignment")) {
        throw f.fail("assignment", "missing (null when no unit is routed)");
      }
      JsonNode a = f.node().get("assignment");
      return new TaskDispatched(seq, at, id, taskId(f), a.isNull() ? null : assignment(a));
    }
    if (cls == TaskRerouted.class) {
      known(f, "task", "assignment", "reason");
      return new TaskRerouted(seq, at, id, taskId(f), assignment(f.object("assignment")), f.text("reason", TEXT));
    }
    if (cls == TaskAcknowledged.class) {
      known(f, "task", "agency", "by", "channel");
      return new TaskAcknowledged(seq, at, id, taskId(f), f.code("agency", Agency::fromCode, "agency"),
          f.nonBlank("by", 200), f.code("channel", Channel::fromCode, "channel"));
    }
    if (cls == TaskEscalated.class) {
      known(f, "task", "level", "to", "missedDeadline");
      return new TaskEscalated(seq, at, id, taskId(f), (int) f.integer("level", 1, 5),
          f.code("to", EscalationRole::fromCode, "escalation role"), f.integer("missedDeadline", 0, TIME_MAX));
    }
    if (cls == UnitArrived.class) {
      known(f, "task", "by");
      return new UnitArrived(seq, at, id, taskId(f), f.nonBlank("by", 200));
    }
    if (cls == ArrivalOverdue.class) {
      known(f, "task", "deadline");
      return new ArrivalOverdue(seq, at, id, taskId(f), f.integer("deadline", 0, TIME_MAX));
    }
    if (cls == TaskCompleted.class) {
      known(f, "task", "by", "note");
      return new TaskCompleted(seq, at, id, taskId(f), f.nonBlank("by", 200), f.text("note", TEXT));
    }
    known(f, "task", "reason");
    return new TaskCancelled(seq, at, id, taskId(f), f.text("reason", TEXT));
  }

  private TaskSpec spec(JsonFields f) {
    f.onlyKnown(Set.of("agency", "action", "onSite", "ackWithin", "arriveWithin", "escalation", "plan"));
    Agency agency = f.code("agency", Agency::fromCode, "agency");
    String action = f.text("action", TEXT);
    boolean onSite = f.bool("onSite");
    Duration ack = f.duration("ackWithin", Duration.ofMillis(1), DAYS_30);
    Duration arrive = f.has("arriveWithin") ? f.duration("arriveWithin", Duration.ofMillis(1), DAYS_30) : null;
    JsonNode chain = f.array("escalation");
    List<EscalationStep> steps = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      JsonFields s = fields(chain.get(i), "spec.escalation[" + i + "].").onlyKnown(Set.of("to", "after"));
      steps.add(new EscalationStep(s.code("to", EscalationRole::fromCode, "escalation role"),
          s.duration("after", Duration.ZERO, DAYS_30)));
    }
    String plan = f.nonBlank("plan", 200);
    return build("spec", () -> new TaskSpec(agency, action, onSite, ack, arrive, steps, plan));
  }

  private Assignment assignment(JsonNode node) {
    JsonFields f = fields(node, "assignment.")
        .onlyKnown(Set.of("unit", "base", "baseName", "plannedAt", "startDelayS", "eta", "route"));
    JsonFields r = fields(f.object("route"), "assignment.route.")
        .onlyKnown(Set.of("nodes", "edges", "lengthM", "travelTimeS", "geometry"));
    Geometry line = geometry(r, "geometry");
    if (!(line instanceof LineString ls)) {
      throw r.fail("geometry", "must be a LineString, found " + line.getGeometryType());
    }
    List<Integer> nodes = ints(r, "nodes");
    List<Integer> edges = ints(r, "edges");
    double length = r.number("lengthM", 0, 1e8);
    double time = r.number("travelTimeS", 0, 1e8);
    RoutePlan route = build("assignment.route", () -> new RoutePlan(nodes, edges, length, time, ls));
    String unit = f.nonBlank("unit", 200);
    String base = f.nonBlank("base", 200);
    String baseName = f.text("baseName", TEXT);
    long planned = f.integer("plannedAt", 0, TIME_MAX);
    double delay = f.number("startDelayS", 0, 1e8);
    long eta = f.integer("eta", 0, TIME_MAX);
    return build("assignment", () -> new Assignment(unit, base, baseName, planned, delay, route, eta));
  }

  private List<Evidence> evidence(JsonFields f) {
    JsonNode array = f.array("evidence");
    List<Evidence> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonFields e = fields(array.get(i), "evidence[" + i + "].")
          .onlyKnown(Set.of("sensor", "quantity", "value", "ts"));
      String q = e.text("quantity", 100);
      Quantity quantity = Quantity.byName(q);
      if (quantity == null) {
        throw e.fail("quantity", "unknown quantity '" + q + "'");
      }
      out.add(new Evidence(e.nonBlank("sensor", 200), quantity,
          e.number("value", -Double.MAX_VALUE, Double.MAX_VALUE), e.integer("ts", Long.MIN_VALUE, Long.MAX_VALUE)));
    }
    return out;
  }

  private List<Integer> ints(JsonFields f, String field) {
    JsonNode array = f.array(field);
    List<Integer> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode n = array.get(i);
      if (!n.isInt() || n.intValue() < 0) {
        throw f.fail(field, "element [" + i + "] must be a whole number 0.." + Integer.MAX_VALUE
            + ", found " + (n.isNumber() ? n.asText() : JsonFields.describe(n)));
      }
      out.add(n.intValue());
    }
    return out;
  }

  private Geometry geometry(JsonFields f, String field) {
    JsonNode node = f.required(field);
    return GeoJsonGeometry.read(node, field, f::fail);
  }

  private Severity severity(JsonFields f) {
    return f.code("severity", Severity::fromCode, "severity");
  }

  private IncidentStatus status(JsonFields f, String field) {
    return f.code(field, IncidentStatus::fromCode, "incident status");
  }

  private String taskId(JsonFields f) {
    return f.nonBlank("task", 200);
  }

  private void known(JsonFields f, String... members) {
    Set<String> allowed = new HashSet<>(IncidentEventJson.COMMON);
    allowed.addAll(List.of(members));
    f.onlyKnown(allowed);
  }

  private JsonFields fields(JsonNode node, String prefix) {
    return JsonFields.of(node, (field, problem) -> new EventFormatException(where,
        field == null ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1)) : prefix + field,
        problem));
  }

  private <T> T build(String what, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new EventFormatException(where, what, e.getMessage());
    }
  }

  private static Optional<IncidentSource.Kind> sourceKind(String code) {
    try {
      return Optional.of(IncidentSource.Kind.valueOf(code.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
