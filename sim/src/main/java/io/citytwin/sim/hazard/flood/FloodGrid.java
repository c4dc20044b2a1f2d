package io.citytwin.sim.hazard.flood;

import io.citytwin.sim.hazard.grid.MetricGrid;

/**
 * The cells water moves over: ground height and the open (not built-over) fraction of each cell,
 * and what kind of cell it is. Arrays are indexed like the {@link MetricGrid}; the solver does not
 * change them.
 *
 * @param grid the cells
 * @param kind {@link #WALL}, {@link #LAND} or {@link #SEA} per cell
 * @param groundM ground height above the model datum (mean sea level), m; meaningless for sea and
 *     wall cells
 * @param porosity open fraction of the cell's area (1 = no building) for land cells; water is
 *     stored on {@code porosity · cell²} and crosses an edge over {@code min(porosity) · cell}
 */
public record FloodGrid(MetricGrid grid, byte[] kind, double[] groundM, double[] porosity) {
  /** Holds and passes no water: outside the city on land, or fully built over. */
  public static final byte WALL = 0;
  /** Ground that can be flooded. */
  public static final byte LAND = 1;
  /** Sea at a prescribed level: an unlimited source and sink at the domain's edge. */
  public static final byte SEA = 2;

  public FloodGrid {
    int n = grid.size();
    if (kind.length != n || groundM.length != n || porosity.length != n) {
      throw new IllegalArgumentException("flood grid arrays must have one entry per cell (" + n + ")");
    }
  }

  /** Water surface area of a land cell, m². */
  public double storageArea(int cell) {
    return porosity[cell] * grid.cellArea();
  }
}
