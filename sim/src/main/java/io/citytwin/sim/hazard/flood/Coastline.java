package io.citytwin.sim.hazard.flood;

import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmGeometry;
import io.citytwin.geo.osm.OsmWay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Derives the sea as a polygon from OpenStreetMap {@code natural=coastline} ways. OSM draws the
 * coastline with the land on the left and the water on the right of the way's direction, and
 * along harbour quays and moles, so harbour basins come out as sea.
 *
 * <p>The coastline ways and the outline of {@code region} are noded and polygonized; each face is
 * classified by probing a point a few centimetres to the right (water) and to the left (land) of
 * every coastline segment bounding it, and the water faces are unioned. Faces no coastline
 * segment touches are land (an extract's coastline is not closed, so a pure-water face without a
 * coastline edge cannot occur inside a region the coastline crosses). Pure function; thread-safe.
 */
public final class Coastline {
  /** About 2 cm at mid latitudes: far below any coastline detail, far above rounding. */
  private static final double PROBE_DEG = 2e-7;

  private Coastline() {}

  /**
   * The sea inside {@code region} (WGS84), or an empty geometry when no coastline crosses it.
   *
   * @param osm the OSM data holding the coastline ways (ways with missing nodes are skipped)
   * @param region lon/lat box to cut the sea to, e.g. a city's bbox plus a margin
   */
  public static Geometry sea(OsmData osm, Envelope region, GeometryFactory gf) {
    OsmGeometry shapes = new OsmGeometry(osm, gf);
    List<LineString> coast = new ArrayList<>();
    for (OsmWay w : osm.ways()) {
      if ("coastline".equals(w.tags().get("natural"))) {
        LineString l = shapes.line(w);
        if (l != null && l.getNumPoints() >= 2) {
          coast.add(l);
        }
      }
    }
    return sea(coast, region, gf);
  }

  /** The sea inside {@code region} given coastline lines (land on the left, water on the right). */
  public static Geometry sea(Collection<LineString> coastline, Envelope region, GeometryFactory gf) {
    Polygon box = (Polygon) gf.toGeometry(region);
    LineMerger merger = new LineMerger();
    coastline.forEach(merger::add);
    @SuppressWarnings("unchecked")
    Collection<LineString> merged = merger.getMergedLineStrings();
    List<LineString> inside = new ArrayList<>();
    double reach = Math.hypot(region.getWidth(), region.getHeight());
    for (LineString l : merged) {
      Geometry clipped = (l.isClosed() ? l : extended(l, reach, gf)).intersection(box);
      for (int i = 0; i < clipped.getNumGeometries(); i++) {
        if (clipped.getGeometryN(i) instanceof LineString part && part.getNumPoints() >= 2) {
          inside.add(part);
        }
      }
    }
    if (inside.isEmpty()) {
      return gf.createPolygon();
    }
    Geometry noded = gf.buildGeometry(new ArrayList<Geometry>(inside)).union(box.getExteriorRing());
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(noded);
    @SuppressWarnings("unchecked")
    Collection<Polygon> faces = polygonizer.getPolygons();
    List<Geometry> water = new ArrayList<>();
    for (Polygon face : faces) {
      if (isWater(face, merged)) {
        water.add(face);
      }
    }
    return water.isEmpty() ? gf.createPolygon() : gf.buildGeometry(water).union();
  }

  /**
   * The line with both ends prolonged by {@code reach} along their end segments, so that a
   * coastline that stops inside the region (an extract cut just past the city) still divides the
   * region into a land side and a sea side. The prolongations are not probed when classifying.
   */
  private static LineString extended(LineString l, double reach, GeometryFactory gf) {
    Coordinate[] c = l.getCoordinates();
    Coordinate[] out = new Coordinate[c.length + 2];
    System.arraycopy(c, 0, out, 1, c.length);
    out[0] = beyond(c[1], c[0], reach);
    out[out.length - 1] = beyond(c[c.length - 2], c[c.length - 1], reach);
    return gf.createLineString(out);
  }

  private static Coordinate beyond(Coordinate from, Coordinate to, double reach) {
    double dx = to.x - from.x;
    double dy = to.y - from.y;
    double len = Math.hypot(dx, dy);
    return len == 0 ? new Coordinate(to) : new Coordinate(to.x + dx / len * reach, to.y + dy / len * reach);
  }

  /** Majority vote of the probes of the coastline segments that border the face. */
  private static boolean isWater(Polygon face, Collection<LineString> coast) {
    PreparedGeometry f = PreparedGeometryFactory.prepare(face);
    Envelope env = face.getEnvelopeInternal();
    int water = 0;
    int land = 0;
    for (LineString l : coast) {
      if (!env.intersects(l.getEnvelopeInternal())) {
        continue;
      }
      Coordinate[] c = l.getCoordinates();
      for (int i = 1; i < c.length; i++) {
        double dx = c[i].x - c[i - 1].x;
        double dy = c[i].y - c[i - 1].y;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
          continue;
        }
        double mx = (c[i].x + c[i - 1].x) / 2;
        double my = (c[i].y + c[i - 1].y) / 2;
        // Right of the direction (dx, dy) is (dy, -dx).
        double rx = dy / len * PROBE_DEG;
        double ry = -dx / len * PROBE_DEG;
        if (f.contains(face.getFactory().createPoint(new Coordinate(mx + rx, my + ry)))) {
          water++;
        }
        if (f.contains(face.getFactory().createPoint(new Coordinate(mx - rx, my - ry)))) {
          land++;
        }
      }
    }
    return water > land;
  }
}
