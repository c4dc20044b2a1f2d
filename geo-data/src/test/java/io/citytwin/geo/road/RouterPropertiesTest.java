package io.citytwin.geo.road;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The router against a brute-force O(n^2) Dijkstra written straight from the edge list, on random
 * graphs mixing two-way streets, one-way streets, footways, car-only roads, parallel edges, curved
 * (longer than straight) edges, undrivable edges and random closures.
 */
class RouterPropertiesTest {
  private static final double EPS = 1e-9;

  @Property(tries = 60, seed = "20261122")
  void routesAreOptimalValidAndAboveTheStraightLineBound(
      @ForAll @IntRange(min = 2, max = 22) int nodes, @ForAll long seed) {
    Random rnd = new Random(seed);
    RoadGraph graph = randomGraph(nodes, rnd);
    Router router = new Router(graph);
    RoadClosures closures = randomClosures(graph, rnd);
    for (TravelMode mode : TravelMode.values()) {
      for (Cost cost : Cost.values()) {
        for (int s = 0; s < nodes; s++) {
          double[] expected = bruteForce(graph, s, mode, cost, closures);
          assertThat(router.costsFrom(s, mode, cost, closures)).containsExactly(expected, offsets(expected));
          for (int t = 0; t < nodes; t++) {
            var astar = router.route(s, t, mode, cost, closures);
            var dijkstra = router.routeDijkstra(s, t, mode, cost, closures);
            assertThat(astar.isPresent()).isEqualTo(Double.isFinite(expected[t]));
            assertThat(dijkstra.isPresent()).isEqualTo(astar.isPresent());
            if (astar.isEmpty()) {
              continue;
            }
            assertThat(astar.get().cost()).isCloseTo(expected[t], offset(expected[t]));
            assertThat(dijkstra.get().cost()).isCloseTo(expected[t], offset(expected[t]));
            assertValid(graph, astar.get(), s, t, closures);
            RoadGraph.Node a = graph.nodes().get(s);
            RoadGraph.Node b = graph.nodes().get(t);
            assertThat(astar.get().lengthM())
                .isGreaterThanOrEqualTo(GreatCircle.distanceM(a.lon(), a.lat(), b.lon(), b.lat()) * (1 - EPS));
            assertThat(router.lowerBound(s, t, mode, cost)).isLessThanOrEqualTo(expected[t] * (1 + EPS));
          }
        }
      }
    }
  }

