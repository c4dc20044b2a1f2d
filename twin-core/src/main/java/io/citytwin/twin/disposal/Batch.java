package io.citytwin.twin.disposal;

import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentsState;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one decision so far and the state they lead to, so that each step of a decision
 * sees the effect of the previous ones (a unit sent to one task is busy for the next).
 */
final class Batch {
  private IncidentsState state;
  private final List<IncidentEvent> events = new ArrayList<>();

  Batch(IncidentsState state) {
    this.state = state;
  }

  IncidentsState state() {
    return state;
  }

  /** Sequence number for the next event. */
  long seq() {
    return state.revision() + 1;
  }

  void emit(IncidentEvent e) {
    state = state.apply(e);
    events.add(e);
  }

  Incident incident(String id) {
    return state.incident(id).orElseThrow();
  }

  List<IncidentEvent> events() {
    return List.copyOf(events);
  }
}
