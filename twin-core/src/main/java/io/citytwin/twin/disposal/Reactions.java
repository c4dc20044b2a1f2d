package io.citytwin.twin.disposal;

import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.Dispatcher;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the engine does after every command: re-plan units cut off by new closures, send out
 * waiting tasks, and move incident statuses along with their tasks.
 */
final class Reactions {
  private Reactions() {}

  static void run(Disposal d, Batch b, long at, boolean closuresChanged) {
    if (closuresChanged) {
      replan(d.dispatcher(), b, at);
    }
    dispatchPending(d.dispatcher(), b, at);
    followTasks(b, at);
  }

  /** Units still on their way whose road ahead is now closed get a new route (or are replaced). */
  private static void replan(Dispatcher dispatcher, Batch b, long at) {
    for (Incident i : b.state().activeIncidents()) {
      for (Task t : i.tasks().values()) {
        boolean onTheWay = t.status() == TaskStatus.DISPATCHED || t.status() == TaskStatus.ACKNOWLEDGED;
        if (!onTheWay || t.assignment() == null) {
          continue;
        }
        Incident now = b.incident(i.id());
        Optional<Assignment> next = dispatcher.replan(t.spec().agency(), t.assignment(), now.area(),
            b.state().busyUnits(now.exercise()), b.state().closedEdgesFor(now), at);
        if (next.isPresent()) {
          b.emit(new IncidentEvent.TaskRerouted(b.seq(), at, i.id(), t.id(), next.get(),
              "roads closed on the route ahead"));
        }
      }
    }
  }

  /**
   * Sends every pending task: at once when no unit is routed for it, else with the nearest free
   * unit that can reach the site. Most severe incidents choose first, then the oldest.
   */
  private static void dispatchPending(Dispatcher dispatcher, Batch b, long at) {
    List<Incident> queue = new ArrayList<>(b.state().activeIncidents());
    queue.sort(Comparator.comparing(Incident::severity).reversed());
    for (Incident i : queue) {
      for (Task t : i.tasks().values()) {
        if (t.status() != TaskStatus.PENDING) {
          continue;
        }
        if (!t.spec().onSite() || !dispatcher.dispatchesUnits(t.spec().agency())) {
          b.emit(new IncidentEvent.TaskDispatched(b.seq(), at, i.id(), t.id(), null));
          continue;
        }
        Incident now = b.incident(i.id());
        dispatcher.assign(t.spec().agency(), now.area(), b.state().busyUnits(now.exercise()),
                b.state().closedEdgesFor(now), at)
            .ifPresent(a -> b.emit(new IncidentEvent.TaskDispatched(b.seq(), at, i.id(), t.id(), a)));
      }
    }
  }

  /** open -> dispatched once a task is out; dispatched -> in_progress once one is on site or done. */
  private static void followTasks(Batch b, long at) {
    for (Incident i : b.state().activeIncidents()) {
      boolean out = i.tasks().values().stream().anyMatch(t -> t.dispatchedAtMillis() >= 0);
      boolean working = i.tasks().values().stream()
          .anyMatch(t -> t.status() == TaskStatus.ARRIVED || t.status() == TaskStatus.DONE);
      if (i.status() == IncidentStatus.OPEN && out) {
        b.emit(new IncidentEvent.StatusChanged(b.seq(), at, i.id(), IncidentStatus.OPEN,
            IncidentStatus.DISPATCHED, Disposal.SYSTEM, "first task sent"));
        i = b.incident(i.id());
      }
      if (i.status() == IncidentStatus.DISPATCHED && working) {
        b.emit(new IncidentEvent.StatusChanged(b.seq(), at, i.id(), IncidentStatus.DISPATCHED,
            IncidentStatus.IN_PROGRESS, Disposal.SYSTEM, "a unit is on site or a task is done"));
      }
    }
  }
}
