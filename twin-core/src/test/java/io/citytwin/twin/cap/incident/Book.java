package io.citytwin.twin.cap.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.dispatch.Dispatcher;
import io.citytwin.twin.disposal.Disposal;
import io.citytwin.twin.disposal.DisposalSettings;
import io.citytwin.twin.disposal.ResponsePlans;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentsState;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident book driven the way the platform drives it: each command decided by the real
 * linked-disposal engine (Monaco's response plans, by default without road data), the accepted
 * events applied and journaled, and the state after each command kept.
 */
final class Book {
  static final ResponsePlans MONACO = ResponsePlans.builtIn("monaco");
  static final Disposal WITHOUT_UNITS =
      new Disposal(MONACO, Dispatcher.withoutUnits(), DisposalSettings.DEFAULTS);

  private final Disposal engine;
  IncidentsState state = IncidentsState.initial();
  final List<IncidentEvent> journal = new ArrayList<>();
  final List<IncidentsState> history = new ArrayList<>();

  Book(Disposal engine) {
    this.engine = engine;
  }

  Book() {
    this(WITHOUT_UNITS);
  }

  /** Decides and applies a command, which must be accepted; returns its events. */
  List<IncidentEvent> accept(IncidentCommand c) {
    Disposal.Decision d = engine.decide(state, c);
    assertThat(d).as("decision on %s", c).isInstanceOf(Disposal.Decision.Accepted.class);
    state = state.applyAll(d.events());
    journal.addAll(d.events());
    history.add(state);
    return d.events();
  }

  /** Decides and applies every command of an import, which must all be accepted. */
  List<IncidentEvent> accept(CapImportResult imported) {
    assertThat(imported.kind()).as(imported.summary()).isEqualTo(CapImportResult.Kind.IMPORTED);
    List<IncidentEvent> events = new ArrayList<>();
    imported.commands().forEach(c -> events.addAll(accept(c)));
    return events;
  }

  Incident incident(String id) {
    return state.incident(id).orElseThrow();
  }

  /** The only incident there is. */
  Incident only() {
    assertThat(state.incidents()).hasSize(1);
    return state.incidents().iterator().next();
  }
}
