package io.citytwin.sim.hazard.grid;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Turns a set of grid cells into the polygons covering exactly those cells (a "cell union", not an
 * interpolated contour): footprint areas are then sums of whole cells, and a point is inside the
 * footprint exactly when its cell is in the set.
 *
 * <p>The boundary is traced along cell edges with the set on the left, so outer rings run
 * counter-clockwise and holes clockwise; only corners become vertices. Where two cells of the set
 * touch only at a corner the trace keeps them apart; the rare ring that then touches itself is
 * repaired by JTS's {@link GeometryFixer}, which keeps the covered area. Deterministic; linear in
 * the number of cells plus holes times shells.
 */
public final class CellUnion {
  private static final int[] DX = {1, 0, -1, 0};
  private static final int[] DY = {0, 1, 0, -1};
  private static final int E = 0;
  private static final int N = 1;
  private static final int W = 2;
  private static final int S = 3;

  private CellUnion() {}

  /**
   * The union of the cells with {@code mask[cell]} set, in the grid's metric coordinates; an empty
   * polygon when no cell is set.
   */
  public static Geometry of(MetricGrid grid, boolean[] mask, GeometryFactory gf) {
    if (mask.length != grid.size()) {
      throw new IllegalArgumentException("mask has " + mask.length + " cells, grid " + grid.size());
    }
    int vx = grid.nx() + 1;
    int vertices = vx * (grid.ny() + 1);
    // Outgoing boundary edges per vertex as a bit set of directions; a saddle vertex has two.
    byte[] out = new byte[vertices];
    boolean any = false;
    for (int j = 0; j < grid.ny(); j++) {
      for (int i = 0; i < grid.nx(); i++) {
        if (!mask[grid.index(i, j)]) {
          continue;
        }
        any = true;
        if (!set(grid, mask, i, j - 1)) {
          out[j * vx + i] |= 1 << E;
        }
        if (!set(grid, mask, i + 1, j)) {
          out[j * vx + i + 1] |= 1 << N;
        }
        if (!set(grid, mask, i, j + 1)) {
          out[(j + 1) * vx + i + 1] |= 1 << W;
        }
        if (!set(grid, mask, i - 1, j)) {
          out[(j + 1) * vx + i] |= 1 << S;
        }
      }
    }
    if (!any) {
      return gf.createPolygon();
    }
    List<Coordinate[]> shells = new ArrayList<>();
    List<Coordinate[]> holes = new ArrayList<>();
    byte[] orig = out.clone();
    for (int v = 0; v < vertices; v++) {
      while (out[v] != 0) {
        Coordinate[] ring = trace(grid, orig, out, v, Integer.numberOfTrailingZeros(out[v]));
        (Area.ofRingSigned(ring) < 0 ? shells : holes).add(ring);
      }
    }
    return assemble(grid, shells, holes, gf);
  }

  private static boolean set(MetricGrid g, boolean[] mask, int i, int j) {
    return i >= 0 && j >= 0 && i < g.nx() && j < g.ny() && mask[g.index(i, j)];
  }

  /**
   * Follows boundary edges from {@code start} until the ring closes, consuming them. At a saddle
   * vertex (two outgoing edges) the trace turns left, which keeps corner-touching cells apart.
   */
  private static Coordinate[] trace(MetricGrid g, byte[] orig, byte[] out, int start, int startDir) {
    int vx = g.nx() + 1;
    CoordinateList ring = new CoordinateList();
    int v = start;
    int dir = startDir;
    int prev = -1;
    while (true) {
      out[v] &= (byte) ~(1 << dir);
      if (dir != prev) {
        ring.add(corner(g, v % vx, v / vx), false);
      }
      prev = dir;
      v = v + DX[dir] + DY[dir] * vx;
      int left = (dir + 1) % 4;
      dir = (orig[v] & (1 << left)) != 0 ? left : Integer.numberOfTrailingZeros(orig[v]);
      if ((out[v] & (1 << dir)) == 0) {
        break; // the next edge is the consumed start edge: the ring is closed
      }
    }
    if (ring.size() > 1 && startDir == prev) {
      ring.remove(0); // the start lies mid-side: not a corner
    }
    ring.closeRing();
    return ring.toCoordinateArray();
  }

  private static Coordinate corner(MetricGrid g, int i, int j) {
    return new Coordinate(g.x0() + i * g.cell(), g.y0() + j * g.cell());
  }

  private static Geometry assemble(
      MetricGrid g, List<Coordinate[]> shells, List<Coordinate[]> holes, GeometryFactory gf) {
    List<List<LinearRing>> holesOf = new ArrayList<>();
    List<Envelope> envs = new ArrayList<>();
    double[] areas = new double[shells.size()];
    for (int s = 0; s < shells.size(); s++) {
      holesOf.add(new ArrayList<>());
      Envelope e = new Envelope();
      for (Coordinate c : shells.get(s)) {
        e.expandToInclude(c);
      }
      envs.add(e);
      areas[s] = Math.abs(Area.ofRingSigned(shells.get(s)));
    }
    for (Coordinate[] hole : holes) {
      // The centre of the cell right of the hole's first edge lies inside the hole.
      Coordinate a = hole[0];
      Coordinate b = hole[1];
      double len = a.distance(b);
      double ux = (b.x - a.x) / len;
      double uy = (b.y - a.y) / len;
      Coordinate probe = new Coordinate(a.x + ux * g.cell() / 2 + uy * g.cell() / 2,
          a.y + uy * g.cell() / 2 - ux * g.cell() / 2);
      int best = -1;
      for (int s = 0; s < shells.size(); s++) {
        if (envs.get(s).covers(probe) && PointLocation.isInRing(probe, shells.get(s))
            && (best < 0 || areas[s] < areas[best])) {
          best = s;
        }
      }
      if (best >= 0) {
        holesOf.get(best).add(gf.createLinearRing(hole));
      }
    }
    Polygon[] polys = new Polygon[shells.size()];
    for (int s = 0; s < shells.size(); s++) {
      polys[s] = gf.createPolygon(gf.createLinearRing(shells.get(s)), holesOf.get(s).toArray(new LinearRing[0]));
    }
    Geometry result = polys.length == 1 ? polys[0] : gf.createMultiPolygon(polys);
    return new IsValidOp(result).isValid() ? result : GeometryFixer.fix(result);
  }
}
