package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class EscapeRoutesTest {
  private static final Router ROUTER = GridTown.index().router();
  private static final RoadGraph GRAPH = ROUTER.graph();
  /** Covers junctions (2..4, 2..4); corners of the grid stay safe. */
  private static final Geometry DANGER = GridTown.box(1.6, 1.6, 4.4, 4.4);

  private static List<Shelter> corners() {
    List<Shelter> out = new ArrayList<>();
    for (Poi p : GridTown.model().pois()) {
      if (p.kind() == PoiKind.ASSEMBLY_POINT) {
        Coordinate c = p.location().getCoordinate();
        out.add(new Shelter(out.size(), p.id(), p.name(), p.location(), 1000,
            ROUTER.snap(c.x, c.y, TravelMode.CAR).orElseThrow().node(),
            ROUTER.snap(c.x, c.y, TravelMode.FOOT).orElseThrow().node()));
      }
    }
    return out;
  }

  private static EscapeRoutes routes(BitSet closed) {
    List<Shelter> shelters = corners();
    EscapeRoutes r = new EscapeRoutes(ROUTER, shelters);
    boolean[] open = new boolean[shelters.size()];
    Arrays.fill(open, true);
    r.reset(DangerZone.of(DANGER, GRAPH), closed, open);
    return r;
  }

  private static boolean touchesDanger(int edge) {
    return GRAPH.edges().get(edge).geometry().intersects(DANGER);
  }

  private static boolean inside(RoadGraph.Node n) {
    return DANGER.covers(GridTown.GF.createPoint(new Coordinate(n.lon(), n.lat())));
  }

  @ParameterizedTest
  @EnumSource(TravelMode.class)
  void fromOutsideTheDangerAreaNoRouteTouchesIt(TravelMode mode) {
    EscapeRoutes r = routes(new BitSet());
    int routed = 0;
    for (RoadGraph.Node n : GRAPH.nodes()) {
      if (inside(n)) {
        continue;
      }
      Optional<EscapeRoutes.Plan> plan = r.plan(n.index(), mode, false);
      assertThat(plan).as("route from node %d", n.index()).isPresent();
      routed++;
      for (int e : plan.get().edges()) {
        assertThat(touchesDanger(e)).as("edge %d on the route from node %d", e, n.index()).isFalse();
      }
      assertThat(plan.get().shelter().location.intersects(DANGER)).isFalse();
    }
    assertThat(routed).isEqualTo(49 - 9);
  }

  @ParameterizedTest
  @EnumSource(TravelMode.class)
  void fromInsideRoutesLeaveByTheQuickestWayAndNeverComeBack(TravelMode mode) {
    EscapeRoutes r = routes(new BitSet());
    for (RoadGraph.Node n : GRAPH.nodes()) {
      if (!inside(n)) {
        continue;
      }
      EscapeRoutes.Plan plan = r.plan(n.index(), mode, true).orElseThrow();
      int firstSafe = 0;
      while (firstSafe < plan.edges().length && touchesDanger(plan.edges()[firstSafe])) {
        firstSafe++;
      }
      assertThat(firstSafe).as("edges inside before leaving, from node %d", n.index()).isPositive();
      for (int i = firstSafe; i < plan.edges().length; i++) {
        assertThat(touchesDanger(plan.edges()[i])).as("edge %d after leaving", plan.edges()[i]).isFalse();
      }
      assertThat(plan.nodes()).hasSize(plan.edges().length + 1);
    }
    // From the centre (3, 3) every way out crosses one block and a half of danger: 3 edges of ~200 m.
    EscapeRoutes.Plan centre = r.plan(GridTown.node(3, 3), mode, true).orElseThrow();
    long dangerEdges = Arrays.stream(centre.edges()).filter(EscapeRoutesTest::touchesDanger).count();
    assertThat(dangerEdges).isEqualTo(2);
  }

  @Test
  void closedEdgesAreNeverUsedNotEvenToGetOut() {
    BitSet closed = new BitSet();
    for (RoadGraph.Edge e : GRAPH.edges()) {
      if (e.wayId() == 103) { // the main road, row 3
        closed.set(e.index());
      }
    }
    EscapeRoutes r = routes(closed);
    for (RoadGraph.Node n : GRAPH.nodes()) {
      for (TravelMode mode : TravelMode.values()) {
        r.plan(n.index(), mode, inside(n)).ifPresent(p -> {
          for (int e : p.edges()) {
            assertThat(closed.get(e)).as("closed edge %d used from node %d", e, n.index()).isFalse();
          }
        });
      }
    }
  }

  @Test
  void aRouteIsStillValidOnlyIfDangerEdgesComeFirstAndNothingAheadIsClosed() {
    BitSet closed = new BitSet();
    EscapeRoutes r = routes(closed);
    EscapeRoutes.Plan out = r.plan(GridTown.node(3, 3), TravelMode.CAR, true).orElseThrow();
    assertThat(r.stillValid(out.edges(), 0, false, out.shelter())).isTrue();
    EscapeRoutes.Plan safe = r.plan(GridTown.node(0, 3), TravelMode.CAR, false).orElseThrow();
    int[] back = new int[safe.edges().length + 1];
    System.arraycopy(safe.edges(), 0, back, 0, safe.edges().length);
    back[back.length - 1] = out.edges()[0]; // a danger edge after safe ones
    assertThat(r.stillValid(back, 0, false, safe.shelter())).isFalse();
    BitSet closeFirst = new BitSet();
    closeFirst.set(out.edges()[0]);
    EscapeRoutes withClosure = routes(closeFirst);
    assertThat(withClosure.stillValid(out.edges(), 0, true, out.shelter())).as("may finish the edge it is on")
        .isTrue();
    assertThat(withClosure.stillValid(out.edges(), 0, false, out.shelter())).isFalse();
  }
}
