package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import java.util.Arrays;

/**
 * Pedestrians on the foot network. Each walker follows its route (edges, walked in either
 * direction) at a speed set by the crowd density on the edge it is on, from Weidmann's fundamental
 * diagram (U. Weidmann 1993, "Transporttechnik der Fussgänger", IVT Schriftenreihe 90, ETH
 * Zürich): v(ρ) = v0 · (1 − exp(−1.913 · (1/ρ − 1/5.4))), ρ in persons/m², with v0 the free
 * walking speed (1.34 m/s by default, the same as the router's). Density on an edge is the
 * walkers on it over its walkway area, width × max(length, {@value #MIN_DENSITY_LENGTH_M} m), so a
 * lone walker on a very short edge is not slowed by its own presence; speeds are floored at
 * {@value #MIN_SPEED_MPS} m/s because the formula reaches zero at the jam density of 5.4 p/m².
 * Walkways have no storage limit (a crowd only slows down). With density dependence off, everyone
 * walks at v0.
 *
 * <p>Walkers move in continuous time within a tick, so a walker alone arrives exactly after
 * length / v0 per edge. Not thread-safe; deterministic (walkers are moved in the order added).
 */
public final class Walkers {
  /** Weidmann's jam density, persons per square metre. */
  public static final double JAM_DENSITY = 5.4;
  /** Weidmann's fitted shape constant, per square metre (persons⁻¹·m²). */
  public static final double GAMMA = 1.913;
  /** Speed floor, metres per second. */
  public static final double MIN_SPEED_MPS = 0.1;
  /** Shortest stretch over which density is measured, metres. */
  public static final double MIN_DENSITY_LENGTH_M = 10;

  /** Told when a walker reaches the end of its route. */
  public interface Listener {
    void arrived(int walker, double timeS);
  }

  /** Where a walker is. */
  public enum State {
    PENDING,
    WALKING,
    ARRIVED
  }

  private static final State[] STATES = State.values();
  private static final byte PENDING = 0;
  private static final byte WALKING = 1;
  private static final byte ARRIVED = 2;

  private final RoadGraph graph;
  private final double freeSpeed;
  private final boolean densityDependent;
  private final Listener listener;
  private final double[] lengthM;
  private final double[] areaM2;
  private final int[] onEdge;

  private int walkers;
  private int[][] edges = new int[64][];
  private int[][] nodes = new int[64][];
  private int[] pos = new int[64];
  private double[] offsetM = new double[64];
  private double[] departS = new double[64];
  private byte[] state = new byte[64];
  private final Departures pending = new Departures();
  private int[] walking = new int[64];
  private int walkingSize;
  private double now;

  /**
   * @param freeSpeedMps v0, metres per second
   * @param walkwayWidthM width of every walkway, metres (OSM has no sidewalk widths here)
   * @param startS model time at which walking starts, seconds
   */
  public Walkers(RoadGraph graph, double freeSpeedMps, double walkwayWidthM, boolean densityDependent,
      Listener listener, double startS) {
    if (!(freeSpeedMps > 0) || !(walkwayWidthM > 0)) {
      throw new IllegalArgumentException("speed and width must be positive");
    }
    this.graph = graph;
    this.freeSpeed = freeSpeedMps;
    this.densityDependent = densityDependent;
    this.listener = listener;
    this.now = startS;
    int n = graph.edges().size();
    lengthM = new double[n];
    areaM2 = new double[n];
    onEdge = new int[n];
    for (RoadGraph.Edge e : graph.edges()) {
      lengthM[e.index()] = e.lengthM();
      areaM2[e.index()] = walkwayWidthM * Math.max(MIN_DENSITY_LENGTH_M, e.lengthM());
    }
  }

  /** Weidmann's speed at density {@code rho} (persons/m²) for free speed {@code v0}, floored. */
  public static double speed(double rho, double v0) {
    if (rho <= 0) {
      return v0;
    }
    double v = v0 * (1 - Math.exp(-GAMMA * (1 / rho - 1 / JAM_DENSITY)));
    return Math.max(MIN_SPEED_MPS, v);
  }

  /**
   * Adds a walker leaving at {@code departS} (not before the current time) along {@code edges}, passing {@code nodes} (one more than edges: the route's node
   * sequence, which gives the walking direction).
   */
  public int add(int[] edges, int[] nodes, double departS) {
    if (!(departS >= now) || Double.isInfinite(departS)) {
      throw new IllegalArgumentException("departure at " + departS + " s is before the current time " + now + " s");
    }
    check(edges, nodes);
    int w = walkers++;
    grow(w + 1);
    this.edges[w] = edges.clone();
    this.nodes[w] = nodes.clone();
    this.departS[w] = departS;
    state[w] = PENDING;
    pending.add(w, departS);
    return w;
  }

