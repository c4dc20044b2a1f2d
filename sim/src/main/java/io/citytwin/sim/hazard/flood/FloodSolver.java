package io.citytwin.sim.hazard.flood;

import io.citytwin.sim.hazard.grid.MetricGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves water between the cells of a {@link FloodGrid}: the "simple inertial" formulation of the
 * shallow-water equations by Bates, Horritt and Fewtrell (2010, Journal of Hydrology 387, 33–45,
 * eq. 11), as in LISFLOOD-FP. For each edge between two cells the unit-width discharge is
 *
 * <pre>
 * q(t+Δt) = [q(t) − g·h_flow·Δt·(η_b − η_a)/Δx] / [1 + g·Δt·n²·|q(t)| / h_flow^(7/3)]
 * </pre>
 *
 * with η the water surface (ground + depth, or the sea level), h_flow = max(η) − max(ground),
 * Manning's n, and Δt = 0.7·Δx/√(g·h_max) (at most 5 s), the stability limit the authors give.
 *
 * <p><b>Volume is conserved exactly</b> up to floating-point rounding: the state is the water
 * volume of each land cell; every transfer is subtracted from one cell and added to its neighbour
 * in the same operation; when a cell's outflows in a step would exceed its volume they are all
 * scaled down by the same factor (so depths never go negative); inflows from sources and the sea
 * and outflows to the sea are counted in a ledger, so {@code inflow − outflow = stored} at all
 * times. Water only moves across an edge when one side's surface stands above the other side's
 * ground (h_flow above 1 mm), so no cell gets water unless it is connected, through land cells, to
 * a source. Walls neither store nor pass water.
 *
 * <p>Only cells that have ever held water (plus the source cells and the land cells next to the
 * sea) are visited, so the cost follows the flooded area. Deterministic; not thread-safe.
 */
public final class FloodSolver {
  static final double G = 9.81;
  /** Water films thinner than this do not flow (m). */
  static final double H_FLOW_MIN = 1e-3;
  private static final double ALPHA = 0.7;
  private static final double MAX_DT = 5.0;
  private static final double SEA_GROUND = -1e4;

  /** A prescribed sea level over a set of sea cells. */
  private record SeaForcing(int[] cells, Hydrograph levelM) {}

  /** A volume rate into cells: {@code rate(t) · weight[k]} m³/s into {@code cells[k]}. */
  private record Inflow(int[] cells, double[] weights, Hydrograph rate) {}

  private final FloodGrid g;
  private final MetricGrid grid;
  private final int nx;
  private final double dx;
  private final double manningN;
  private final double[] volume;
  private final double[] qx;
  private final double[] qy;
  private final double[] seaLevel;
  private final double baseSeaLevel;
  private final List<SeaForcing> seas = new ArrayList<>();
  private final List<Inflow> inflows = new ArrayList<>();
  private final boolean[] active;
  private final int[] activeList;
  private int activeCount;
  private final double[] demand;
  private final int[] coastal;
  private double minCoastalGround = Double.POSITIVE_INFINITY;
  private double time;
  private double inflowM3;
  private double outflowM3;
  private int[] edgeBuf = new int[1024];
  private double[] fluxBuf = new double[1024];
  private double[] scaleBuf = new double[1024];

