package io.citytwin.sim.hazard.grid;

import org.locationtech.jts.geom.Envelope;

/**
 * A regular grid of square cells in a metric CRS: cell {@code (i, j)} spans {@code [x0 + i·cell,
 * x0 + (i+1)·cell) × [y0 + j·cell, y0 + (j+1)·cell)}; cells are numbered {@code j·nx + i}.
 * Immutable.
 */
public record MetricGrid(double x0, double y0, double cell, int nx, int ny) {
  /** Cells a grid may have; bounds memory (a few arrays of doubles per cell). */
  public static final int MAX_CELLS = 4_000_000;

  public MetricGrid {
    if (!(cell > 0) || nx < 1 || ny < 1 || (long) nx * ny > MAX_CELLS) {
      throw new IllegalArgumentException(
          "grid of " + nx + " x " + ny + " cells of " + cell + " m is empty or larger than " + MAX_CELLS + " cells");
    }
  }

  /** The smallest grid of {@code cell}-metre cells covering the envelope (metric). */
  public static MetricGrid covering(Envelope env, double cell) {
    int nx = Math.max(1, (int) Math.ceil(env.getWidth() / cell));
    int ny = Math.max(1, (int) Math.ceil(env.getHeight() / cell));
    return new MetricGrid(env.getMinX(), env.getMinY(), cell, nx, ny);
  }

  /** A square grid centred on a point, reaching {@code radius} metres in each direction. */
  public static MetricGrid around(double cx, double cy, double radius, double cell) {
    int n = Math.max(1, (int) Math.ceil(2 * radius / cell));
    return new MetricGrid(cx - n * cell / 2, cy - n * cell / 2, cell, n, n);
  }

  public int size() {
    return nx * ny;
  }

  public double cellArea() {
    return cell * cell;
  }

  public int index(int i, int j) {
    return j * nx + i;
  }

  public double centreX(int i) {
    return x0 + (i + 0.5) * cell;
  }

  public double centreY(int j) {
    return y0 + (j + 0.5) * cell;
  }

  /** The cell holding a metric point, or -1 outside the grid. */
  public int cellAt(double x, double y) {
    int i = (int) Math.floor((x - x0) / cell);
    int j = (int) Math.floor((y - y0) / cell);
    return i < 0 || j < 0 || i >= nx || j >= ny ? -1 : index(i, j);
  }

  public Envelope envelope() {
    return new Envelope(x0, x0 + nx * cell, y0, y0 + ny * cell);
  }
}
