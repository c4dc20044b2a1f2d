package io.citytwin.twin.cap.incident;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.road.GreatCircle;
import io.citytwin.twin.cap.CapArea;
import io.citytwin.twin.cap.CapCircle;
import io.citytwin.twin.cap.CapGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * An incident's area (WGS84, lon = x) as a CAP {@code <area>}: polygons as closed {@code lat,lon}
 * rings without their holes (CAP has none; a warning covering a courtyard errs on the safe side),
 * points as circles of {@value #POINT_RADIUS_KM} km, lines (a road segment) as the polygon
 * {@value #LINE_HALF_WIDTH_M} m either side of them (beyond UTM's 84° the circle covering them);
 * the parts of a collection each by their kind. Pure.
 */
final class IncidentAreas {
  /** A sensor point or a POI: the circle CAP consumers draw around it, 50 m. */
  static final double POINT_RADIUS_KM = 0.05;
  /** Half the width of the strip a line stands for: a street and its pavements. */
  static final double LINE_HALF_WIDTH_M = 25;

  private static final double UTM_MAX_LAT = 84;

  private IncidentAreas() {}

  static CapArea toCap(Geometry area, String areaDesc) {
    CapArea.Builder b = CapArea.builder(areaDesc);
    collect(area, b);
    return b.build();
  }

  private static void collect(Geometry g, CapArea.Builder b) {
    if (g.isEmpty()) {
      return;
    }
    if (g instanceof Point p) {
      b.circle(CapCircle.of(p.getY(), p.getX(), POINT_RADIUS_KM));
    } else if (g instanceof Polygon) {
      b.polygons(CapGeometry.toPolygons(g));
    } else if (g instanceof LineString line) {
      line(line, b);
    } else {
      for (int i = 0; i < g.getNumGeometries(); i++) {
        collect(g.getGeometryN(i), b);
      }
    }
  }

  private static void line(LineString line, CapArea.Builder b) {
    Point c = line.getCentroid();
    if (Math.abs(c.getY()) <= UTM_MAX_LAT) {
      MetricProjection utm = MetricProjection.utmFor(c.getX(), c.getY());
      b.polygons(CapGeometry.toPolygons(utm.toWgs84(utm.toMetric(line).buffer(LINE_HALF_WIDTH_M))));
      return;
    }
    // No UTM zone near the poles: the circle around the line's centre that covers it.
    double radiusM = 0;
    for (Coordinate v : line.getCoordinates()) {
      radiusM = Math.max(radiusM, GreatCircle.distanceM(c.getX(), c.getY(), v.x, v.y));
    }
    b.circle(CapCircle.of(c.getY(), c.getX(), (radiusM + LINE_HALF_WIDTH_M) / 1000));
  }
}
