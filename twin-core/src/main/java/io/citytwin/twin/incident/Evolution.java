package io.citytwin.twin.incident;

import io.citytwin.twin.dispatch.Assignment;
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
import io.citytwin.twin.incident.TimelineEntry.Kind;
import io.citytwin.twin.rule.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** How one event changes one incident, timeline entry included. Pure. */
final class Evolution {
  private Evolution() {}

  static Incident opened(IncidentOpened e) {
    String text = "opened by " + e.source().kind().code() + " " + e.source().ref() + ": " + e.title()
        + " (" + e.severity().code() + (e.exercise() ? ", exercise" : "") + ")";
    return new Incident(
        e.incidentId(), e.type(), e.severity(), IncidentStatus.OPEN, e.placeKey(), e.area(),
        e.title(), e.source(), e.exercise(), e.evidence(), 1, e.atMillis(), e.atMillis(), Map.of(),
        List.of(), List.of(new TimelineEntry(
            e.seq(), e.atMillis(), Kind.OPENED, null, text, e.severity(), IncidentStatus.OPEN,
            e.evidence().size())));
  }

  /** {@code i} after {@code e}, which is about {@code i} and is not an {@link IncidentOpened}. */
  static Incident next(Incident i, IncidentEvent e) {
    if (e instanceof AlarmCorrelated c) {
      List<Evidence> evidence = new ArrayList<>(i.evidence());
      evidence.addAll(c.evidence());
      String text = "re-triggered by rule " + c.ruleId() + " (alarm " + (i.alarmCount() + 1) + ")"
          + (c.severity() != i.severity()
              ? ", severity " + i.severity().code() + " -> " + c.severity().code() : "");
      return with(i, e, Kind.RETRIGGERED, null, text, c.severity(), i.status(), i.area(), evidence,
          i.alarmCount() + 1, i.tasks(), i.closedEdges());
    }
    if (e instanceof AreaChanged a) {
      return with(i, e, Kind.AREA_CHANGED, null, "area changed: " + a.reason(), i.severity(),
          i.status(), a.area(), i.evidence(), i.alarmCount(), i.tasks(), i.closedEdges());
    }
    if (e instanceof RoadsClosed r) {
      return with(i, e, Kind.ROADS_CLOSED, null, r.edges().size() + " road edges closed to other traffic",
          i.severity(), i.status(), i.area(), i.evidence(), i.alarmCount(), i.tasks(), r.edges());
    }
    if (e instanceof StatusChanged s) {
      String text = "status " + s.from().code() + " -> " + s.to().code() + " by " + s.by()
          + (s.note().isEmpty() ? "" : ": " + s.note());
      return with(i, e, Kind.STATUS_CHANGED, null, text, i.severity(), s.to(), i.area(),
          i.evidence(), i.alarmCount(), i.tasks(), i.closedEdges());
    }
    return taskEvent(i, e);
  }

