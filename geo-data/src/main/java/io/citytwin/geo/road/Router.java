package io.citytwin.geo.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Shortest paths on a {@link RoadGraph}: A* point-to-point routes, plain Dijkstra (the reference),
 * one-to-all costs and nearest-of-several searches, for cars and pedestrians, by travel time or
 * distance, optionally avoiding {@link RoadClosures}.
 *
 * <p>Modes: {@link TravelMode#CAR} uses edges with {@code car} in their direction at the edge's
 * free-flow {@code speedKmh} (edges with no positive speed are not drivable). {@link
 * TravelMode#FOOT} uses edges with {@code foot} in both directions at {@link #WALKING_SPEED_MPS}.
 *
 * <p>The A* heuristic is a straight-line lower bound calibrated on the graph itself (the smallest
 * cost per straight-line metre over all edges), so it is admissible and consistent whatever speeds
 * and lengths the graph holds; A* and Dijkstra return routes of equal cost.
 *
 * <p>Thread-safe: the router is immutable after construction and every query works in per-thread
 * scratch arrays (one set of {@code O(nodes)} arrays per calling thread, reused across queries).
 */
public final class Router {
  /**
   * Walking speed on foot, metres per second: 1.34 m/s (4.8 km/h) is the commonly cited mean
   * speed of adult pedestrians (e.g. Knoblauch et al. 1996, Transportation Research Record 1538).
   * Steps and slopes are not slowed down, and an edge's {@code speedKmh} (a vehicle speed, or the
   * builder's nominal value on foot-only edges) is ignored on foot.
   */
  public static final double WALKING_SPEED_MPS = 1.34;

  private static final GeometryFactory GF = new GeometryFactory();

  private final RoadGraph graph;
  private final ModeGraph[] modes = new ModeGraph[TravelMode.values().length];
  private final NodeSnapper[] snappers = new NodeSnapper[TravelMode.values().length];
  private final BitSet[] mainComponent = new BitSet[TravelMode.values().length];
  private final ThreadLocal<SearchScratch> scratch;

  /** Prepares per-mode adjacency, heuristics and snapping indexes; linear in the graph size. */
  public Router(RoadGraph graph) {
    this.graph = graph;
    for (TravelMode m : TravelMode.values()) {
      ModeGraph g = new ModeGraph(graph, m);
      modes[m.ordinal()] = g;
      mainComponent[m.ordinal()] = StrongComponents.largest(g);
      snappers[m.ordinal()] = new NodeSnapper(g, graph.nodes(), mainComponent[m.ordinal()]);
    }
    int n = graph.nodes().size();
    this.scratch = ThreadLocal.withInitial(() -> new SearchScratch(n));
  }

  public RoadGraph graph() {
    return graph;
  }

  /** Cheapest route by A* without closures; empty when {@code to} is unreachable. */
  public Optional<Route> route(int from, int to, TravelMode mode, Cost cost) {
    return route(from, to, mode, cost, RoadClosures.none());
  }

  /** Cheapest route by A*, avoiding closed edges; empty when {@code to} is unreachable. */
  public Optional<Route> route(
      int from, int to, TravelMode mode, Cost cost, RoadClosures closures) {
    return pointToPoint(from, to, mode, cost, closures, true);
  }

  /**
   * Same contract as {@link #route(int, int, TravelMode, Cost, RoadClosures)} by plain Dijkstra
   * (no heuristic). Slower; kept as the reference for tests and benchmarks.
   */
  public Optional<Route> routeDijkstra(
      int from, int to, TravelMode mode, Cost cost, RoadClosures closures) {
    return pointToPoint(from, to, mode, cost, closures, false);
  }

  /** {@link #nearestByTravelTime(int, Collection, TravelMode, RoadClosures)} without closures. */
  public Optional<Route> nearestByTravelTime(int from, Collection<Integer> candidates, TravelMode mode) {
    return nearestByTravelTime(from, candidates, mode, RoadClosures.none());
  }

  /**
   * The candidate reached soonest travelling from {@code from} (e.g. the nearest hospital from a
   * casualty), with the route to it; empty if none is reachable.
   */
  public Optional<Route> nearestByTravelTime(
      int from, Collection<Integer> candidates, TravelMode mode, RoadClosures closures) {
    return nearest(from, candidates, mode, closures, false);
  }

  /**
   * The candidate that reaches {@code to} soonest (e.g. which fire station's engine arrives first
   * at an incident, respecting one-way streets on the way there), with its route to {@code to}.
   */
  public Optional<Route> nearestOriginByTravelTime(
      Collection<Integer> candidates, int to, TravelMode mode, RoadClosures closures) {
    return nearest(to, candidates, mode, closures, true);
  }

  /**
   * Cost from {@code from} to every node, {@code +Infinity} where unreachable; a fresh array
   * indexed by node (for isochrones and evacuation times).
   */
  public double[] costsFrom(int from, TravelMode mode, Cost cost, RoadClosures closures) {
    return allCosts(from, mode, cost, closures, false);
  }

  /** Cost from every node to {@code to}, {@code +Infinity} where {@code to} is unreachable. */
  public double[] costsTo(int to, TravelMode mode, Cost cost, RoadClosures closures) {
    return allCosts(to, mode, cost, closures, true);
  }

  /**
   * Nearest node to a WGS84 position among the nodes of the mode's largest strongly connected
   * component, so that any two snapped positions are routable to each other (unless closed off).
   * Empty when the mode has no usable road at all.
   */
  public Optional<Snap> snap(double lon, double lat, TravelMode mode) {
    return snappers[mode.ordinal()].nearest(lon, lat);
  }

  /** Whether the node lies in the mode's largest strongly connected component (see {@link #snap}). */
  public boolean inMainNetwork(int node, TravelMode mode) {
    return mainComponent[mode.ordinal()].get(node);
  }

  /**
   * Seconds the mode needs to traverse one edge, as the searches count it: the edge's free-flow
   * speed by car, {@link #WALKING_SPEED_MPS} on foot; {@code +Infinity} when the mode may not use
   * the edge (by car: {@code car} false or no positive speed; on foot: {@code foot} false). Lets
   * callers place a vehicle along a {@link Route} after some elapsed time.
   */
  public double edgeTravelTimeS(int edge, TravelMode mode) {
    if (edge < 0 || edge >= graph.edges().size()) {
      throw new IllegalArgumentException(
          "edge index " + edge + " outside 0.." + (graph.edges().size() - 1));
    }
    RoadGraph.Edge e = graph.edges().get(edge);
    if (mode == TravelMode.FOOT) {
      return e.foot() ? e.lengthM() / WALKING_SPEED_MPS : Double.POSITIVE_INFINITY;
    }
    boolean drivable = e.car() && e.speedKmh() > 0 && Double.isFinite(e.speedKmh());
    return drivable ? e.lengthM() / (e.speedKmh() / 3.6) : Double.POSITIVE_INFINITY;
  }

  /** The A* heuristic: a lower bound on the cost of any route from {@code from} to {@code to}. */
  public double lowerBound(int from, int to, TravelMode mode, Cost cost) {
    checkNode(from);
    checkNode(to);
    return modes[mode.ordinal()].lowerBound(cost, from, to);
  }

  private Optional<Route> pointToPoint(
      int from, int to, TravelMode mode, Cost cost, RoadClosures closures, boolean astar) {
    checkNode(from);
    checkNode(to);
    ModeGraph g = modes[mode.ordinal()];
    SearchScratch s = scratch.get();
    s.begin();
    s.markTarget(to);
    int found = search(g, g.cost[cost.ordinal()], closures, s, from, false, astar ? cost : null, to);
    return found < 0 ? Optional.empty() : Optional.of(trace(g, s, found, false, mode, cost, closures));
  }

  private Optional<Route> nearest(
      int source, Collection<Integer> candidates, TravelMode mode, RoadClosures closures,
      boolean backward) {
    checkNode(source);
    ModeGraph g = modes[mode.ordinal()];
    SearchScratch s = scratch.get();
    s.begin();
    for (int c : candidates) {
      checkNode(c);
      s.markTarget(c);
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int found = search(g, g.cost[Cost.TIME.ordinal()], closures, s, source, backward, null, -1);
    return found < 0 ? Optional.empty() : Optional.of(trace(g, s, found, backward, mode, Cost.TIME, closures));
  }

  private double[] allCosts(
      int source, TravelMode mode, Cost cost, RoadClosures closures, boolean backward) {
    checkNode(source);
    ModeGraph g = modes[mode.ordinal()];
    SearchScratch s = scratch.get();
    s.begin();
    search(g, g.cost[cost.ordinal()], closures, s, source, backward, null, -1);
    double[] out = new double[g.nodeCount];
    for (int n = 0; n < out.length; n++) {
      out[n] = s.dist(n);
    }
    return out;
  }

  /**
   * Dijkstra, or A* towards {@code target} when {@code heuristic} is non-null. Stops at the first
   * settled node marked as a target and returns it, or -1 after exhausting the reachable graph.
   * Backward searches follow arcs against their direction, so costs are "to the source".
   */
  private static int search(
      ModeGraph g, double[] w, RoadClosures closures, SearchScratch s, int source,
      boolean backward, Cost heuristic, int target) {
    boolean checkClosed = !closures.isEmpty();
    s.reach(source, 0, -1);
    s.push(heuristic == null ? 0 : g.lowerBound(heuristic, source, target), 0, source);
    while (!s.heapEmpty()) {
      double du = s.topCost();
      int u = s.topNode();
      s.pop();
      if (du > s.dist(u)) {
        continue; // stale heap entry: u was reached more cheaply since
      }
      if (s.isTarget(u)) {
        return u;
      }
      int end = backward ? g.firstIn[u + 1] : g.first[u + 1];
      for (int i = backward ? g.firstIn[u] : g.first[u]; i < end; i++) {
        int a = backward ? g.inArcs[i] : i;
        if (checkClosed && g.closed(a, closures)) {
          continue;
        }
        int v = backward ? g.tail[a] : g.head[a];
        double dv = du + w[a];
        if (dv < s.dist(v)) {
          s.reach(v, dv, a);
          s.push(heuristic == null ? dv : dv + g.lowerBound(heuristic, v, target), dv, v);
        }
      }
    }
    return -1;
  }

  /** Rebuilds the route ending (forward) or starting (backward search) at {@code found}. */
  private Route trace(
      ModeGraph g, SearchScratch s, int found, boolean backward, TravelMode mode, Cost cost,
      RoadClosures closures) {
    List<Integer> arcs = new ArrayList<>();
    for (int a = s.parentArc(found); a >= 0; ) {
      arcs.add(a);
      a = s.parentArc(backward ? g.head[a] : g.tail[a]);
    }
    if (!backward) {
      Collections.reverse(arcs);
    }
    List<Integer> nodes = new ArrayList<>(arcs.size() + 1);
    List<Integer> edges = new ArrayList<>(arcs.size());
    nodes.add(arcs.isEmpty() ? found : g.tail[arcs.get(0)]);
    double length = 0;
    double time = 0;
    CoordinateList coords = new CoordinateList();
    for (int a : arcs) {
      nodes.add(g.head[a]);
      int e = g.usedEdge(a, closures);
      edges.add(e);
      length += g.cost[Cost.DISTANCE.ordinal()][a];
      time += g.cost[Cost.TIME.ordinal()][a];
      Coordinate[] cs = graph.edges().get(e).geometry().getCoordinates();
      if (g.reversed[a] != (e != g.edge[a])) {
        cs = cs.clone();
        Collections.reverse(Arrays.asList(cs));
      }
      coords.add(cs, false);
    }
    if (coords.size() == 1) {
      coords.add(coords.get(0), true); // only zero-length edges: keep a (degenerate) line
    }
    LineString line =
        arcs.isEmpty() ? GF.createLineString() : GF.createLineString(coords.toCoordinateArray());
    return new Route(nodes, edges, length, time, line, mode, cost);
  }

  private void checkNode(int node) {
    if (node < 0 || node >= graph.nodes().size()) {
      throw new IllegalArgumentException(
          "node index " + node + " outside 0.." + (graph.nodes().size() - 1));
    }
  }
}