  /**
   * Replaces the route ahead of a walker. Walking: {@code aheadEdges} start at the node it walks
   * towards (the current edge is finished first); pending: the whole new route.
   */
  public void reroute(int w, int[] aheadEdges, int[] aheadNodes) {
    check(aheadEdges, aheadNodes);
    if (state[w] == WALKING) {
      int p = pos[w];
      if (aheadNodes[0] != nodes[w][p + 1]) {
        throw new IllegalArgumentException("walker " + w + " walks towards node " + nodes[w][p + 1]
            + ", not " + aheadNodes[0]);
      }
      int[] e = new int[aheadEdges.length + 1];
      e[0] = edges[w][p];
      System.arraycopy(aheadEdges, 0, e, 1, aheadEdges.length);
      int[] n = new int[aheadNodes.length + 1];
      n[0] = nodes[w][p];
      System.arraycopy(aheadNodes, 0, n, 1, aheadNodes.length);
      edges[w] = e;
      nodes[w] = n;
      pos[w] = 0;
    } else if (state[w] == PENDING) {
      edges[w] = aheadEdges.clone();
      nodes[w] = aheadNodes.clone();
    } else {
      throw new IllegalStateException("walker " + w + " has arrived");
    }
  }

  /** Advances to {@code untilS} in ticks of at most {@code tickS} seconds. */
  public void advance(double untilS, double tickS) {
    if (untilS < now || !(tickS > 0)) {
      throw new IllegalArgumentException("cannot advance from " + now + " s to " + untilS + " s by " + tickS + " s");
    }
    while (now < untilS) {
      double end = Math.min(now + tickS, untilS);
      tick(now, end);
      now = end;
    }
  }

  private void tick(double start, double end) {
    while (pending.dueBefore(end)) {
      int w = pending.poll();
      if (edges[w].length == 0) {
        state[w] = ARRIVED;
        listener.arrived(w, departS[w]);
        continue;
      }
      state[w] = WALKING;
      onEdge[edges[w][0]]++;
      if (walkingSize == walking.length) {
        walking = Arrays.copyOf(walking, walkingSize * 2);
      }
      walking[walkingSize++] = w;
    }
    int kept = 0;
    for (int i = 0; i < walkingSize; i++) {
      int w = walking[i];
      if (move(w, Math.max(start, departS[w]), end)) {
        walking[kept++] = w;
      }
    }
    walkingSize = kept;
  }

  /** Walks {@code w} from time {@code t} to {@code end}; false once it has arrived. */
  private boolean move(int w, double t, double end) {
    int[] r = edges[w];
    while (true) {
      int e = r[pos[w]];
      double v = densityDependent ? speed(onEdge[e] / areaM2[e], freeSpeed) : freeSpeed;
      double need = (lengthM[e] - offsetM[w]) / v;
      if (t + need > end) {
        offsetM[w] += v * (end - t);
        return true;
      }
      t += need;
      onEdge[e]--;
      offsetM[w] = 0;
      if (++pos[w] == r.length) {
        state[w] = ARRIVED;
        listener.arrived(w, t);
        return false;
      }
      onEdge[r[pos[w]]]++;
    }
  }

  private void check(int[] e, int[] n) {
    if (n.length != e.length + 1) {
      throw new IllegalArgumentException("a route of " + e.length + " edges passes " + (e.length + 1) + " nodes");
    }
    for (int i = 0; i < e.length; i++) {
      RoadGraph.Edge edge = graph.edges().get(e[i]);
      boolean joins = edge.from() == n[i] && edge.to() == n[i + 1] || edge.to() == n[i] && edge.from() == n[i + 1];
      if (!edge.foot() || !joins) {
        throw new IllegalArgumentException("edge " + e[i] + " is not a walkway from node " + n[i] + " to " + n[i + 1]);
      }
    }
  }

  private void grow(int n) {
    if (n <= state.length) {
      return;
    }
    int c = Math.max(n, state.length * 2);
    edges = Arrays.copyOf(edges, c);
    nodes = Arrays.copyOf(nodes, c);
    pos = Arrays.copyOf(pos, c);
    offsetM = Arrays.copyOf(offsetM, c);
    departS = Arrays.copyOf(departS, c);
    state = Arrays.copyOf(state, c);
  }

  // ---- queries ----

  public int walkers() {
    return walkers;
  }

  public State state(int w) {
    return STATES[state[w]];
  }

  /** The edge a walker is on, or -1 when it is not walking. */
  public int currentEdge(int w) {
    return state[w] == WALKING ? edges[w][pos[w]] : -1;
  }

  /** The node a walking walker walks towards (its origin while pending). */
  public int nextNode(int w) {
    return state[w] == WALKING ? nodes[w][pos[w] + 1] : nodes[w][0];
  }

  public int position(int w) {
    return pos[w];
  }

  public int routeLength(int w) {
    return edges[w].length;
  }

  public int routeEdge(int w, int i) {
    return edges[w][i];
  }

  /** Walkers on an edge now. */
  public int onEdge(int edge) {
    return onEdge[edge];
  }

  /** Walkers on their way now. */
  public int walking() {
    return walkingSize;
  }

  public double timeS() {
    return now;
  }
}
