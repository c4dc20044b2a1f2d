package io.citytwin.twin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.fixture.GridCity;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Dispatch on Gridville: stations at the south-west (0,0) and north-east (4,4) corners. */
class RoadDispatcherTest {
  private static final CityIndex GRID = new CityIndex(GridCity.model());
  private static final Router ROUTER = GRID.router();
  private static final long T = 1_000_000L;
  private static final Duration TURNOUT = Duration.ofSeconds(60);
  private static final BaseSpec FIRE = new BaseSpec(Agency.FIRE, PoiKind.FIRE_STATION, 2, Map.of(), TURNOUT);

  private static RoadDispatcher dispatcher(BaseSpec... specs) {
    return new RoadDispatcher(GRID, List.of(specs));
  }

  private static Geometry block(int k) {
    return GRID.model().buildings().get(k - 1).footprint();
  }

  private static double drive(int fromNode, int toNode, RoadClosures closures) {
    return ROUTER.route(fromNode, toNode, TravelMode.CAR, Cost.TIME, closures)
        .map(r -> r.travelTimeS()).orElse(Double.POSITIVE_INFINITY);
  }

  @Test
  void everyBaseHoldsTheUnitsTheDataSays() {
    RoadDispatcher d = dispatcher(FIRE,
        new BaseSpec(Agency.POLICE, PoiKind.POLICE, 1, Map.of("poi/n4", 3), TURNOUT),
        new BaseSpec(Agency.EMS, PoiKind.HOSPITAL, 0, Map.of(), TURNOUT));
    assertThat(d.units(Agency.FIRE)).extracting(Unit::id).containsExactly(
        "fire:poi/n1#1", "fire:poi/n1#2", "fire:poi/n2#1", "fire:poi/n2#2");
    assertThat(d.units(Agency.FIRE)).extracting(Unit::node).containsExactly(
        GridCity.node(0, 0), GridCity.node(0, 0), GridCity.node(4, 4), GridCity.node(4, 4));
    assertThat(d.units(Agency.POLICE)).hasSize(3);
    assertThat(d.units(Agency.EMS)).isEmpty();
    assertThat(d.dispatchesUnits(Agency.EMS)).isTrue();
    assertThat(d.dispatchesUnits(Agency.TRAFFIC)).isFalse();
    assertThatThrownBy(() -> dispatcher(new BaseSpec(Agency.FIRE, PoiKind.FIRE_STATION, 1, Map.of("poi/n3", 2), TURNOUT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("poi/n3").hasMessageContaining("not a fire_station POI");
  }

  @Test
  void theUnitWithTheShortestDriveGoesWithItsRouteAndEta() {
    RoadDispatcher d = dispatcher(FIRE);
    for (int k = 1; k <= 3; k++) {
      int site = d.siteNode(block(k)).orElseThrow();
      assertThat(site).isEqualTo(GridCity.node(k, k));
      double fromSw = drive(GridCity.node(0, 0), site, RoadClosures.none());
      double fromNe = drive(GridCity.node(4, 4), site, RoadClosures.none());
      Assignment a = d.assign(Agency.FIRE, block(k), Set.of(), Set.of(), T).orElseThrow();
      String expectedBase = fromSw <= fromNe ? "poi/n1" : "poi/n2";
      if (fromSw != fromNe) {
        assertThat(a.baseId()).as("block %d", k).isEqualTo(expectedBase);
      }
      double best = Math.min(fromSw, fromNe);
      assertThat(a.route().travelTimeS()).isCloseTo(best, within(1e-9));
      assertThat(a.startDelayS()).isEqualTo(TURNOUT.toSeconds());
      assertThat(a.etaMillis()).isEqualTo(T + Math.round((TURNOUT.toSeconds() + best) * 1000));
      assertThat(a.route().to()).isEqualTo(site);
      assertThat(a.route().geometry().getNumPoints()).isEqualTo(a.route().nodes().size());
    }
  }

  @Test
  void busyUnitsAreSkippedAndNoFreeUnitMeansNoAssignment() {
    RoadDispatcher d = dispatcher(FIRE);
    Set<String> busy = new HashSet<>(Set.of("fire:poi/n1#1"));
    assertThat(d.assign(Agency.FIRE, block(1), busy, Set.of(), T).orElseThrow().unitId()).isEqualTo("fire:poi/n1#2");
    busy.add("fire:poi/n1#2");
    assertThat(d.assign(Agency.FIRE, block(1), busy, Set.of(), T).orElseThrow().baseId()).isEqualTo("poi/n2");
    busy.addAll(Set.of("fire:poi/n2#1", "fire:poi/n2#2"));
    assertThat(d.assign(Agency.FIRE, block(1), busy, Set.of(), T)).isEmpty();
    assertThat(d.assign(Agency.TRAFFIC, block(1), Set.of(), Set.of(), T)).isEmpty();
  }

  @Test
  void closedRoadsAreAvoided() {
    RoadDispatcher d = dispatcher(FIRE);
    Assignment open = d.assign(Agency.FIRE, block(1), Set.of(), Set.of(), T).orElseThrow();
    // Close every street at the two junctions next to the south-west station: it is cut off.
    Set<Integer> closed = new HashSet<>(d.closedEdges(
        GridCity.square(GridCity.lon(1) - 0.0005, GridCity.lat(0) - 0.0005, 0.001), "district/G",
        new ClosureRule(ClosureRule.Mode.AREA, 0)));
    closed.addAll(d.closedEdges(GridCity.square(GridCity.lon(0) - 0.0005, GridCity.lat(1) - 0.0005, 0.001),
        "district/G", new ClosureRule(ClosureRule.Mode.AREA, 0)));
    Assignment detour = d.assign(Agency.FIRE, block(1), Set.of(), closed, T).orElseThrow();
    assertThat(detour.route().edges()).noneMatch(closed::contains);
    assertThat(detour.baseId()).isEqualTo("poi/n2");
    assertThat(detour.etaMillis()).isGreaterThan(open.etaMillis());
    double independent = Math.min(
        drive(GridCity.node(0, 0), GridCity.node(1, 1), RoadClosures.ofEdges(closed)),
        drive(GridCity.node(4, 4), GridCity.node(1, 1), RoadClosures.ofEdges(closed)));
    assertThat(detour.route().travelTimeS()).isCloseTo(independent, within(1e-9));
  }

  @Test
  void anAreaClosesEveryRoadItTouchesAndACrashOnlyItsOwnRoad() {
    RoadDispatcher d = dispatcher(FIRE);
    RoadGraph roads = GRID.model().roads();
    // A small square around junction (2, 2): the four streets meeting there, both directions.
    Geometry around = GridCity.square(GridCity.lon(2) - 0.0002, GridCity.lat(2) - 0.0002, 0.0004);
    List<Integer> area = d.closedEdges(around, "district/G", new ClosureRule(ClosureRule.Mode.AREA, 0));
    assertThat(area).hasSize(8).isSorted()
        .allMatch(e -> roads.edges().get(e).from() == GridCity.node(2, 2) || roads.edges().get(e).to() == GridCity.node(2, 2));
    // The same spot as a crash on row 2 (way 102): only that road's edges close.
    List<Integer> crash = d.closedEdges(around, "road/w102", new ClosureRule(ClosureRule.Mode.SEGMENT, 0));
    assertThat(crash).hasSize(4).allMatch(e -> roads.edges().get(e).wayId() == 102);
    // A buffer reaches further: 400 m around the junction touches the next junctions' streets.
    assertThat(d.closedEdges(around, "district/G", new ClosureRule(ClosureRule.Mode.AREA, 400)).size())
        .isGreaterThan(area.size());
  }

  @Test
  void aUnitOnItsWayIsReplannedFromWhereItIsWhenTheRoadAheadCloses() {
    RoadDispatcher d = dispatcher(new BaseSpec(Agency.FIRE, PoiKind.FIRE_STATION, 1, Map.of("poi/n1", 0), TURNOUT));
    // Only the north-east station has an engine; block 1 is 6 blocks away.
    Assignment a = d.assign(Agency.FIRE, block(1), Set.of(), Set.of(), T).orElseThrow();
    List<Integer> edges = a.route().edges();
    double firstEdge = ROUTER.edgeTravelTimeS(edges.get(0), TravelMode.CAR);
    // Halfway along its second edge.
    double secondEdge = ROUTER.edgeTravelTimeS(edges.get(1), TravelMode.CAR);
    long at = T + Math.round((TURNOUT.toSeconds() + firstEdge + secondEdge / 2) * 1000);

    Set<Integer> behind = Set.of(edges.get(0));
    assertThat(d.replan(Agency.FIRE, a, block(1), Set.of(a.unitId()), behind, at)).isEmpty();
    Set<Integer> ahead = Set.of(edges.get(3));
    Assignment re = d.replan(Agency.FIRE, a, block(1), Set.of(a.unitId()), ahead, at).orElseThrow();
    assertThat(re.unitId()).isEqualTo(a.unitId());
    assertThat(re.route().from()).isEqualTo(a.route().nodes().get(2));
    assertThat(re.startDelayS()).isCloseTo(secondEdge / 2, within(0.001));
    assertThat(re.route().edges()).doesNotContain(edges.get(3));
    double independent = drive(a.route().nodes().get(2), a.route().to(), RoadClosures.ofEdges(ahead));
    assertThat(re.etaMillis()).isEqualTo(at + Math.round((re.startDelayS() + independent) * 1000));
    assertThat(re.plannedAtMillis()).isEqualTo(at);
  }

  @Test
  void aReplanMaySendAnotherUnitThatNowArrivesSooner() {
    RoadDispatcher d = dispatcher(FIRE);
    Assignment a = d.assign(Agency.FIRE, block(1), Set.of("fire:poi/n1#1", "fire:poi/n1#2"), Set.of(), T).orElseThrow();
    assertThat(a.baseId()).isEqualTo("poi/n2");
    // The south-west station's engines are back; a closure ahead makes the far engine's trip longer.
    Set<Integer> ahead = Set.of(a.route().edges().get(a.route().edges().size() - 1));
    Assignment re = d.replan(Agency.FIRE, a, block(1), Set.of(a.unitId()), ahead, T).orElseThrow();
    assertThat(re.baseId()).isEqualTo("poi/n1");
    assertThat(re.unitId()).isEqualTo("fire:poi/n1#1");
    assertThat(re.etaMillis()).isLessThan(a.etaMillis());
  }
}
