package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.ResponsePlans;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class ScenarioDispatchTest {
  private static final Geometry DANGER = GridTown.box(2.6, 2.6, 3.4, 3.4);
  private static final ResponsePlans PLANS = GridTown.plans();
  private static final RoadDispatcher REFERENCE = new RoadDispatcher(GridTown.index(), PLANS.fleet());
  private static final RoadGraph GRAPH = GridTown.model().roads();

  private static EvacuationModel model(String responders, HazardField hazard) {
    Scenario s = GridTown.scenario("{\"car\": {\"share\": 0.5}, \"responders\": " + responders + "}", 9,
        Duration.ofHours(1), Duration.ofSeconds(10), List.of());
    return EvacuationModel.fromScenario(s, GridTown.index(), PLANS, hazard);
  }

  private static List<Frame> run(EvacuationModel m) {
    List<Frame> frames = new ArrayList<>();
    Instant t = GridTown.START;
    for (int i = 1; i <= 360 && !m.finished(); i++) {
      Frame f = m.step(i, t, Duration.ofSeconds(10));
      frames.add(f);
      t = f.time();
    }
    return frames;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> units(EvacuationModel m) {
    return (List<Map<String, Object>>) m.summary().get("responders");
  }

  @Test
  void unitsAreTheOnesTwinCoresDispatcherChoosesWithItsEtas() {
    EvacuationModel m = model("{\"incident\": \"chemical_release\", \"congestionDelay\": false}",
        HazardField.fixed(DANGER));
    List<Frame> frames = run(m);
    long at = GridTown.START.toEpochMilli();
    Assignment first = REFERENCE.assign(Agency.FIRE, DANGER, Set.of(), Set.of(), at).orElseThrow();
    Assignment second = REFERENCE.assign(Agency.FIRE, DANGER, Set.of(first.unitId()), Set.of(), at).orElseThrow();
    List<Map<String, Object>> units = units(m);
    assertThat(units).extracting(u -> u.get("unit")).containsExactly(first.unitId(), second.unitId());
    assertThat(units.get(0).get("freeFlowEta")).isEqualTo(Instant.ofEpochMilli(first.etaMillis()).toString());
    assertThat(units.get(0).get("arrivedAt")).isEqualTo(units.get(0).get("freeFlowEta"));
    assertThat(units.get(1).get("freeFlowEta")).isEqualTo(Instant.ofEpochMilli(second.etaMillis()).toString());
    double expected = (first.etaMillis() - at) / 1000.0 - 10;
    assertThat(frames.get(0).metrics().get("responderEtaFireS")).isCloseTo(expected, within(0.05));
    assertThat(frames.get(0).notes()).anyMatch(n -> n.startsWith("fire unit " + first.unitId() + " from Fire station"));
    assertThat(frames.get(frames.size() - 1).metrics().get("responderEtaFireS")).isZero();
  }

  @Test
  void aClosureOnTheRoadAheadReroutesTheUnitAsLinkedDisposalWould() {
    long at = GridTown.START.toEpochMilli();
    Assignment planned = REFERENCE.assign(Agency.FIRE, DANGER, Set.of(), Set.of(), at).orElseThrow();
    List<Integer> route = planned.route().edges();
    int cut = route.stream().filter(e -> !GRAPH.edges().get(e).geometry().intersects(DANGER)).skip(1).findFirst()
        .orElseThrow();
    HazardField hazard = new HazardField() {
      @Override
      public Geometry footprintAt(Instant t) {
        return DANGER;
      }

      @Override
      public Set<Integer> closedEdgesAt(Instant t) {
        return t.isBefore(GridTown.START.plusSeconds(30)) ? Set.of() : Set.of(cut);
      }
    };
    EvacuationModel m = model("{\"incident\": \"chemical_release\", \"congestionDelay\": false}", hazard);
    List<String> notes = new ArrayList<>();
    List<Geometry> routesAfter = new ArrayList<>();
    for (Frame f : run(m)) {
      notes.addAll(f.notes());
      if (f.time().isAfter(GridTown.START.plusSeconds(30))) {
        routesAfter.add(f.footprints().get("responderRoutes"));
      }
    }
    Map<String, Object> unit = units(m).get(0);
    assertThat(unit.get("unit")).isEqualTo(planned.unitId());
    assertThat(unit.get("reroutes")).isEqualTo(1);
    assertThat(notes).anyMatch(n -> n.startsWith(planned.unitId() + " re-routed around closed roads"));
    assertThat(Instant.parse((String) unit.get("arrivedAt"))).isAfter(Instant.ofEpochMilli(planned.etaMillis()));
    Geometry closedRoad = GRAPH.edges().get(cut).geometry();
    for (Geometry g : routesAfter) {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        assertThat(g.getGeometryN(i).equalsExact(closedRoad)).isFalse();
      }
    }
  }

  @Test
  void withCongestionDelayAUnitWaitsForTheQueueOnItsWay() {
    long at = GridTown.START.toEpochMilli();
    Assignment planned = REFERENCE.assign(Agency.FIRE, DANGER, Set.of(), Set.of(), at).orElseThrow();
    int jammed = planned.route().edges().get(1);
    assertThat(delayOfFirstUnit(true, jammed)).isCloseTo(jamDelay(jammed), within(0.05));
    assertThat(delayOfFirstUnit(false, jammed)).isZero();
  }

  /** Reference: a full link (storage vehicles) discharging at capacity, 3600 / capacity s each. */
  private static double jamDelay(int edge) {
    RoadGraph.Edge e = GRAPH.edges().get(edge);
    int storage = Math.max(1, (int) Math.floor(e.lengthM() * e.lanes() / 7.5));
    return storage * 3600.0 / e.capacityVehPerHour();
  }

  /** Jams {@code edge} with cars that cannot leave it, then follows the first unit to the site. */
  private static double delayOfFirstUnit(boolean congestionDelay, int edge) {
    CarLinks links = CarLinks.of(GRAPH, 7.5);
    LinkQueues traffic = new LinkQueues(links, (v, t) -> { }, 1, 0, Double.POSITIVE_INFINITY);
    RoadGraph.Edge e = GRAPH.edges().get(edge);
    int onward = GRAPH.outEdge(e.to(), 0);
    BitSet blocked = new BitSet();
    blocked.set(onward);
    traffic.setClosed(blocked);
    for (int i = 0; i < links.storage(edge); i++) {
      traffic.add(new int[] {edge, onward}, 0);
    }
    traffic.advance(100, 1);
    assertThat(traffic.queued(edge, 100)).isEqualTo(links.storage(edge));
    ScenarioDispatch d = new ScenarioDispatch(REFERENCE, PLANS, IncidentType.CHEMICAL_RELEASE, Severity.MINOR, 100,
        congestionDelay, DANGER, "", links, GridTown.START);
    for (double t = 100; !d.done(); t += 10) {
      traffic.advance(t + 10, 1);
      d.step(t, t + 10, DANGER, new BitSet(), traffic, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
    }
    return ((Number) d.summary().get(0).get("delayS")).doubleValue();
  }
}
