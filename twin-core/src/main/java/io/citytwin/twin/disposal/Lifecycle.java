package io.citytwin.twin.disposal;

import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import java.time.Instant;

/**
 * Operator and agency commands on existing incidents and tasks. Repeating a step already taken
 * (an acknowledgement, an arrival, a completion) is accepted without events, so at-least-once
 * transports may redeliver; anything else out of order is refused with the reason.
 */
final class Lifecycle {
  private static final int MAX_ACTOR = 200;
  private static final int MAX_NOTE = 2000;

  private Lifecycle() {}

  static void acknowledge(Batch b, IncidentCommand.AcknowledgeTask c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    Task t = task(i, c.taskId());
    actor(c.by());
    if (c.agency() == null || c.channel() == null) {
      throw new Refused("acknowledgement of " + ref(i, t) + " must name the agency and the channel");
    }
    if (c.agency() != t.spec().agency()) {
      throw new Refused(ref(i, t) + " belongs to " + t.spec().agency().code() + ", not " + c.agency().code());
    }
    if (t.ack() != null) {
      return;
    }
    open(i, t);
    if (t.status() == TaskStatus.PENDING) {
      throw new Refused(ref(i, t) + " is pending: no unit has been assigned yet, so it cannot be acknowledged");
    }
    notBefore(c.atMillis(), t.createdAtMillis(), ref(i, t) + " was created");
    b.emit(new IncidentEvent.TaskAcknowledged(
        b.seq(), c.atMillis(), i.id(), t.id(), c.agency(), c.by(), c.channel()));
  }

  static void arrive(Batch b, IncidentCommand.MarkArrived c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    Task t = task(i, c.taskId());
    actor(c.by());
    if (!t.spec().onSite()) {
      throw new Refused(ref(i, t) + " sends nobody on site");
    }
    if (t.arrivedAtMillis() >= 0) {
      return;
    }
    open(i, t);
    if (t.status() != TaskStatus.ACKNOWLEDGED) {
      throw new Refused(ref(i, t) + " is " + t.status().code() + ": acknowledge it before reporting arrival");
    }
    b.emit(new IncidentEvent.UnitArrived(b.seq(), c.atMillis(), i.id(), t.id(), c.by()));
  }

  static void complete(Batch b, IncidentCommand.CompleteTask c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    Task t = task(i, c.taskId());
    actor(c.by());
    String note = note(c.note());
    if (t.status() == TaskStatus.DONE) {
      return;
    }
    open(i, t);
    boolean ready = t.status() == TaskStatus.ARRIVED
        || (t.status() == TaskStatus.ACKNOWLEDGED && !t.spec().onSite());
    if (!ready) {
      throw new Refused(ref(i, t) + " is " + t.status().code() + ": "
          + (t.status() == TaskStatus.ACKNOWLEDGED ? "its unit has not arrived" : "it has not been acknowledged"));
    }
    b.emit(new IncidentEvent.TaskCompleted(b.seq(), c.atMillis(), i.id(), t.id(), c.by(), note));
  }

  static void resolve(Batch b, IncidentCommand.Resolve c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    actor(c.by());
    String note = note(c.note());
    if (i.status() == IncidentStatus.OPEN) {
      throw new Refused(i.id() + " is open: nothing has been dispatched yet; cancel it instead");
    }
    requireStatus(i, "resolved", IncidentStatus.DISPATCHED, IncidentStatus.IN_PROGRESS);
    end(b, i, IncidentStatus.RESOLVED, c.by(), note, c.atMillis(), "incident resolved");
  }

  static void close(Batch b, IncidentCommand.Close c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    actor(c.by());
    String note = note(c.note());
    requireStatus(i, "closed", IncidentStatus.RESOLVED);
    b.emit(new IncidentEvent.StatusChanged(
        b.seq(), c.atMillis(), i.id(), i.status(), IncidentStatus.CLOSED, c.by(), note));
  }

  static void cancel(Batch b, IncidentCommand.Cancel c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    actor(c.by());
    String reason = note(c.reason());
    requireStatus(i, "cancelled", IncidentStatus.OPEN, IncidentStatus.DISPATCHED, IncidentStatus.IN_PROGRESS);
    end(b, i, IncidentStatus.CANCELLED, c.by(), reason, c.atMillis(), "incident cancelled");
  }

  static void updateArea(Disposal d, Batch b, IncidentCommand.UpdateArea c) {
    Incident i = incident(b, c.incidentId(), c.atMillis());
    if (c.area() == null) {
      throw new Refused("new area of " + i.id() + " is missing");
    }
    String reason = note(c.reason());
    if (!i.isActive()) {
      throw new Refused(i.id() + " is " + i.status().code() + ": only an active incident's area can change");
    }
    Correlation.checkArea("new area of " + i.id(), c.area());
    if (c.area().equalsExact(i.area())) {
      return;
    }
    b.emit(new IncidentEvent.AreaChanged(b.seq(), c.atMillis(), i.id(), c.area(), reason));
    Correlation.closeRoads(d, b, b.incident(i.id()), c.atMillis());
  }

  private static void end(
      Batch b, Incident i, IncidentStatus to, String by, String note, long at, String why) {
    for (Task t : i.tasks().values()) {
      if (t.status().isOpen()) {
        b.emit(new IncidentEvent.TaskCancelled(b.seq(), at, i.id(), t.id(), why));
      }
    }
    b.emit(new IncidentEvent.StatusChanged(b.seq(), at, i.id(), i.status(), to, by, note));
  }

  private static void requireStatus(Incident i, String verb, IncidentStatus... allowed) {
    for (IncidentStatus s : allowed) {
      if (i.status() == s) {
        return;
      }
    }
    StringBuilder names = new StringBuilder();
    for (IncidentStatus s : allowed) {
      names.append(names.length() == 0 ? "" : " or ").append(s.code());
    }
    throw new Refused(i.id() + " is " + i.status().code() + ": only an incident that is " + names
        + " can be " + verb);
  }

  private static Incident incident(Batch b, String id, long at) {
    Incident i = b.state().incident(id == null ? "" : id)
        .orElseThrow(() -> new Refused("no incident '" + id + "'"));
    notBefore(at, i.openedAtMillis(), i.id() + " opened");
    return i;
  }

  private static Task task(Incident i, String taskId) {
    return i.task(taskId == null ? "" : taskId)
        .orElseThrow(() -> new Refused(i.id() + " has no task '" + taskId + "'"));
  }

  /** Refuses steps on tasks that were dropped or incidents that are over. */
  private static void open(Incident i, Task t) {
    if (t.status() == TaskStatus.CANCELLED) {
      throw new Refused(ref(i, t) + " was cancelled (" + t.note() + ")");
    }
    if (!i.isActive()) {
      throw new Refused(i.id() + " is " + i.status().code());
    }
  }

  private static void notBefore(long at, long earliest, String what) {
    if (at < earliest) {
      throw new Refused("time " + Instant.ofEpochMilli(at) + " is before " + what + " at "
          + Instant.ofEpochMilli(earliest));
    }
  }

  private static void actor(String by) {
    if (by == null || by.isBlank() || by.length() > MAX_ACTOR) {
      throw new Refused("who did it ('by') must be 1.." + MAX_ACTOR + " characters");
    }
  }

  private static String note(String note) {
    if (note != null && note.length() > MAX_NOTE) {
      throw new Refused("note is longer than " + MAX_NOTE + " characters");
    }
    return note == null ? "" : note;
  }

  private static String ref(Incident i, Task t) {
    return "task " + t.id() + " of " + i.id();
  }
}