  @Property(tries = 60, seed = "20261123")
  void nearestCandidateIsTheOneWithTheSmallestTravelTime(
      @ForAll @IntRange(min = 2, max = 30) int nodes, @ForAll long seed) {
    Random rnd = new Random(seed);
    RoadGraph graph = randomGraph(nodes, rnd);
    Router router = new Router(graph);
    RoadClosures closures = randomClosures(graph, rnd);
    int source = rnd.nextInt(nodes);
    List<Integer> candidates = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      if (rnd.nextInt(4) == 0) {
        candidates.add(n);
      }
    }
    for (TravelMode mode : TravelMode.values()) {
      double[] out = bruteForce(graph, source, mode, Cost.TIME, closures);
      double bestOut = candidates.stream().mapToDouble(c -> out[c]).min().orElse(Double.POSITIVE_INFINITY);
      var forward = router.nearestByTravelTime(source, candidates, mode, closures);
      assertThat(forward.isPresent()).isEqualTo(Double.isFinite(bestOut));
      forward.ifPresent(r -> {
        assertThat(r.travelTimeS()).isCloseTo(bestOut, offset(bestOut));
        assertThat(candidates).contains(r.to());
        assertValid(graph, r, source, r.to(), closures);
      });

      double bestIn = Double.POSITIVE_INFINITY;
      for (int c : candidates) {
        bestIn = Math.min(bestIn, bruteForce(graph, c, mode, Cost.TIME, closures)[source]);
      }
      double expectedIn = bestIn;
      var backward = router.nearestOriginByTravelTime(candidates, source, mode, closures);
      assertThat(backward.isPresent()).isEqualTo(Double.isFinite(expectedIn));
      backward.ifPresent(r -> {
        assertThat(r.travelTimeS()).isCloseTo(expectedIn, offset(expectedIn));
        assertThat(candidates).contains(r.from());
        assertValid(graph, r, r.from(), source, closures);
      });
    }
  }

  private static void assertValid(RoadGraph g, Route r, int s, int t, RoadClosures closures) {
    assertThat(r.from()).isEqualTo(s);
    assertThat(r.to()).isEqualTo(t);
    double len = 0;
    double time = 0;
    for (int i = 0; i < r.edges().size(); i++) {
      RoadGraph.Edge e = g.edges().get(r.edges().get(i));
      int u = r.nodes().get(i);
      int v = r.nodes().get(i + 1);
      assertThat(closures.isClosed(e.index())).isFalse();
      if (r.mode() == TravelMode.CAR) {
        assertThat(e.car()).isTrue();
        assertThat(e.from() == u && e.to() == v).isTrue();
        time += e.lengthM() / (e.speedKmh() / 3.6);
      } else {
        assertThat(e.foot()).isTrue();
        assertThat((e.from() == u && e.to() == v) || (e.from() == v && e.to() == u)).isTrue();
        time += e.lengthM() / Router.WALKING_SPEED_MPS;
      }
      len += e.lengthM();
    }
    assertThat(r.lengthM()).isCloseTo(len, offset(len));
    assertThat(r.travelTimeS()).isCloseTo(time, offset(time));
    if (!r.edges().isEmpty()) {
      RoadGraph.Node first = g.nodes().get(s);
      RoadGraph.Node last = g.nodes().get(t);
      assertThat(r.geometry().getStartPoint().getX()).isEqualTo(first.lon());
      assertThat(r.geometry().getEndPoint().getY()).isEqualTo(last.lat());
    }
  }

  /** Textbook Dijkstra with a linear scan for the minimum, from the edge list. */
  static double[] bruteForce(RoadGraph g, int source, TravelMode mode, Cost cost, RoadClosures closed) {
    int n = g.nodes().size();
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    boolean[] done = new boolean[n];
    dist[source] = 0;
    for (int round = 0; round < n; round++) {
      int u = -1;
      for (int v = 0; v < n; v++) {
        if (!done[v] && Double.isFinite(dist[v]) && (u < 0 || dist[v] < dist[u])) {
          u = v;
        }
      }
      if (u < 0) {
        break;
      }
      done[u] = true;
      for (RoadGraph.Edge e : g.edges()) {
        if (closed.isClosed(e.index())) {
          continue;
        }
        double w;
        if (mode == TravelMode.CAR) {
          if (!e.car() || e.speedKmh() <= 0 || e.from() != u) {
            continue;
          }
          w = cost == Cost.DISTANCE ? e.lengthM() : e.lengthM() / (e.speedKmh() / 3.6);
          dist[e.to()] = Math.min(dist[e.to()], dist[u] + w);
        } else {
          if (!e.foot() || (e.from() != u && e.to() != u)) {
            continue;
          }
          w = cost == Cost.DISTANCE ? e.lengthM() : e.lengthM() / Router.WALKING_SPEED_MPS;
          int v = e.from() == u ? e.to() : e.from();
          dist[v] = Math.min(dist[v], dist[u] + w);
        }
      }
    }
    return dist;
  }

  static RoadGraph randomGraph(int nodes, Random rnd) {
    TestGraph t = new TestGraph();
    for (int i = 0; i < nodes; i++) {
      t.node(7.40 + rnd.nextDouble() * 0.04, 43.72 + rnd.nextDouble() * 0.03);
    }
    int edges = rnd.nextInt(3 * nodes + 1);
    long way = 1_000;
    for (int i = 0; i < edges; i++) {
      int a = rnd.nextInt(nodes);
      int b = rnd.nextInt(nodes);
      if (a == b) {
        continue;
      }
      double detour = 1 + (rnd.nextBoolean() ? 0 : rnd.nextDouble() * 0.5);
      double speed = rnd.nextInt(12) == 0 ? 0 : 10 + rnd.nextInt(81);
      way++;
      switch (rnd.nextInt(4)) {
        case 0 -> {
          t.edge(a, b, way, speed, true, true, detour);
          t.edge(b, a, way, speed, true, true, detour);
        }
        case 1 -> t.edge(a, b, way, speed, true, rnd.nextBoolean(), detour);
        case 2 -> {
          t.edge(a, b, way, 5, false, true, detour);
          if (rnd.nextBoolean()) {
            t.edge(b, a, way, 5, false, true, detour);
          }
        }
        default -> {
          t.edge(a, b, way, speed, true, false, detour);
          t.edge(b, a, way, speed, true, false, detour);
        }
      }
    }
    return t.build();
  }

  static RoadClosures randomClosures(RoadGraph g, Random rnd) {
    List<Integer> closed = new ArrayList<>();
    for (RoadGraph.Edge e : g.edges()) {
      if (rnd.nextInt(8) == 0) {
        closed.add(e.index());
      }
    }
    return RoadClosures.ofEdges(closed);
  }

  private static org.assertj.core.data.Offset<Double> offset(double expected) {
    return org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(expected)));
  }

  private static org.assertj.core.data.Offset<Double> offsets(double[] expected) {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
