package io.citytwin.sim.hazard.traffic;

import static io.citytwin.sim.hazard.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.hazard.Fixtures;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class TrafficIncidentModelTest {
  /** Boulevard Albert 1er, along Port Hercule. */
  static final long WAY = 4226740;

  static CityModel city;
  static Router router;

  @BeforeAll
  static void city() {
    city = Fixtures.monaco();
    router = new Router(city.roads());
  }

  static Scenario scenario(String params, long seed) {
    return Fixtures.scenario(ScenarioType.TRAFFIC_INCIDENT, Fixtures.at(7.4235, 43.7362), params, seed,
        Duration.ofHours(1), Duration.ofMinutes(5));
  }

  static List<Frame> run(TrafficIncidentModel m, Scenario s) {
    List<Frame> frames = new ArrayList<>();
    for (int k = 1; k <= s.steps(); k++) {
      frames.add(m.step(k, START.plus(s.step().multipliedBy(k - 1)), s.step()));
    }
    return frames;
  }

  @Test
  void closingAWayMakesTheTripsAlongItLongerOrImpossible() {
    Scenario s = scenario("{\"closures\": [{\"wayId\": " + WAY + ", \"from\": \"PT10M\", \"duration\": \"PT30M\"}]}", 1);
    TrafficIncidentModel m = new TrafficIncidentModel(s, city);
    List<Frame> frames = run(m, s);
    Instant during = START.plus(Duration.ofMinutes(20));
    Set<Integer> closed = m.closedEdgesAt(during);
    List<Integer> wayEdges = city.roads().edges().stream().filter(e -> e.wayId() == WAY).map(RoadGraph.Edge::index).toList();
    assertThat(closed).containsExactlyElementsOf(wayEdges);
    // Every trip across a closed edge: its baseline was that very edge; with the closure the
    // city's router, asked independently here, finds something longer or nothing.
    List<TrafficIncidentModel.Trip> across = m.trips().stream().filter(t -> t.kind().startsWith("across")).toList();
    assertThat(across).isNotEmpty();
    double[] after = m.travelTimesWith(closed);
    for (TrafficIncidentModel.Trip t : across) {
      Optional<Route> detour = router.route(t.from(), t.to(), TravelMode.CAR, Cost.TIME, RoadClosures.ofEdges(closed));
      double expected = detour.map(Route::travelTimeS).orElse(Double.POSITIVE_INFINITY);
      assertThat(after[m.trips().indexOf(t)]).isEqualTo(expected).isGreaterThan(t.baselineS());
      detour.ifPresent(r -> assertThat(r.edges()).doesNotContainAnyElementsOf(closed));
    }
    Frame mid = frames.get(3); // 20 min
    assertThat(mid.metrics().get("roadsClosed")).isEqualTo(wayEdges.size());
    assertThat(mid.metrics().get("tripsDelayed") + mid.metrics().get("tripsCutOff")).isGreaterThanOrEqualTo(across.size());
    assertThat(mid.metrics().get("maxDelayS")).isPositive();
    assertThat((List<?>) m.summary().get("trips")).anySatisfy(r -> assertThat(r).asString().contains("longer=true"));
  }

  @Test
  void theClosureHoldsOnlyForItsWindow() {
    Scenario s = scenario("{\"closures\": [{\"wayId\": \"w" + WAY + "\", \"from\": \"PT10M\", \"duration\": \"PT30M\"}]}", 1);
    TrafficIncidentModel m = new TrafficIncidentModel(s, city);
    List<Frame> frames = run(m, s);
    assertThat(m.closedEdgesAt(START)).isEmpty();
    assertThat(m.closedEdgesAt(START.plus(Duration.ofMinutes(9)))).isEmpty();
    assertThat(m.closedEdgesAt(START.plus(Duration.ofMinutes(10)))).isNotEmpty();
    assertThat(m.closedEdgesAt(START.plus(Duration.ofMinutes(39)))).isNotEmpty();
    assertThat(m.closedEdgesAt(START.plus(Duration.ofMinutes(40)))).isEmpty();
    assertThat(frames.get(1).notes()).anyMatch(n -> n.contains("started"));
    assertThat(frames.get(7).notes()).anyMatch(n -> n.contains("ended"));
    assertThat(frames.get(11).metrics().get("tripsDelayed")).isZero();
    assertThat(m.finished()).isTrue();
    assertThat(m.footprintAt(START.plus(Duration.ofMinutes(20))).isValid()).isTrue();
    assertThat(m.footprintAt(START.plus(Duration.ofMinutes(45))).isEmpty()).isTrue();
  }

  @Test
  void aClosureNearAPointTakesTheNearestDrivableWayWithinTheRadius() {
    // A point on the boulevard: the middle of one of its edges.
    RoadGraph.Edge e0 = city.roads().edges().stream().filter(e -> e.wayId() == WAY).findFirst().orElseThrow();
    org.locationtech.jts.geom.Point on = e0.geometry().getInteriorPoint();
    String near = "{\"lat\": " + on.getY() + ", \"lon\": " + on.getX() + "}";
    Scenario s = scenario("{\"closures\": [{\"near\": " + near + ", \"radiusM\": 40}]}", 1);
    TrafficIncidentModel m = new TrafficIncidentModel(s, city);
    Set<Integer> closed = m.closedEdgesAt(START);
    assertThat(closed).contains(e0.index());
    assertThat(closed.stream().map(e -> city.roads().edges().get(e).wayId()).distinct()).containsExactly(WAY);
    Geometry circle = city.projection().toWgs84(city.projection().toMetric(on).buffer(40.5, 32));
    closed.forEach(e -> assertThat(circle.intersects(city.roads().edges().get(e).geometry())).isTrue());
    // Without sameWay every road in the circle closes, footpaths included.
    Scenario area = scenario("{\"closures\": [{\"near\": " + near + ", \"radiusM\": 40, \"sameWay\": false}]}", 1);
    assertThat(new TrafficIncidentModel(area, city).closedEdgesAt(START)).containsAll(closed).hasSizeGreaterThan(closed.size());
  }

  @Test
  void sampleTripsFollowTheSeed() {
    String p = "{\"closures\": [{\"wayId\": " + WAY + "}], \"samplePairs\": 10}";
    List<TrafficIncidentModel.Trip> a = new TrafficIncidentModel(scenario(p, 7), city).trips();
    assertThat(new TrafficIncidentModel(scenario(p, 7), city).trips()).isEqualTo(a);
    assertThat(new TrafficIncidentModel(scenario(p, 8), city).trips()).isNotEqualTo(a);
    assertThat(a.stream().filter(t -> t.kind().equals("sample"))).hasSizeBetween(8, 10);
  }
}