  /**
   * @param manningN Manning's roughness coefficient, s/m^(1/3)
   * @param baseSeaLevelM level of every sea cell no {@link #seaLevel} forcing covers, m
   */
  public FloodSolver(FloodGrid g, double manningN, double baseSeaLevelM) {
    this.g = g;
    this.grid = g.grid();
    this.nx = grid.nx();
    this.dx = grid.cell();
    this.manningN = manningN;
    int n = grid.size();
    this.volume = new double[n];
    this.qx = new double[n];
    this.qy = new double[n];
    this.seaLevel = new double[n];
    this.baseSeaLevel = baseSeaLevelM;
    java.util.Arrays.fill(seaLevel, baseSeaLevelM);
    this.active = new boolean[n];
    this.activeList = new int[n];
    this.demand = new double[n];
    List<Integer> coast = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if (g.kind()[c] == FloodGrid.LAND && hasSeaNeighbour(c)) {
        coast.add(c);
        minCoastalGround = Math.min(minCoastalGround, g.groundM()[c]);
        activate(c);
      }
    }
    this.coastal = coast.stream().mapToInt(Integer::intValue).toArray();
  }

  private boolean hasSeaNeighbour(int c) {
    int i = c % nx;
    int j = c / nx;
    return (i > 0 && g.kind()[c - 1] == FloodGrid.SEA) || (i + 1 < nx && g.kind()[c + 1] == FloodGrid.SEA)
        || (j > 0 && g.kind()[c - nx] == FloodGrid.SEA) || (j + 1 < grid.ny() && g.kind()[c + nx] == FloodGrid.SEA);
  }

  private void activate(int c) {
    if (!active[c] && g.kind()[c] == FloodGrid.LAND) {
      active[c] = true;
      activeList[activeCount++] = c;
    }
  }

  /** Prescribes the sea level on these sea cells (others keep the base level). */
  public void seaLevel(int[] seaCells, Hydrograph levelM) {
    for (int c : seaCells) {
      if (g.kind()[c] != FloodGrid.SEA) {
        throw new IllegalArgumentException("cell " + c + " is not a sea cell");
      }
    }
    seas.add(new SeaForcing(seaCells.clone(), levelM));
  }

  /** Adds {@code rate(t) · weights[k]} m³/s of water to land cell {@code cells[k]}. */
  public void inflow(int[] cells, double[] weights, Hydrograph rate) {
    for (int c : cells) {
      if (g.kind()[c] != FloodGrid.LAND) {
        throw new IllegalArgumentException("cell " + c + " is not a land cell");
      }
      activate(c);
    }
    inflows.add(new Inflow(cells.clone(), weights.clone(), rate));
  }

  /** Seconds simulated so far. */
  public double time() {
    return time;
  }

  /** Volume that entered from sources and the sea, m³. */
  public double inflowM3() {
    return inflowM3;
  }

  /** Volume that left to the sea, m³. */
  public double outflowM3() {
    return outflowM3;
  }

  /** Water stored on land, m³ (summed now, independently of the ledger). */
  public double storedM3() {
    double s = 0;
    for (int k = 0; k < activeCount; k++) {
      s += volume[activeList[k]];
    }
    return s;
  }

  /** Water depth of a land cell, m (0 for sea and wall cells). */
  public double depth(int cell) {
    return g.kind()[cell] == FloodGrid.LAND ? Math.max(0, volume[cell]) / g.storageArea(cell) : 0;
  }

  /** Water volume of a land cell, m³. */
  public double volume(int cell) {
    return volume[cell];
  }

  /** Advances to {@code tEnd} seconds in stable sub-steps. */
  public void advanceTo(double tEnd) {
    while (time < tEnd) {
      double dt = Math.min(tEnd - time, stableStep());
      substep(dt);
      time = tEnd - time <= dt ? tEnd : time + dt;
    }
  }

  private double stableStep() {
    double h = 0.01;
    for (int k = 0; k < activeCount; k++) {
      h = Math.max(h, depth(activeList[k]));
    }
    if (coastal.length > 0) {
      double top = baseSeaLevel;
      for (SeaForcing s : seas) {
        top = Math.max(top, s.levelM().max());
      }
      h = Math.max(h, top - minCoastalGround);
    }
    return Math.min(MAX_DT, ALPHA * dx / Math.sqrt(G * h));
  }

  private void substep(double dt) {
    double mid = time + dt / 2;
    for (SeaForcing s : seas) {
      double level = s.levelM().at(mid);
      for (int c : s.cells()) {
        seaLevel[c] = level;
      }
    }
    for (Inflow in : inflows) {
      double rate = in.rate().at(mid);
      for (int k = 0; k < in.cells().length; k++) {
        double v = rate * in.weights()[k] * dt;
        volume[in.cells()[k]] += v;
        inflowM3 += v;
      }
    }
    int edges = fluxes(dt);
    transfer(edges, dt);
  }

  /** Pass 1: new discharges on every edge touching an active cell; records each donor's demand. */
  private int fluxes(double dt) {
    int m = 0;
    int count = activeCount;
    for (int k = 0; k < count; k++) {
      int c = activeList[k];
      int i = c % nx;
      int j = c / nx;
      if (i + 1 < nx) {
        m = edge(m, c, c + 1, qx, c, dt);
      }
      if (j + 1 < grid.ny()) {
        m = edge(m, c, c + nx, qy, c, dt);
      }
      if (i > 0 && !active[c - 1]) {
        m = edge(m, c - 1, c, qx, c - 1, dt);
      }
      if (j > 0 && !active[c - nx]) {
        m = edge(m, c - nx, c, qy, c - nx, dt);
      }
    }
    return m;
  }

  private int edge(int m, int a, int b, double[] q, int qIndex, double dt) {
    byte ka = g.kind()[a];
    byte kb = g.kind()[b];
    if (ka == FloodGrid.WALL || kb == FloodGrid.WALL || (ka == FloodGrid.SEA && kb == FloodGrid.SEA)) {
      return m;
    }
    double za = ka == FloodGrid.SEA ? SEA_GROUND : g.groundM()[a];
    double zb = kb == FloodGrid.SEA ? SEA_GROUND : g.groundM()[b];
    double ea = ka == FloodGrid.SEA ? seaLevel[a] : za + depth(a);
    double eb = kb == FloodGrid.SEA ? seaLevel[b] : zb + depth(b);
    double hFlow = Math.max(ea, eb) - Math.max(za, zb);
    double qNew = 0;
    if (hFlow > H_FLOW_MIN) {
      double q0 = q[qIndex];
      qNew = (q0 - G * hFlow * dt * (eb - ea) / dx)
          / (1 + G * dt * manningN * manningN * Math.abs(q0) / Math.pow(hFlow, 7.0 / 3));
    }
    q[qIndex] = qNew;
    if (qNew == 0) {
      return m;
    }
    double width = dx * Math.min(ka == FloodGrid.SEA ? 1 : g.porosity()[a], kb == FloodGrid.SEA ? 1 : g.porosity()[b]);
    double flux = qNew * width;
    int donor = flux > 0 ? a : b;
    if (g.kind()[donor] == FloodGrid.LAND) {
      demand[donor] += Math.abs(flux) * dt;
    }
    if (m == edgeBuf.length) {
      edgeBuf = java.util.Arrays.copyOf(edgeBuf, m * 2);
      fluxBuf = java.util.Arrays.copyOf(fluxBuf, m * 2);
    }
    // Encode the edge: the lower cell and whether it is a north (y) edge.
    edgeBuf[m] = 2 * a + (q == qy ? 1 : 0);
    fluxBuf[m] = flux;
    return m + 1;
  }

  /**
   * Pass 2: moves the volumes. Each donor's scale comes from what it held before any transfer of
   * this sub-step, so the order of the edges does not matter for how much moves.
   */
  private void transfer(int edges, double dt) {
    if (scaleBuf.length < edges) {
      scaleBuf = new double[edgeBuf.length];
    }
    for (int e = 0; e < edges; e++) {
      int donor = donor(e);
      double d = demand[donor];
      scaleBuf[e] = g.kind()[donor] == FloodGrid.LAND && d > 0 ? Math.min(1, Math.max(0, volume[donor]) / d) : 1;
    }
    for (int e = 0; e < edges; e++) {
      int a = edgeBuf[e] >> 1;
      boolean north = (edgeBuf[e] & 1) == 1;
      int donor = donor(e);
      int receiver = donor == a ? (north ? a + nx : a + 1) : a;
      double v = Math.abs(fluxBuf[e]) * dt * scaleBuf[e];
      (north ? qy : qx)[a] *= scaleBuf[e];
      if (g.kind()[donor] == FloodGrid.SEA) {
        inflowM3 += v;
      } else {
        volume[donor] -= v;
      }
      if (g.kind()[receiver] == FloodGrid.SEA) {
        outflowM3 += v;
      } else {
        volume[receiver] += v;
        if (v > 0) {
          activate(receiver);
        }
      }
    }
    for (int e = 0; e < edges; e++) {
      demand[donor(e)] = 0;
    }
  }

  private int donor(int e) {
    int a = edgeBuf[e] >> 1;
    return fluxBuf[e] > 0 ? a : ((edgeBuf[e] & 1) == 1 ? a + nx : a + 1);
  }
}
