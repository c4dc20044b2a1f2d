package io.citytwin.geo.road;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

class RouterTest {

  /**
   * A and B are 322 m apart on a slow 20 km/h street; the 90 km/h road via C is 464 m long.
   * Fastest goes via C, shortest goes straight.
   */
  private static final class Triangle {
    final TestGraph t = new TestGraph();
    final int a = t.node(7.420, 43.730);
    final int b = t.node(7.424, 43.730);
    final int c = t.node(7.422, 43.7315);
    final int ab = t.street(a, b, 20);
    final int ac = t.street(a, c, 90);
    final int cb = t.street(c, b, 90);
    final Router router = new Router(t.build());
  }

  @Test
  void fastestAndShortestDiffer() {
    Triangle g = new Triangle();
    Route fastest = g.router.route(g.a, g.b, TravelMode.CAR, Cost.TIME).orElseThrow();
    Route shortest = g.router.route(g.a, g.b, TravelMode.CAR, Cost.DISTANCE).orElseThrow();

    assertThat(fastest.nodes()).containsExactly(g.a, g.c, g.b);
    assertThat(fastest.edges()).containsExactly(g.ac, g.cb);
    assertThat(shortest.nodes()).containsExactly(g.a, g.b);
    assertThat(shortest.lengthM()).isCloseTo(322, within(2.0));
    assertThat(shortest.travelTimeS()).isCloseTo(shortest.lengthM() / (20 / 3.6), within(1e-9));
    assertThat(fastest.travelTimeS()).isLessThan(shortest.travelTimeS());
    assertThat(fastest.lengthM()).isGreaterThan(shortest.lengthM());
    assertThat(fastest.cost()).isEqualTo(fastest.travelTimeS());
    assertThat(shortest.cost()).isEqualTo(shortest.lengthM());
  }

  @Test
  void geometryRunsFromOriginToDestinationWithoutRepeatedJunctions() {
    Triangle g = new Triangle();
    Route r = g.router.route(g.a, g.b, TravelMode.CAR, Cost.TIME).orElseThrow();
    assertThat(r.geometry().getCoordinates())
        .containsExactly(
            new Coordinate(7.420, 43.730), new Coordinate(7.422, 43.7315), new Coordinate(7.424, 43.730));
    assertThat(r.from()).isEqualTo(g.a);
    assertThat(r.to()).isEqualTo(g.b);
  }

  @Test
  void walkingUsesWalkingSpeed() {
    Triangle g = new Triangle();
    Route r = g.router.route(g.a, g.b, TravelMode.FOOT, Cost.TIME).orElseThrow();
    assertThat(r.nodes()).containsExactly(g.a, g.b);
    assertThat(r.travelTimeS()).isCloseTo(r.lengthM() / 1.34, within(1e-9));
  }

  @Test
  void originEqualsDestinationIsAnEmptyRoute() {
    Triangle g = new Triangle();
    Route r = g.router.route(g.c, g.c, TravelMode.CAR, Cost.TIME).orElseThrow();
    assertThat(r.nodes()).containsExactly(g.c);
    assertThat(r.edges()).isEmpty();
    assertThat(r.lengthM()).isZero();
    assertThat(r.geometry().isEmpty()).isTrue();
  }

  @Test
  void carsKeepToOneWayStreetsButPedestriansWalkThemBothWays() {
    TestGraph t = new TestGraph();
    int a = t.node(7.420, 43.730);
    int b = t.node(7.424, 43.730);
    int c = t.node(7.422, 43.7315);
    int ab = t.oneWay(a, b, 50);
    t.street(a, c, 30);
    t.street(c, b, 30);
    Router router = new Router(t.build());

    assertThat(router.route(a, b, TravelMode.CAR, Cost.DISTANCE).orElseThrow().nodes())
        .containsExactly(a, b);
    assertThat(router.route(b, a, TravelMode.CAR, Cost.DISTANCE).orElseThrow().nodes())
        .containsExactly(b, c, a);

    Route walk = router.route(b, a, TravelMode.FOOT, Cost.DISTANCE).orElseThrow();
    assertThat(walk.nodes()).containsExactly(b, a);
    assertThat(walk.edges()).containsExactly(ab);
    assertThat(walk.geometry().getStartPoint().getX()).isEqualTo(7.424);
    assertThat(walk.geometry().getEndPoint().getX()).isEqualTo(7.420);
  }

  @Test
  void pedestriansStayOffCarOnlyRoadsAndCarsOffFootways() {
    TestGraph t = new TestGraph();
    int a = t.node(7.420, 43.730);
    int b = t.node(7.424, 43.730);
    int c = t.node(7.422, 43.7315);
    t.carOnly(a, b, 50);
    t.footway(a, c);
    t.footway(c, b);
    Router router = new Router(t.build());

    assertThat(router.route(a, b, TravelMode.FOOT, Cost.DISTANCE).orElseThrow().nodes())
        .containsExactly(a, c, b);
    assertThat(router.route(a, c, TravelMode.CAR, Cost.DISTANCE)).isEmpty();
  }

