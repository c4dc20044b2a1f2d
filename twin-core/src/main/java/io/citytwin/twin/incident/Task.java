package io.citytwin.twin.incident;

import io.citytwin.twin.dispatch.Assignment;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One agency's part in an incident's response. Immutable; changed only by applying events
 * ({@link IncidentsState#apply}).
 *
 * @param id unique within the incident: agency code and number, e.g. {@code fire-1}, {@code ems-2}
 * @param createdAtMillis when the task was created; both SLAs count from here
 * @param dispatchedAtMillis when it was first sent to the agency, or -1
 * @param assignment the unit and route, or null (no unit goes, or none assigned yet)
 * @param ack the acknowledgement, or null
 * @param arrivedAtMillis when the unit reported on site, or -1
 * @param finishedAtMillis when it became done or cancelled, or -1
 * @param note completion note or cancellation reason, or empty
 * @param escalationLevel levels of the chain already alerted (0 = none)
 * @param arrivalOverdue whether the arrival SLA was missed
 */
public record Task(
    String id, TaskSpec spec, TaskStatus status, long createdAtMillis, long dispatchedAtMillis,
    Assignment assignment, Acknowledgement ack, long arrivedAtMillis, long finishedAtMillis,
    String note, int escalationLevel, boolean arrivalOverdue) {

  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(note, "note");
  }

  static Task created(String id, TaskSpec spec, long atMillis) {
    return new Task(id, spec, TaskStatus.PENDING, atMillis, -1, null, null, -1, -1, "", 0, false);
  }

  /** The acknowledgement SLA deadline, epoch milliseconds. */
  public long ackDeadlineMillis() {
    return createdAtMillis + spec.ackWithin().toMillis();
  }

  /**
   * When escalation level {@code level} (1-based) fires if the task is still unacknowledged: the
   * acknowledgement deadline plus the delays of levels 1..level.
   */
  public long escalationDeadlineMillis(int level) {
    if (level < 1 || level > spec.escalation().size()) {
      throw new IllegalArgumentException(
          "level must be 1.." + spec.escalation().size() + ", was " + level);
    }
    long t = ackDeadlineMillis();
    for (int i = 0; i < level; i++) {
      t += spec.escalation().get(i).after().toMillis();
    }
    return t;
  }

  /** The next escalation deadline, if the chain has a level left and the task awaits its ack. */
  public OptionalLong nextEscalationMillis() {
    if (!status.awaitsAck() || escalationLevel >= spec.escalation().size()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(escalationDeadlineMillis(escalationLevel + 1));
  }

  /** The arrival SLA deadline, for on-site tasks. */
  public OptionalLong arrivalDeadlineMillis() {
    return spec.arriveWithin() == null
        ? OptionalLong.empty()
        : OptionalLong.of(createdAtMillis + spec.arriveWithin().toMillis());
  }

  Task dispatched(Assignment a, long at) {
    return new Task(id, spec, TaskStatus.DISPATCHED, createdAtMillis, at, a, ack, arrivedAtMillis,
        finishedAtMillis, note, escalationLevel, arrivalOverdue);
  }

  Task rerouted(Assignment a) {
    return new Task(id, spec, status, createdAtMillis, dispatchedAtMillis, a, ack, arrivedAtMillis,
        finishedAtMillis, note, escalationLevel, arrivalOverdue);
  }

  Task acknowledged(Acknowledgement a) {
    return new Task(id, spec, TaskStatus.ACKNOWLEDGED, createdAtMillis, dispatchedAtMillis,
        assignment, a, arrivedAtMillis, finishedAtMillis, note, escalationLevel, arrivalOverdue);
  }

  Task escalated(int level) {
    return new Task(id, spec, status, createdAtMillis, dispatchedAtMillis, assignment, ack,
        arrivedAtMillis, finishedAtMillis, note, level, arrivalOverdue);
  }

  Task arrived(long at) {
    return new Task(id, spec, TaskStatus.ARRIVED, createdAtMillis, dispatchedAtMillis, assignment,
        ack, at, finishedAtMillis, note, escalationLevel, arrivalOverdue);
  }

  Task overdue() {
    return new Task(id, spec, status, createdAtMillis, dispatchedAtMillis, assignment, ack,
        arrivedAtMillis, finishedAtMillis, note, escalationLevel, true);
  }

  Task finished(TaskStatus to, String why, long at) {
    return new Task(id, spec, to, createdAtMillis, dispatchedAtMillis, assignment, ack,
        arrivedAtMillis, at, why, escalationLevel, arrivalOverdue);
  }
}
