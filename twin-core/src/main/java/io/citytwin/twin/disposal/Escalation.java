package io.citytwin.twin.disposal;

import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import java.util.OptionalLong;

/**
 * SLA checks at a clock tick. A task of an active incident that is still unacknowledged (pending
 * or dispatched) at {@code now >= } the deadline of its next escalation level escalates to it:
 * level 1 at the acknowledgement SLA deadline plus level 1's delay, level n at level n-1's
 * deadline plus level n's delay. A late tick catches up every level due, in order, each with the
 * deadline it missed. A task with a unit on site that has no arrival at {@code now >=} creation +
 * arrival SLA is recorded as overdue, once.
 */
final class Escalation {
  private Escalation() {}

  static void tick(Batch b, long now) {
    for (Incident i : b.state().activeIncidents()) {
      for (Task t : i.tasks().values()) {
        escalate(b, i, t, now);
        arrival(b, i, t, now);
      }
    }
  }

  private static void escalate(Batch b, Incident i, Task t, long now) {
    int level = t.escalationLevel();
    OptionalLong due = t.nextEscalationMillis();
    while (due.isPresent() && now >= due.getAsLong()) {
      level++;
      b.emit(new IncidentEvent.TaskEscalated(b.seq(), now, i.id(), t.id(), level,
          t.spec().escalation().get(level - 1).to(), due.getAsLong()));
      due = level < t.spec().escalation().size()
          ? OptionalLong.of(t.escalationDeadlineMillis(level + 1)) : OptionalLong.empty();
    }
  }

  private static void arrival(Batch b, Incident i, Task t, long now) {
    OptionalLong deadline = t.arrivalDeadlineMillis();
    boolean waiting = t.status() == TaskStatus.PENDING || t.status() == TaskStatus.DISPATCHED
        || t.status() == TaskStatus.ACKNOWLEDGED;
    if (deadline.isPresent() && waiting && !t.arrivalOverdue() && now >= deadline.getAsLong()) {
      b.emit(new IncidentEvent.ArrivalOverdue(b.seq(), now, i.id(), t.id(), deadline.getAsLong()));
    }
  }
}