  @Test
  void closedRoadIsAvoidedAndClosingTheLastWayLeavesNoRoute() {
    Triangle g = new Triangle();
    RoadClosures direct = RoadClosures.ofEdges(g.ab, g.ab + 1);
    Route detour =
        g.router.route(g.a, g.b, TravelMode.CAR, Cost.DISTANCE, direct).orElseThrow();
    assertThat(detour.nodes()).containsExactly(g.a, g.c, g.b);

    RoadClosures all = direct.and(RoadClosures.ofEdges(g.ac, g.ac + 1));
    assertThat(g.router.route(g.a, g.b, TravelMode.CAR, Cost.DISTANCE, all)).isEmpty();
    assertThat(g.router.route(g.a, g.b, TravelMode.FOOT, Cost.TIME, all)).isEmpty();
    assertThat(g.router.routeDijkstra(g.a, g.b, TravelMode.CAR, Cost.TIME, all)).isEmpty();
  }

  @Test
  void closingOnlyOneDirectionOfAStreetKeepsTheOther() {
    Triangle g = new Triangle();
    RoadClosures eastbound = RoadClosures.ofEdges(g.ab);
    assertThat(g.router.route(g.a, g.b, TravelMode.CAR, Cost.DISTANCE, eastbound).orElseThrow().nodes())
        .containsExactly(g.a, g.c, g.b);
    assertThat(g.router.route(g.b, g.a, TravelMode.CAR, Cost.DISTANCE, eastbound).orElseThrow().nodes())
        .containsExactly(g.b, g.a);
  }

  @Test
  void pedestriansStillWalkAStreetClosedInOneDirectionOnly() {
    Triangle g = new Triangle();
    RoadClosures eastbound = RoadClosures.ofEdges(g.ab);
    Route walk =
        g.router.route(g.a, g.b, TravelMode.FOOT, Cost.DISTANCE, eastbound).orElseThrow();
    assertThat(walk.nodes()).containsExactly(g.a, g.b);
    assertThat(walk.edges()).containsExactly(g.ab + 1); // the open westbound edge, walked east
    assertThat(walk.geometry().getStartPoint().getX()).isEqualTo(7.420);

    RoadClosures both = eastbound.and(RoadClosures.ofEdges(g.ab + 1));
    assertThat(g.router.route(g.a, g.b, TravelMode.FOOT, Cost.DISTANCE, both).orElseThrow().nodes())
        .containsExactly(g.a, g.c, g.b);
  }

  @Test
  void hazardPolygonClosesEveryRoadItTouches() throws Exception {
    Triangle g = new Triangle();
    // A fire around C: a small square that the two fast roads pass through, the slow one not.
    var fire =
        new WKTReader()
            .read("POLYGON ((7.4215 43.7310, 7.4225 43.7310, 7.4225 43.7320, 7.4215 43.7320, 7.4215 43.7310))");
    RoadClosures closures = RoadClosures.intersecting(g.router.graph(), fire);

    assertThat(closures.edges().boxed().toList())
        .containsExactlyInAnyOrder(g.ac, g.ac + 1, g.cb, g.cb + 1);
    assertThat(g.router.route(g.a, g.b, TravelMode.CAR, Cost.TIME, closures).orElseThrow().nodes())
        .containsExactly(g.a, g.b);
    assertThat(g.router.route(g.a, g.c, TravelMode.CAR, Cost.TIME, closures)).isEmpty();
  }

  /**
   * Station S1 is 100 m from the incident I, but the street between them is one-way I -> S1, so
   * an engine from S1 must loop round via L (about 1.2 km). Station S2 is 400 m away on a two-way
   * street.
   */
  @Test
  void nearestUnitByTravelTimeRespectsTheDirectionOfTravel() {
    TestGraph t = new TestGraph();
    int i = t.node(7.4200, 43.7300);
    int s1 = t.node(7.42125, 43.7300);
    int s2 = t.node(7.4150, 43.7300);
    int l = t.node(7.42125, 43.7350);
    t.oneWay(i, s1, 50);
    t.street(s1, l, 50);
    t.street(l, i, 50);
    t.street(s2, i, 50);
    Router router = new Router(t.build());

    Route engine =
        router.nearestOriginByTravelTime(List.of(s1, s2), i, TravelMode.CAR, RoadClosures.none())
            .orElseThrow();
    assertThat(engine.from()).isEqualTo(s2);
    assertThat(engine.to()).isEqualTo(i);
    assertThat(engine.nodes()).containsExactly(s2, i);

    Route outbound =
        router.nearestByTravelTime(i, Set.of(s1, s2), TravelMode.CAR, RoadClosures.none())
            .orElseThrow();
    assertThat(outbound.nodes()).containsExactly(i, s1);

    // Closing S2's street: S1 is the only one left, via the loop.
    int s2Street = router.graph().edges().stream().filter(e -> e.from() == s2).findFirst().orElseThrow().index();
    Route loop =
        router.nearestOriginByTravelTime(
                List.of(s1, s2), i, TravelMode.CAR, RoadClosures.ofEdges(s2Street))
            .orElseThrow();
    assertThat(loop.nodes()).containsExactly(s1, l, i);
    assertThat(router.nearestByTravelTime(i, List.of(), TravelMode.CAR, RoadClosures.none())).isEmpty();
  }

