package io.citytwin.sim.hazard.flood;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.hazard.grid.MetricGrid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * The city as flood cells: which cells are sea (inside the sea polygon), land (inside the city
 * boundary) or wall (land outside the city, where no data exists, and cells at least 90 % built
 * over), the open fraction of each land cell (from building footprints, sampled 4 × 4 per cell),
 * ground heights from the distance to the nearest sea cell ({@link Terrain}; flat at 0 m without a
 * sea), and for lookups the cells each building touches (with their neighbours) and the cells each
 * road edge runs over. Built once per model; immutable after construction.
 */
public final class FloodDomain {
  /** Cells with less open area than this are treated as solid buildings. */
  static final double MIN_POROSITY = 0.1;
  private static final int SUB = 4;

  private final FloodGrid grid;
  private final int[][] buildingCells;
  private final int[][] edgeCells;
  private final boolean hasSea;

  private FloodDomain(FloodGrid grid, int[][] buildingCells, int[][] edgeCells, boolean hasSea) {
    this.grid = grid;
    this.buildingCells = buildingCells;
    this.edgeCells = edgeCells;
    this.hasSea = hasSea;
  }

  /**
   * @param seaWgs84 the sea, or an empty geometry for a flat inland city
   * @param terrain ground heights by distance to the sea (ignored without a sea)
   * @param cellM cell size, m
   */
  public static FloodDomain build(CityModel city, Geometry seaWgs84, Terrain terrain, double cellM) {
    MetricProjection proj = city.projection();
    Geometry boundary = proj.toMetric(city.boundary());
    Envelope env = new Envelope(boundary.getEnvelopeInternal());
    env.expandBy(2 * cellM);
    MetricGrid g = MetricGrid.covering(env, cellM);
    int n = g.size();
    byte[] kind = new byte[n];
    IndexedPointInAreaLocator inCity = new IndexedPointInAreaLocator(boundary);
    IndexedPointInAreaLocator inSea = seaWgs84.isEmpty() ? null : new IndexedPointInAreaLocator(proj.toMetric(seaWgs84));
    boolean anySea = false;
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        Coordinate c = new Coordinate(g.centreX(i), g.centreY(j));
        int cell = g.index(i, j);
        if (inSea != null && inSea.locate(c) != Location.EXTERIOR) {
          kind[cell] = FloodGrid.SEA;
          anySea = true;
        } else if (inCity.locate(c) != Location.EXTERIOR) {
          kind[cell] = FloodGrid.LAND;
        }
      }
    }
    List<Building> buildings = city.buildings();
    short[] cover = new short[n];
    int[][] touched = new int[buildings.size()][];
    for (int b = 0; b < buildings.size(); b++) {
      touched[b] = cover(g, proj.toMetric(buildings.get(b).footprint()), cover);
    }
    double[] porosity = new double[n];
    for (int c = 0; c < n; c++) {
      if (kind[c] == FloodGrid.LAND) {
        porosity[c] = 1 - Integer.bitCount(cover[c] & 0xFFFF) / (double) (SUB * SUB);
        if (porosity[c] < MIN_POROSITY) {
          kind[c] = FloodGrid.WALL;
          porosity[c] = 0;
        }
      }
    }
    double[] ground = new double[n];
    if (anySea) {
      double[] d2 = DistanceTransform.squared(kind, FloodGrid.SEA, g.nx(), g.ny());
      for (int c = 0; c < n; c++) {
        // Distance to the shoreline: to the nearest sea cell centre less half a cell.
        ground[c] = kind[c] == FloodGrid.LAND ? terrain.groundAt(Math.sqrt(d2[c]) * cellM - cellM / 2) : 0;
      }
    }
    FloodGrid fg = new FloodGrid(g, kind, ground, porosity);
    int[][] buildingCells = new int[buildings.size()][];
    for (int b = 0; b < buildings.size(); b++) {
      buildingCells[b] = withNeighbours(fg, touched[b]);
    }
    return new FloodDomain(fg, buildingCells, edgeCells(city.roads(), proj, fg), anySea);
  }

  /** Marks the sub-samples the footprint covers; returns the cells it touches. */
  private static int[] cover(MetricGrid g, Geometry footprint, short[] cover) {
    IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(footprint);
    Envelope e = footprint.getEnvelopeInternal();
    int i0 = Math.max(0, (int) Math.floor((e.getMinX() - g.x0()) / g.cell()));
    int i1 = Math.min(g.nx() - 1, (int) Math.floor((e.getMaxX() - g.x0()) / g.cell()));
    int j0 = Math.max(0, (int) Math.floor((e.getMinY() - g.y0()) / g.cell()));
    int j1 = Math.min(g.ny() - 1, (int) Math.floor((e.getMaxY() - g.y0()) / g.cell()));
    Set<Integer> cells = new LinkedHashSet<>();
    for (int j = j0; j <= j1; j++) {
      for (int i = i0; i <= i1; i++) {
        int cell = g.index(i, j);
        for (int s = 0; s < SUB * SUB; s++) {
          double x = g.x0() + (i + (s % SUB + 0.5) / SUB) * g.cell();
          double y = g.y0() + (j + (s / SUB + 0.5) / SUB) * g.cell();
          if (in.locate(new Coordinate(x, y)) != Location.EXTERIOR) {
            cover[cell] |= (short) (1 << s);
            cells.add(cell);
          }
        }
      }
    }
    return cells.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The cells and their 4-neighbours that can hold water. */
  private static int[] withNeighbours(FloodGrid fg, int[] cells) {
    MetricGrid g = fg.grid();
    Set<Integer> out = new LinkedHashSet<>();
    for (int c : cells) {
      int i = c % g.nx();
      int j = c / g.nx();
      int[][] around = {{i, j}, {i + 1, j}, {i - 1, j}, {i, j + 1}, {i, j - 1}};
      for (int[] p : around) {
        if (p[0] >= 0 && p[1] >= 0 && p[0] < g.nx() && p[1] < g.ny() && fg.kind()[g.index(p[0], p[1])] == FloodGrid.LAND) {
          out.add(g.index(p[0], p[1]));
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Land cells under each road edge, sampled every quarter cell along its metric geometry. */
  private static int[][] edgeCells(RoadGraph roads, MetricProjection proj, FloodGrid fg) {
    MetricGrid g = fg.grid();
    int[][] out = new int[roads.edges().size()][];
    for (RoadGraph.Edge e : roads.edges()) {
      Coordinate[] cs = proj.toMetric(e.geometry()).getCoordinates();
      Set<Integer> cells = new LinkedHashSet<>();
      for (int k = 1; k < cs.length; k++) {
        double len = cs[k].distance(cs[k - 1]);
        int steps = Math.max(1, (int) Math.ceil(len / (g.cell() / 4)));
        for (int s = 0; s <= steps; s++) {
          double f = s / (double) steps;
          int cell = g.cellAt(cs[k - 1].x + f * (cs[k].x - cs[k - 1].x), cs[k - 1].y + f * (cs[k].y - cs[k - 1].y));
          if (cell >= 0 && fg.kind()[cell] == FloodGrid.LAND) {
            cells.add(cell);
          }
        }
      }
      out[e.index()] = cells.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  public FloodGrid grid() {
    return grid;
  }

  /** Whether any cell is sea (else the ground is flat). */
  public boolean hasSea() {
    return hasSea;
  }

  /** Land cells a building touches and their neighbours: where water at its walls is looked for. */
  public int[] buildingCells(int building) {
    return buildingCells[building];
  }

  /** Land cells under a road edge. */
  public int[] edgeCells(int edge) {
    return edgeCells[edge];
  }
}
