package io.citytwin.twin.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.index.CityIndex;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An operations desk for tests: the engine, the current state and the journal of every accepted
 * event, driven the way the twin's owner will drive it (decide, then apply).
 */
final class Desk {
  static final CityIndex GRID = new CityIndex(GridCity.model());
  static final ResponsePlans GRID_PLANS = plans("/disposal/grid-plans.json");

  final Disposal engine;
  IncidentsState state = IncidentsState.initial();
  final List<IncidentEvent> journal = new ArrayList<>();

  Desk(Disposal engine) {
    this.engine = engine;
  }

  /** Gridville with the test plans and the given evidence cap. */
  static Desk grid(int evidenceCap) {
    RoadDispatcher dispatcher = new RoadDispatcher(GRID, GRID_PLANS.fleet());
    return new Desk(new Disposal(GRID_PLANS, dispatcher, new DisposalSettings(evidenceCap)));
  }

  static Desk grid() {
    return grid(DisposalSettings.DEFAULTS.evidenceCap());
  }

  static ResponsePlans plans(String resource) {
    try (InputStream in = Desk.class.getResourceAsStream(resource)) {
      return ResponsePlanFile.read(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decides and applies; the command must be accepted. */
  List<IncidentEvent> accept(IncidentCommand c) {
    Disposal.Decision d = engine.decide(state, c);
    assertThat(d).as("decision on %s", c).isInstanceOf(Disposal.Decision.Accepted.class);
    state = state.applyAll(d.events());
    journal.addAll(d.events());
    return d.events();
  }

  /** Decides a command that must be rejected, checks nothing changed, returns the reason. */
  String reject(IncidentCommand c) {
    Disposal.Decision d = engine.decide(state, c);
    assertThat(d).as("decision on %s", c).isInstanceOf(Disposal.Decision.Rejected.class);
    return ((Disposal.Decision.Rejected) d).reason();
  }

  List<IncidentEvent> tick(long now) {
    return accept(new IncidentCommand.Tick(now));
  }

  Incident incident(String id) {
    return state.incident(id).orElseThrow();
  }

  /** The only incident there is. */
  Incident only() {
    assertThat(state.incidents()).hasSize(1);
    return state.incidents().iterator().next();
  }

  Task task(String incidentId, String taskId) {
    return incident(incidentId).task(taskId).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static <T extends IncidentEvent> List<T> ofType(List<IncidentEvent> events, Class<T> type) {
    return (List<T>) events.stream().filter(type::isInstance).toList();
  }
}
