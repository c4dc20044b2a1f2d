package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;

/**
 * The road graph's edges as links of the car queue model: free-flow time, flow capacity and
 * storage capacity per directed edge, computed once. Immutable.
 *
 * <ul>
 *   <li><b>Free-flow time</b>: length / speed, exactly as {@code Router.edgeTravelTimeS} counts it,
 *       so a car alone on the network arrives when the router says it would.
 *   <li><b>Flow capacity</b> (vehicles per hour leaving the link): the edge's {@code
 *       capacityVehPerHour}, i.e. lanes x the per-lane capacity of its OSM highway class as set by
 *       geo-data's {@code HighwayClass}: motorway 2,000, trunk 1,800, primary 1,000, secondary
 *       900, tertiary 800, unclassified 600, residential 500, living street / service 300 (links:
 *       1,500 / 1,200 / 800 / 700 / 600). An edge without a positive capacity gets {@value
 *       #FALLBACK_CAPACITY_PER_LANE} per lane.
 *   <li><b>Storage capacity</b> (vehicles the link can hold): floor(length x lanes / effective
 *       vehicle length), at least 1 — MATSim's formula with its 7.5 m default cell (Rieser, Nagel
 *       and Horni 2016, "QSim", in The Multi-Agent Transport Simulation MATSim, ch. 11). The minimum
 *       of 1 keeps very short edges (OSM splits ways at every junction node) passable.
 * </ul>
 */
public final class CarLinks {
  /** MATSim's default effective cell size: a car plus its gap in a jam, metres. */
  public static final double DEFAULT_VEHICLE_LENGTH_M = 7.5;
  /** Per-lane flow capacity for a drivable edge that carries none, vehicles per hour. */
  public static final double FALLBACK_CAPACITY_PER_LANE = 600;

  private final RoadGraph graph;
  private final double vehicleLengthM;
  private final boolean[] drivable;
  private final double[] freeFlowS;
  private final double[] capacity;
  private final int[] storage;

  private CarLinks(RoadGraph graph, double vehicleLengthM) {
    if (!(vehicleLengthM > 0) || Double.isInfinite(vehicleLengthM)) {
      throw new IllegalArgumentException("vehicle length must be positive, was " + vehicleLengthM);
    }
    this.graph = graph;
    this.vehicleLengthM = vehicleLengthM;
    int n = graph.edges().size();
    drivable = new boolean[n];
    freeFlowS = new double[n];
    capacity = new double[n];
    storage = new int[n];
    for (RoadGraph.Edge e : graph.edges()) {
      int i = e.index();
      drivable[i] = e.car() && e.speedKmh() > 0 && Double.isFinite(e.speedKmh());
      int lanes = Math.max(1, e.lanes());
      freeFlowS[i] = drivable[i] ? e.lengthM() / (e.speedKmh() / 3.6) : Double.POSITIVE_INFINITY;
      capacity[i] = e.capacityVehPerHour() > 0 ? e.capacityVehPerHour() : lanes * FALLBACK_CAPACITY_PER_LANE;
      storage[i] = Math.max(1, (int) Math.floor(e.lengthM() * lanes / vehicleLengthM));
    }
  }

  /** The links of every edge of {@code graph}, with the given effective vehicle length in metres. */
  public static CarLinks of(RoadGraph graph, double vehicleLengthM) {
    return new CarLinks(graph, vehicleLengthM);
  }

  public RoadGraph graph() {
    return graph;
  }

  public double vehicleLengthM() {
    return vehicleLengthM;
  }

  /** Number of links (= edges of the graph). */
  public int size() {
    return drivable.length;
  }

  /** Whether cars may use the edge in its direction (car access and a positive speed). */
  public boolean drivable(int edge) {
    return drivable[edge];
  }

  /** Seconds to traverse the empty link; +Infinity when not drivable. */
  public double freeFlowS(int edge) {
    return freeFlowS[edge];
  }

  /** Vehicles per hour that can leave the link. */
  public double capacityVehPerHour(int edge) {
    return capacity[edge];
  }

  /** Seconds between two vehicles leaving the link at capacity: 3600 / capacity. */
  public double headwayS(int edge) {
    return 3600.0 / capacity[edge];
  }

  /** Vehicles the link holds at most. */
  public int storage(int edge) {
    return storage[edge];
  }
}
