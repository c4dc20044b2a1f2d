package io.citytwin.twin.incident.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoutePlan;
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
import io.citytwin.twin.incident.TaskSpec;
import io.citytwin.twin.rule.Evidence;
import java.io.IOException;
import java.util.List;

/** The type-specific members of each event (see {@link IncidentEventJson}). */
final class EventWriter {
  private EventWriter() {}

  static void members(JsonGenerator g, IncidentEvent e) throws IOException {
    if (e instanceof IncidentOpened o) {
      text(g, "incidentType", o.type().code());
      text(g, "severity", o.severity().code());
      text(g, "place", o.placeKey());
      g.writeFieldName("area");
      GeoJsonGeometry.write(g, o.area());
      text(g, "title", o.title());
      text(g, "rule", o.ruleId());
      g.writeObjectFieldStart("source");
      text(g, "kind", o.source().kind().code());
      text(g, "ref", o.source().ref());
      g.writeEndObject();
      g.writeBooleanField("exercise", o.exercise());
      evidence(g, o.evidence());
    } else if (e instanceof AlarmCorrelated c) {
      text(g, "rule", c.ruleId());
      text(g, "severity", c.severity().code());
      evidence(g, c.evidence());
    } else if (e instanceof AreaChanged a) {
      g.writeFieldName("area");
      GeoJsonGeometry.write(g, a.area());
      text(g, "reason", a.reason());
    } else if (e instanceof RoadsClosed r) {
      ints(g, "edges", r.edges());
    } else if (e instanceof StatusChanged s) {
      text(g, "from", s.from().code());
      text(g, "to", s.to().code());
      text(g, "by", s.by());
      text(g, "note", s.note());
    } else {
      task(g, e);
    }
  }

  private static void task(JsonGenerator g, IncidentEvent e) throws IOException {
    if (e instanceof TaskCreated c) {
      text(g, "task", c.taskId());
      spec(g, c.spec());
    } else if (e instanceof TaskDispatched d) {
      text(g, "task", d.taskId());
      g.writeFieldName("assignment");
      assignment(g, d.assignment());
    } else if (e instanceof TaskRerouted r) {
      text(g, "task", r.taskId());
      g.writeFieldName("assignment");
      assignment(g, r.assignment());
      text(g, "reason", r.reason());
    } else if (e instanceof TaskAcknowledged a) {
      text(g, "task", a.taskId());
      text(g, "agency", a.agency().code());
      text(g, "by", a.by());
      text(g, "channel", a.channel().code());
    } else if (e instanceof TaskEscalated x) {
      text(g, "task", x.taskId());
      g.writeNumberField("level", x.level());
      text(g, "to", x.to().code());
      g.writeNumberField("missedDeadline", x.missedDeadlineMillis());
    } else if (e instanceof UnitArrived a) {
      text(g, "task", a.taskId());
      text(g, "by", a.by());
    } else if (e instanceof ArrivalOverdue o) {
      text(g, "task", o.taskId());
      g.writeNumberField("deadline", o.deadlineMillis());
    } else if (e instanceof TaskCompleted c) {
      text(g, "task", c.taskId());
      text(g, "by", c.by());
      text(g, "note", c.note());
    } else {
      TaskCancelled c = (TaskCancelled) e;
      text(g, "task", c.taskId());
      text(g, "reason", c.reason());
    }
  }

  private static void spec(JsonGenerator g, TaskSpec s) throws IOException {
    g.writeObjectFieldStart("spec");
    text(g, "agency", s.agency().code());
    text(g, "action", s.action());
    g.writeBooleanField("onSite", s.onSite());
    text(g, "ackWithin", s.ackWithin().toString());
    if (s.arriveWithin() != null) {
      text(g, "arriveWithin", s.arriveWithin().toString());
    }
    g.writeArrayFieldStart("escalation");
    for (EscalationStep step : s.escalation()) {
      g.writeStartObject();
      text(g, "to", step.to().code());
      text(g, "after", step.after().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    text(g, "plan", s.planId());
    g.writeEndObject();
  }

  private static void assignment(JsonGenerator g, Assignment a) throws IOException {
    if (a == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    text(g, "unit", a.unitId());
    text(g, "base", a.baseId());
    text(g, "baseName", a.baseName());
    g.writeNumberField("plannedAt", a.plannedAtMillis());
    finite(g, "startDelayS", a.startDelayS());
    g.writeNumberField("eta", a.etaMillis());
    RoutePlan r = a.route();
    g.writeObjectFieldStart("route");
    ints(g, "nodes", r.nodes());
    ints(g, "edges", r.edges());
    finite(g, "lengthM", r.lengthM());
    finite(g, "travelTimeS", r.travelTimeS());
    g.writeFieldName("geometry");
    GeoJsonGeometry.write(g, r.geometry());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void evidence(JsonGenerator g, List<Evidence> evidence) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (Evidence ev : evidence) {
      g.writeStartObject();
      text(g, "sensor", ev.sensorId());
      text(g, "quantity", ev.quantity().canonicalName());
      finite(g, "value", ev.value());
      g.writeNumberField("ts", ev.timestampMillis());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void ints(JsonGenerator g, String name, List<Integer> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (int v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void text(JsonGenerator g, String name, String value) throws IOException {
    if (value == null) {
      throw new IllegalArgumentException(name + " is null; events carry text, possibly empty");
    }
    g.writeStringField(name, value);
  }

  private static void finite(JsonGenerator g, String name, double v) throws IOException {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " is " + v + ", which JSON cannot carry");
    }
    g.writeNumberField(name, v);
  }
}
