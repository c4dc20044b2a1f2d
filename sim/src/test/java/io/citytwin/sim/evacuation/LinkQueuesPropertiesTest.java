package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * The queue model's invariants on generated networks and loads: random small graphs (lengths from
 * half a metre to 300 m, 1-3 lanes, 150-2,400 vehicles per hour), random routes and departures,
 * closures switched on and off, with and without abandonment.
 */
class LinkQueuesPropertiesTest {

  @Property(tries = 200)
  void noLinkEverHoldsMoreThanItsStorageAndNoVehicleIsLostOrFasterThanFreeFlow(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 10) int nodes,
      @ForAll @IntRange(min = 1, max = 400) int vehicles, @ForAll @DoubleRange(min = 0.5, max = 15) double tick,
      @ForAll boolean abandon) {
    Random rnd = new Random(seed);
    TestGraphs g = TestGraphs.nodes(nodes);
    for (int i = 0; i < nodes; i++) {
      g.edge(i, (i + 1) % nodes, length(rnd), 10 + rnd.nextInt(80), 1 + rnd.nextInt(3), 150 + rnd.nextInt(2250));
    }
    for (int k = rnd.nextInt(2 * nodes + 1); k > 0; k--) {
      int a = rnd.nextInt(nodes);
      int b = rnd.nextInt(nodes);
      if (a != b) {
        g.edge(a, b, length(rnd), 10 + rnd.nextInt(80), 1 + rnd.nextInt(3), 150 + rnd.nextInt(2250));
      }
    }
    RoadGraph graph = g.graph();
    CarLinks links = CarLinks.of(graph, 7.5);
    int[] arrived = {0};
    int[] abandoned = {0};
    List<int[]> routes = new ArrayList<>();
    double[] departs = new double[vehicles];
    double[] arrivals = new double[vehicles];
    LinkQueues q = new LinkQueues(links, new LinkQueues.Listener() {
      @Override
      public void arrived(int v, double t) {
        arrived[0]++;
        arrivals[v] = t;
      }

      @Override
      public void abandoned(int v, int edge, double t) {
        abandoned[0]++;
      }
    }, seed, 0, abandon ? 30 + rnd.nextInt(300) : Double.POSITIVE_INFINITY);
    for (int v = 0; v < vehicles; v++) {
      int[] route = randomWalk(graph, rnd);
      routes.add(route);
      departs[v] = rnd.nextDouble() * 900;
      assertThat(q.add(route, departs[v])).isEqualTo(v);
    }
    double t = 0;
    while (t < 2 * 3600 && arrived[0] + abandoned[0] < vehicles) {
      if (rnd.nextInt(50) == 0) {
        BitSet closed = new BitSet();
        closed.set(rnd.nextInt(graph.edges().size()));
        q.setClosed(rnd.nextBoolean() ? closed : new BitSet());
      }
      t += tick;
      q.advance(t, tick);
      int onLinks = 0;
      for (int e = 0; e < links.size(); e++) {
        if (q.occupancy(e) > links.storage(e)) {
          throw new AssertionError("link " + e + " holds " + q.occupancy(e) + " > storage " + links.storage(e)
              + " at " + t + " s");
        }
        onLinks += q.occupancy(e);
      }
      int pending = 0;
      for (int v = 0; v < vehicles; v++) {
        pending += q.state(v) == LinkQueues.State.PENDING ? 1 : 0;
      }
      if (onLinks != q.onLinks() || pending + q.waiting() + onLinks + arrived[0] + abandoned[0] != vehicles) {
        throw new AssertionError("vehicles not conserved at " + t + " s: pending " + pending + ", waiting "
            + q.waiting() + ", on links " + onLinks + "/" + q.onLinks() + ", arrived " + arrived[0]
            + ", abandoned " + abandoned[0] + " of " + vehicles);
      }
    }
    for (int v = 0; v < vehicles; v++) {
      if (q.state(v) == LinkQueues.State.ARRIVED) {
        double freeFlow = 0;
        for (int e : routes.get(v)) {
          freeFlow += links.freeFlowS(e);
        }
        assertThat(arrivals[v] - departs[v]).isGreaterThanOrEqualTo(freeFlow - 1e-6);
      }
    }
  }

  private static double length(Random rnd) {
    return rnd.nextInt(4) == 0 ? 0.5 + rnd.nextDouble() * 5 : 5 + rnd.nextDouble() * 295;
  }

  /** A walk of 0..12 edges along out-edges, never taking the same edge twice in a row. */
  private static int[] randomWalk(RoadGraph graph, Random rnd) {
    int node = rnd.nextInt(graph.nodes().size());
    int steps = rnd.nextInt(13);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < steps && graph.outDegree(node) > 0; i++) {
      int e = graph.outEdge(node, rnd.nextInt(graph.outDegree(node)));
      if (!out.isEmpty() && out.get(out.size() - 1) == e) {
        break;
      }
      out.add(e);
      node = graph.edges().get(e).to();
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
