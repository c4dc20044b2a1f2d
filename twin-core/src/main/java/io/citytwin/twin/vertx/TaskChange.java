package io.citytwin.twin.vertx;

import io.citytwin.twin.incident.IncidentEvent;
import java.util.Optional;

/** Which task an event changed and how, as the {@code change} of a task message. */
record TaskChange(String taskId, String change) {
  static Optional<TaskChange> of(IncidentEvent e) {
    if (e instanceof IncidentEvent.TaskCreated t) {
      return Optional.of(new TaskChange(t.taskId(), "created"));
    }
    if (e instanceof IncidentEvent.TaskDispatched t) {
      return Optional.of(new TaskChange(t.taskId(), "dispatched"));
    }
    if (e instanceof IncidentEvent.TaskRerouted t) {
      return Optional.of(new TaskChange(t.taskId(), "rerouted"));
    }
    if (e instanceof IncidentEvent.TaskAcknowledged t) {
      return Optional.of(new TaskChange(t.taskId(), "acknowledged"));
    }
    if (e instanceof IncidentEvent.TaskEscalated t) {
      return Optional.of(new TaskChange(t.taskId(), "escalated"));
    }
    if (e instanceof IncidentEvent.UnitArrived t) {
      return Optional.of(new TaskChange(t.taskId(), "arrived"));
    }
    if (e instanceof IncidentEvent.ArrivalOverdue t) {
      return Optional.of(new TaskChange(t.taskId(), "overdue"));
    }
    if (e instanceof IncidentEvent.TaskCompleted t) {
      return Optional.of(new TaskChange(t.taskId(), "done"));
    }
    if (e instanceof IncidentEvent.TaskCancelled t) {
      return Optional.of(new TaskChange(t.taskId(), "cancelled"));
    }
    return Optional.empty();
  }
}
