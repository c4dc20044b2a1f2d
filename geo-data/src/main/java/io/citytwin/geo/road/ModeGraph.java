package io.citytwin.geo.road;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The road graph as one travel mode sees it: a flat array of arcs (an arc is an edge traversed in
 * a direction the mode may use) in CSR order by tail, plus an index of arcs by head for backward
 * searches. For {@link TravelMode#FOOT} every foot edge is walkable both ways; the reverse arc of
 * a one-way (or car-only two-way) segment is added only when the way does not already have the
 * opposite edge, so two-way streets are not walked twice.
 *
 * <p>It also holds the calibrated lower bounds used as A* heuristics (see {@link #lowerBound}).
 * Immutable after construction.
 */
final class ModeGraph {
  /** Pedestrian speed used for {@link Cost#TIME} on foot, metres per second (see Router). */
  static final double WALKING_SPEED_MPS = Router.WALKING_SPEED_MPS;

  final TravelMode mode;
  final int nodeCount;
  final int arcCount;
  /** Arcs {@code first[n] .. first[n+1]-1} leave node n. */
  final int[] first;
  final int[] tail;
  final int[] head;
  final int[] edge;
  final boolean[] reversed;
  /**
   * For FOOT: the opposite edge of the same way segment, whose reverse arc was not added because
   * this arc already covers it; -1 if none. A pedestrian arc is closed only when both are.
   */
  final int[] twin;
  /** Cost per arc, indexed by {@link Cost#ordinal()}. */
  final double[][] cost;
  /** Arc ids {@code inArcs[firstIn[n] .. firstIn[n+1]-1]} enter node n. */
  final int[] firstIn;
  final int[] inArcs;
  /** Node positions in a local equirectangular plane, metres. */
  final double[] x;
  final double[] y;
  /** Metres per degree of longitude / latitude in that plane. */
  private double kx;
  private double ky;
  /**
   * Per cost, the largest factor {@code k} with {@code arcCost >= k * planarDistance(tail, head)}
   * for every arc; {@code k * planarDistance(n, target)} is then a consistent A* heuristic.
   */
  final double[] boundPerMetre;

  ModeGraph(RoadGraph graph, TravelMode mode) {
    this.mode = mode;
    this.nodeCount = graph.nodes().size();
    List<RoadGraph.Edge> edges = graph.edges();
    ArcList arcs = new ArcList();
    Map<Long, Integer> twins = mode == TravelMode.FOOT ? directedWayEdges(edges) : Map.of();
    for (RoadGraph.Edge e : edges) {
      checkEdge(e, nodeCount);
      if (mode == TravelMode.CAR) {
        if (e.car() && e.speedKmh() > 0 && Double.isFinite(e.speedKmh())) {
          arcs.add(
              e.from(), e.to(), e.index(), false, e.lengthM(), e.lengthM() / (e.speedKmh() / 3.6), -1);
        }
      } else if (e.foot()) {
        double walk = e.lengthM() / WALKING_SPEED_MPS;
        int twin = footTwin(e, edges, twins);
        arcs.add(e.from(), e.to(), e.index(), false, e.lengthM(), walk, twin);
        if (twin < 0) {
          arcs.add(e.to(), e.from(), e.index(), true, e.lengthM(), walk, -1);
        }
      }
    }
    this.arcCount = arcs.size;
    this.first = new int[nodeCount + 1];
    this.tail = new int[arcCount];
    this.head = new int[arcCount];
    this.edge = new int[arcCount];
    this.reversed = new boolean[arcCount];
    this.twin = new int[arcCount];
    this.cost = new double[Cost.values().length][arcCount];
    layOutByTail(arcs);
    this.firstIn = new int[nodeCount + 1];
    this.inArcs = new int[arcCount];
    indexByHead();
    this.x = new double[nodeCount];
    this.y = new double[nodeCount];
    project(graph.nodes());
    this.boundPerMetre = new double[Cost.values().length];
    for (Cost c : Cost.values()) {
      boundPerMetre[c.ordinal()] = calibrate(cost[c.ordinal()]);
    }
  }

  double planarX(double lon) {
    return lon * kx;
  }

  double planarY(double lat) {
    return lat * ky;
  }

  /** Whether closures block arc {@code a} (on foot, only if its twin edge is closed too). */
  boolean closed(int a, RoadClosures closures) {
    return closures.isClosed(edge[a]) && (twin[a] < 0 || closures.isClosed(twin[a]));
  }

  /** The edge a route over arc {@code a} uses: the arc's own, or its open twin walked backwards. */
  int usedEdge(int a, RoadClosures closures) {
    return closures.isClosed(edge[a]) && twin[a] >= 0 ? twin[a] : edge[a];
  }

  int degree(int node) {
    return first[node + 1] - first[node] + firstIn[node + 1] - firstIn[node];
  }

  /** Admissible and consistent lower bound on the cost from {@code node} to {@code target}. */
  double lowerBound(Cost c, int node, int target) {
    double dx = x[node] - x[target];
    double dy = y[node] - y[target];
    return boundPerMetre[c.ordinal()] * Math.sqrt(dx * dx + dy * dy);
  }

  private static void checkEdge(RoadGraph.Edge e, int nodeCount) {
    if (e.from() < 0 || e.from() >= nodeCount || e.to() < 0 || e.to() >= nodeCount) {
      throw new IllegalArgumentException("road edge " + e.index() + " refers to a missing node");
    }
    if (!(e.lengthM() >= 0) || Double.isInfinite(e.lengthM())) {
      throw new IllegalArgumentException("road edge " + e.index() + " has length " + e.lengthM());
    }
  }

  /** Foot edges keyed by (from, to); value = first matching edge index, -2 if several. */
  private static Map<Long, Integer> directedWayEdges(List<RoadGraph.Edge> edges) {
    Map<Long, Integer> byEnds = new HashMap<>();
    for (RoadGraph.Edge e : edges) {
      if (e.foot()) {
        byEnds.merge(key(e.from(), e.to()), e.index(), (a, b) -> -2);
      }
    }
    return byEnds;
  }

  /** The walkable edge of the same way covering {@code e} in the other direction, or -1. */
  private static int footTwin(
      RoadGraph.Edge e, List<RoadGraph.Edge> edges, Map<Long, Integer> twins) {
    Integer found = twins.get(key(e.to(), e.from()));
    if (found == null) {
      return -1;
    }
    if (found >= 0) {
      return isTwin(e, edges.get(found)) ? found : -1;
    }
    // Rare: parallel edges between the same nodes; look at all of them.
    for (RoadGraph.Edge o : edges) {
      if (o.foot() && o.from() == e.to() && o.to() == e.from() && isTwin(e, o)) {
        return o.index();
      }
    }
    return -1;
  }

  private static boolean isTwin(RoadGraph.Edge e, RoadGraph.Edge o) {
    return o.wayId() == e.wayId() && Math.abs(o.lengthM() - e.lengthM()) <= 1e-6 * (1 + e.lengthM());
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  private void layOutByTail(ArcList arcs) {
    for (int i = 0; i < arcs.size; i++) {
      first[arcs.tail[i] + 1]++;
    }
    for (int n = 0; n < nodeCount; n++) {
      first[n + 1] += first[n];
    }
    int[] fill = first.clone();
    for (int i = 0; i < arcs.size; i++) {
      int a = fill[arcs.tail[i]]++;
      tail[a] = arcs.tail[i];
      head[a] = arcs.head[i];
      edge[a] = arcs.edge[i];
      reversed[a] = arcs.reversed[i];
      twin[a] = arcs.twin[i];
      cost[Cost.DISTANCE.ordinal()][a] = arcs.length[i];
      cost[Cost.TIME.ordinal()][a] = arcs.time[i];
    }
  }

  private void indexByHead() {
    for (int a = 0; a < arcCount; a++) {
      firstIn[head[a] + 1]++;
    }
    for (int n = 0; n < nodeCount; n++) {
      firstIn[n + 1] += firstIn[n];
    }
    int[] fill = firstIn.clone();
    for (int a = 0; a < arcCount; a++) {
      inArcs[fill[head[a]]++] = a;
    }
  }

  /**
   * Equirectangular plane around the mean latitude. Its distortion does not matter for
   * correctness: {@link #calibrate} measures every arc in this same plane.
   */
  private void project(List<RoadGraph.Node> nodes) {
    double meanLat = nodes.stream().mapToDouble(RoadGraph.Node::lat).average().orElse(0);
    kx = Math.toRadians(1) * GreatCircle.EARTH_RADIUS_M * Math.cos(Math.toRadians(meanLat));
    ky = Math.toRadians(1) * GreatCircle.EARTH_RADIUS_M;
    for (RoadGraph.Node n : nodes) {
      x[n.index()] = n.lon() * kx;
      y[n.index()] = n.lat() * ky;
    }
  }

  /**
   * The largest k with cost(a) >= k * d(tail, head) over all arcs. By the triangle inequality any
   * path from n to t then costs at least k * d(n, t), so the bound is admissible and consistent.
   * Shrunk by 1e-9 so rounding cannot make it overestimate.
   */
  private double calibrate(double[] arcCost) {
    double k = Double.POSITIVE_INFINITY;
    for (int a = 0; a < arcCount; a++) {
      double d = Math.hypot(x[tail[a]] - x[head[a]], y[tail[a]] - y[head[a]]);
      if (d > 0) {
        k = Math.min(k, arcCost[a] / d);
      }
    }
    return Double.isFinite(k) ? k * (1 - 1e-9) : 0;
  }

  /** Growable struct-of-arrays used only while building. */
  private static final class ArcList {
    int size;
    int[] tail = new int[64];
    int[] head = new int[64];
    int[] edge = new int[64];
    boolean[] reversed = new boolean[64];
    double[] length = new double[64];
    double[] time = new double[64];
    int[] twin = new int[64];

    void add(int t, int h, int e, boolean rev, double len, double secs, int tw) {
      if (size == tail.length) {
        int n = size * 2;
        tail = java.util.Arrays.copyOf(tail, n);
        head = java.util.Arrays.copyOf(head, n);
        edge = java.util.Arrays.copyOf(edge, n);
        reversed = java.util.Arrays.copyOf(reversed, n);
        length = java.util.Arrays.copyOf(length, n);
        time = java.util.Arrays.copyOf(time, n);
        twin = java.util.Arrays.copyOf(twin, n);
      }
      tail[size] = t;
      head[size] = h;
      edge[size] = e;
      reversed[size] = rev;
      length[size] = len;
      time[size] = secs;
      twin[size] = tw;
      size++;
    }
  }
}