  @Test
  void oneToAllCostsAgreeWithPointToPointRoutes() {
    Triangle g = new Triangle();
    double[] from = g.router.costsFrom(g.a, TravelMode.CAR, Cost.TIME, RoadClosures.none());
    double[] to = g.router.costsTo(g.b, TravelMode.CAR, Cost.TIME, RoadClosures.none());
    double ab = g.router.route(g.a, g.b, TravelMode.CAR, Cost.TIME).orElseThrow().travelTimeS();
    assertThat(from[g.b]).isCloseTo(ab, within(1e-9));
    assertThat(to[g.a]).isCloseTo(ab, within(1e-9));
    assertThat(from[g.a]).isZero();
  }

  @Test
  void snapsToTheNearestNodeOfTheMainNetworkOnly() {
    TestGraph t = new TestGraph();
    int a = t.node(7.420, 43.730);
    int b = t.node(7.424, 43.730);
    int c = t.node(7.422, 43.7315);
    t.street(a, b, 50);
    t.street(b, c, 50);
    // A disconnected car park aisle right next to the query point, and a lone node.
    int p = t.node(7.4300, 43.7400);
    int q = t.node(7.4302, 43.7400);
    t.street(p, q, 20);
    t.node(7.4301, 43.7401);
    Router router = new Router(t.build());

    Snap near = router.snap(7.4221, 43.7314, TravelMode.CAR).orElseThrow();
    assertThat(near.node()).isEqualTo(c);
    assertThat(near.distanceM()).isCloseTo(
        GreatCircle.distanceM(7.4221, 43.7314, 7.422, 43.7315), within(1e-6));
    assertThat(router.snap(7.4301, 43.7401, TravelMode.CAR).orElseThrow().node()).isEqualTo(c);
    assertThat(router.inMainNetwork(p, TravelMode.CAR)).isFalse();
    assertThat(router.inMainNetwork(a, TravelMode.CAR)).isTrue();
  }

  @Test
  void emptyGraphHasNothingToSnapTo() {
    TestGraph t = new TestGraph();
    t.node(7.42, 43.73);
    assertThat(new Router(t.build()).snap(7.42, 43.73, TravelMode.FOOT)).isEmpty();
  }

  @Test
  void concurrentQueriesGetTheSameAnswersAsSequentialOnes() throws Exception {
    RoadGraph graph = RouterPropertiesTest.randomGraph(300, new java.util.Random(5));
    Router router = new Router(graph);
    java.util.Random rnd = new java.util.Random(6);
    int[][] pairs = new int[2000][];
    for (int i = 0; i < pairs.length; i++) {
      pairs[i] = new int[] {rnd.nextInt(300), rnd.nextInt(300)};
    }
    double[] sequential = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      sequential[i] = cost(router, pairs[i]);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Double>> futures = new java.util.ArrayList<>();
      for (int[] p : pairs) {
        futures.add(pool.submit(() -> cost(router, p)));
      }
      for (int i = 0; i < pairs.length; i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential[i]);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static double cost(Router router, int[] p) {
    return router.route(p[0], p[1], TravelMode.CAR, Cost.TIME).map(Route::cost).orElse(-1.0);
  }

  @Test
  void edgeTravelTimesAddUpToTheRouteTravelTime() {
    Triangle g = new Triangle();
    for (TravelMode mode : TravelMode.values()) {
      Route r = g.router.route(g.a, g.b, mode, Cost.TIME).orElseThrow();
      double sum = r.edges().stream().mapToDouble(e -> g.router.edgeTravelTimeS(e, mode)).sum();
      assertThat(sum).isCloseTo(r.travelTimeS(), within(1e-9));
    }
    RoadGraph.Edge ab = g.router.graph().edges().get(g.ab);
    assertThat(g.router.edgeTravelTimeS(g.ab, TravelMode.CAR)).isCloseTo(ab.lengthM() / (20 / 3.6), within(1e-9));
  }

  @Test
  void edgesAModeMayNotUseTakeForever() {
    TestGraph t = new TestGraph();
    int a = t.node(7.420, 43.730);
    int b = t.node(7.424, 43.730);
    int foot = t.footway(a, b);
    int car = t.carOnly(a, b, 50);
    Router router = new Router(t.build());
    assertThat(router.edgeTravelTimeS(foot, TravelMode.CAR)).isInfinite();
    assertThat(router.edgeTravelTimeS(car, TravelMode.FOOT)).isInfinite();
    assertThat(router.edgeTravelTimeS(foot, TravelMode.FOOT)).isFinite();
    assertThatThrownBy(() -> router.edgeTravelTimeS(99, TravelMode.CAR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edge index 99");
  }

  @Test
  void rejectsUnknownNodes() {
    Triangle g = new Triangle();
    assertThatThrownBy(() -> g.router.route(g.a, 99, TravelMode.CAR, Cost.TIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node index 99");
  }
}
