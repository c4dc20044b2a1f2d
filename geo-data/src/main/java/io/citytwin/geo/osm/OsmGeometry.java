package io.citytwin.geo.osm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Builds JTS geometries (WGS84 lon/lat) from OSM ways and multipolygon/boundary relations of one
 * {@link OsmData}. Stateless apart from the data it reads; thread-safe.
 */
public final class OsmGeometry {
  private final OsmData data;
  private final GeometryFactory gf;
  private Map<Long, OsmWay> waysByIdCache;

  public OsmGeometry(OsmData data, GeometryFactory gf) {
    this.data = data;
    this.gf = gf;
  }

  /** Coordinates of the way's nodes, or {@code null} when any node is missing from the file. */
  public Coordinate[] coordinates(long[] refs) {
    Coordinate[] cs = new Coordinate[refs.length];
    for (int i = 0; i < refs.length; i++) {
      double[] ll = data.lonLat(refs[i]);
      if (ll == null) {
        return null;
      }
      cs[i] = new Coordinate(ll[0], ll[1]);
    }
    return cs;
  }

  /** The way as a line, or {@code null} when incomplete or shorter than two nodes. */
  public LineString line(OsmWay way) {
    Coordinate[] cs = way.nodeRefs().length < 2 ? null : coordinates(way.nodeRefs());
    return cs == null ? null : gf.createLineString(cs);
  }

  /** A closed way as a polygon, or {@code null} when it is open, incomplete or degenerate. */
  public Polygon closedWay(OsmWay way) {
    long[] refs = way.nodeRefs();
    if (refs.length < 4 || refs[0] != refs[refs.length - 1]) {
      return null;
    }
    Coordinate[] cs = coordinates(refs);
    if (cs == null) {
      return null;
    }
    Polygon p = gf.createPolygon(cs);
    return p.isValid() ? p : repaired(p);
  }

  /**
   * Assembles a multipolygon or boundary relation from its way members: ways are joined end to
   * end into closed rings (role {@code inner} makes holes, every other role an outer ring).
   *
   * @throws IllegalArgumentException with a readable reason when a member way is missing, a node
   *     is missing, or the ways do not close into rings
   */
  public Geometry area(OsmRelation relation) {
    Map<Long, OsmWay> byId = waysById();
    List<long[]> outer = new ArrayList<>();
    List<long[]> inner = new ArrayList<>();
    for (OsmRelation.Member m : relation.members()) {
      if (!m.type().equals("way")) {
        continue;
      }
      OsmWay w = byId.get(m.ref());
      if (w == null) {
        throw new IllegalArgumentException("member way " + m.ref() + " is not in the file");
      }
      if (w.nodeRefs().length >= 2) {
        ("inner".equals(m.role()) ? inner : outer).add(w.nodeRefs());
      }
    }
    if (outer.isEmpty()) {
      throw new IllegalArgumentException("has no outer ways");
    }
    Geometry shell = union(rings(outer));
    Geometry result = inner.isEmpty() ? shell : shell.difference(union(rings(inner)));
    if (result.isEmpty()) {
      throw new IllegalArgumentException("encloses no area");
    }
    return result;
  }

  private synchronized Map<Long, OsmWay> waysById() {
    if (waysByIdCache == null) {
      Map<Long, OsmWay> m = new HashMap<>();
      for (OsmWay w : data.ways()) {
        m.put(w.id(), w);
      }
      waysByIdCache = m;
    }
    return waysByIdCache;
  }

  private List<Polygon> rings(List<long[]> pieces) {
    Deque<long[]> open = new ArrayDeque<>(pieces);
    List<Polygon> polygons = new ArrayList<>();
    while (!open.isEmpty()) {
      List<Long> ring = new ArrayList<>();
      for (long id : open.poll()) {
        ring.add(id);
      }
      while (!ring.get(0).equals(ring.get(ring.size() - 1))) {
        if (!extend(ring, open)) {
          throw new IllegalArgumentException(
              "ways do not close into a ring (open end at node " + ring.get(ring.size() - 1) + ")");
        }
      }
      long[] ids = ring.stream().mapToLong(Long::longValue).toArray();
      Coordinate[] cs = coordinates(ids);
      if (cs == null) {
        throw new IllegalArgumentException("a ring node is not in the file");
      }
      if (cs.length < 4) {
        continue;
      }
      Polygon p = gf.createPolygon(cs);
      polygons.add(p.isValid() ? p : repaired(p));
    }
    return polygons;
  }

  /** Appends the first open piece that starts or ends where the ring ends. */
  private static boolean extend(List<Long> ring, Deque<long[]> open) {
    long end = ring.get(ring.size() - 1);
    for (var it = open.iterator(); it.hasNext(); ) {
      long[] piece = it.next();
      if (piece[0] == end || piece[piece.length - 1] == end) {
        it.remove();
        boolean forward = piece[0] == end;
        for (int i = 1; i < piece.length; i++) {
          ring.add(forward ? piece[i] : piece[piece.length - 1 - i]);
        }
        return true;
      }
    }
    return false;
  }

  private Geometry union(List<Polygon> polygons) {
    if (polygons.size() == 1) {
      return polygons.get(0);
    }
    return gf.createGeometryCollection(polygons.toArray(Geometry[]::new)).union();
  }

  /** Self-touching OSM rings are common; a zero buffer turns them into valid polygons. */
  private static Polygon repaired(Polygon p) {
    Geometry fixed = p.buffer(0);
    if (fixed instanceof Polygon q && !q.isEmpty() && new IsValidOp(q).isValid()) {
      return q;
    }
    return p;
  }
}