  private static Incident taskEvent(Incident i, IncidentEvent e) {
    if (e instanceof TaskCreated c) {
      return created(i, c);
    }
    if (e instanceof TaskDispatched d) {
      String text = d.taskId() + " sent to " + i.tasks().get(d.taskId()).spec().agency().code()
          + (d.assignment() == null ? "" : ": " + describe(d.assignment()));
      return task(i, e, d.taskId(), t -> t.dispatched(d.assignment(), d.atMillis()),
          Kind.TASK_DISPATCHED, text);
    }
    if (e instanceof TaskRerouted r) {
      return task(i, e, r.taskId(), t -> t.rerouted(r.assignment()), Kind.TASK_REROUTED,
          r.taskId() + " re-planned (" + r.reason() + "): " + describe(r.assignment()));
    }
    if (e instanceof TaskAcknowledged a) {
      Acknowledgement ack = new Acknowledgement(a.agency(), a.by(), a.channel(), a.atMillis());
      return task(i, e, a.taskId(), t -> t.acknowledged(ack), Kind.TASK_ACKNOWLEDGED,
          a.taskId() + " acknowledged by " + a.by() + " (" + a.agency().code() + ", via "
              + a.channel().code() + ")");
    }
    if (e instanceof TaskEscalated x) {
      return task(i, e, x.taskId(), t -> t.escalated(x.level()), Kind.TASK_ESCALATED,
          x.taskId() + " escalated to level " + x.level() + " (" + x.to().code()
              + "): not acknowledged by " + Instant.ofEpochMilli(x.missedDeadlineMillis()));
    }
    if (e instanceof UnitArrived a) {
      return task(i, e, a.taskId(), t -> t.arrived(a.atMillis()), Kind.TASK_ARRIVED,
          a.taskId() + " on site (" + a.by() + ")");
    }
    if (e instanceof ArrivalOverdue o) {
      return task(i, e, o.taskId(), Task::overdue, Kind.ARRIVAL_OVERDUE,
          o.taskId() + " not on site by " + Instant.ofEpochMilli(o.deadlineMillis()));
    }
    if (e instanceof TaskCompleted c) {
      return task(i, e, c.taskId(), t -> t.finished(TaskStatus.DONE, c.note(), c.atMillis()),
          Kind.TASK_DONE, c.taskId() + " done (" + c.by() + ")" + (c.note().isEmpty() ? "" : ": " + c.note()));
    }
    TaskCancelled c = (TaskCancelled) e;
    return task(i, e, c.taskId(), t -> t.finished(TaskStatus.CANCELLED, c.reason(), c.atMillis()),
        Kind.TASK_CANCELLED, c.taskId() + " cancelled: " + c.reason());
  }

  private static Incident created(Incident i, TaskCreated c) {
    if (i.tasks().containsKey(c.taskId())) {
      throw new IllegalStateException("event " + c.seq() + " creates task " + c.taskId() + " of "
          + i.id() + " again");
    }
    Map<String, Task> tasks = new LinkedHashMap<>(i.tasks());
    tasks.put(c.taskId(), Task.created(c.taskId(), c.spec(), c.atMillis()));
    String text = c.taskId() + " for " + c.spec().agency().code() + ": " + c.spec().action();
    return with(i, c, Kind.TASK_CREATED, c.taskId(), text, i.severity(), i.status(), i.area(),
        i.evidence(), i.alarmCount(), tasks, i.closedEdges());
  }

  private static String describe(Assignment a) {
    return "unit " + a.unitId() + " from " + (a.baseName().isEmpty() ? a.baseId() : a.baseName())
        + ", " + Math.round(a.route().lengthM()) + " m, ETA " + Instant.ofEpochMilli(a.etaMillis());
  }

  private static Incident task(
      Incident i, IncidentEvent e, String taskId, UnaryOperator<Task> change, Kind kind, String text) {
    Task t = i.tasks().get(taskId);
    if (t == null) {
      throw new IllegalStateException(
          "event " + e.seq() + " is about task " + taskId + ", which " + i.id() + " does not have");
    }
    Map<String, Task> tasks = new LinkedHashMap<>(i.tasks());
    tasks.put(taskId, change.apply(t));
    return with(i, e, kind, taskId, text, i.severity(), i.status(), i.area(), i.evidence(),
        i.alarmCount(), tasks, i.closedEdges());
  }

  private static Incident with(
      Incident i, IncidentEvent e, Kind kind, String taskId, String text, Severity severity,
      IncidentStatus status, org.locationtech.jts.geom.Geometry area, List<Evidence> evidence,
      long alarms, Map<String, Task> tasks, List<Integer> closed) {
    List<TimelineEntry> timeline = new ArrayList<>(i.timeline().size() + 1);
    timeline.addAll(i.timeline());
    timeline.add(new TimelineEntry(
        e.seq(), e.atMillis(), kind, taskId, text, severity, status, evidence.size()));
    return new Incident(
        i.id(), i.type(), severity, status, i.placeKey(), area, i.title(), i.source(), i.exercise(),
        evidence, alarms, i.openedAtMillis(), Math.max(i.updatedAtMillis(), e.atMillis()), tasks,
        closed, timeline);
  }
}
