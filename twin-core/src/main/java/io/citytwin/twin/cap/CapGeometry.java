package io.citytwin.twin.cap;

import io.citytwin.geo.road.GreatCircle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Converts between CAP areas and JTS geometry in WGS84 with x = longitude, y = latitude (the
 * GeoJSON and CityTwin convention; CAP text is latitude first). Pure functions, thread-safe.
 *
 * <p>A circle becomes a polygon whose vertices are exactly {@code radius} away from the centre on
 * the sphere of {@link GreatCircle#EARTH_RADIUS_M} (the great-circle "destination point" formula;
 * within 0.5 % of the WGS84 ellipsoid), so it is right at any latitude and size, which a local
 * metric projection is not for large warning circles. Longitudes are not wrapped: a circle across
 * the antimeridian keeps a continuous ring with longitudes beyond ±180; a circle around a pole
 * does not give a ring enclosing the pole. A circle of radius 0 is a point.
 */
public final class CapGeometry {
  /** Vertices of a circle's polygon: the chord error is below 0.13 % of the radius. */
  public static final int CIRCLE_SEGMENTS = 64;

  private static final GeometryFactory GF = new GeometryFactory();

  private CapGeometry() {}

  /**
   * The area covered by {@code area}'s polygons and circles, unioned: a Polygon, MultiPolygon,
   * Point (a zero-radius circle alone) or GeometryCollection. Invalid received rings (e.g. self
   * intersecting) are repaired with {@link GeometryFixer} first. Empty when the area has only
   * geocodes, which need a gazetteer to resolve.
   */
  public static Optional<Geometry> toGeometry(CapArea area) {
    List<Geometry> parts = new ArrayList<>();
    for (CapPolygon p : area.polygons()) {
      if (p.points().size() >= 3) {
        parts.add(GeometryFixer.fix(GF.createPolygon(ring(p.points()))));
      }
    }
    for (CapCircle c : area.circles()) {
      parts.add(circle(c));
    }
    parts.removeIf(Geometry::isEmpty);
    return parts.isEmpty() ? Optional.empty() : Optional.of(UnaryUnionOp.union(parts));
  }

  /** A circle as a polygon of {@value #CIRCLE_SEGMENTS} segments, or a point when the radius is 0. */
  public static Geometry circle(CapCircle circle) {
    double lat = circle.centre().lat();
    double lon = circle.centre().lon();
    if (circle.radiusKm() <= 0) {
      return GF.createPoint(new Coordinate(lon, lat));
    }
    double angular = circle.radiusKm() * 1000 / GreatCircle.EARTH_RADIUS_M;
    double phi1 = Math.toRadians(lat);
    double lambda1 = Math.toRadians(lon);
    Coordinate[] ring = new Coordinate[CIRCLE_SEGMENTS + 1];
    for (int i = 0; i < CIRCLE_SEGMENTS; i++) {
      double bearing = 2 * Math.PI * i / CIRCLE_SEGMENTS;
      double phi2 = Math.asin(Math.sin(phi1) * Math.cos(angular)
          + Math.cos(phi1) * Math.sin(angular) * Math.cos(bearing));
      double lambda2 = lambda1 + Math.atan2(
          Math.sin(bearing) * Math.sin(angular) * Math.cos(phi1),
          Math.cos(angular) - Math.sin(phi1) * Math.sin(phi2));
      ring[i] = new Coordinate(Math.toDegrees(lambda2), Math.toDegrees(phi2));
    }
    ring[CIRCLE_SEGMENTS] = ring[0].copy();
    return GF.createPolygon(ring);
  }

  /**
   * CAP polygons for a polygonal geometry (Polygon, MultiPolygon, or the polygons inside a
   * GeometryCollection): one closed {@code lat,lon} ring of at least four points per exterior
   * ring, empty parts skipped. CAP has no holes, so interior rings are dropped and the CAP area
   * covers them: for a warning, over-covering is the safe side.
   *
   * <p>Points and lines inside a collection are ignored.
   *
   * @throws IllegalArgumentException when a non-empty {@code g} has no polygonal part (a point or
   *     line needs a {@link CapCircle} or a buffer first)
   */
  public static List<CapPolygon> toPolygons(Geometry g) {
    List<CapPolygon> out = new ArrayList<>();
    collect(g, out);
    if (out.isEmpty() && !g.isEmpty()) {
      throw new IllegalArgumentException("not polygonal: " + g.getGeometryType());
    }
    return out;
  }

  private static void collect(Geometry g, List<CapPolygon> out) {
    if (g instanceof Polygon polygon) {
      if (!polygon.isEmpty()) {
        out.add(capRing(polygon.getExteriorRing().getCoordinates()));
      }
      return;
    }
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part != g) {
        collect(part, out);
      }
    }
  }

  private static CapPolygon capRing(Coordinate[] coords) {
    List<CapPoint> points = new ArrayList<>(coords.length);
    for (Coordinate c : coords) {
      points.add(new CapPoint(c.y, c.x));
    }
    return new CapPolygon(points);
  }

  private static LinearRing ring(List<CapPoint> points) {
    List<Coordinate> coords = new ArrayList<>(points.size() + 1);
    for (CapPoint p : points) {
      coords.add(new Coordinate(p.lon(), p.lat()));
    }
    // A received ring left open is closed here; CapRules still reports it.
    if (!coords.get(0).equals2D(coords.get(coords.size() - 1))) {
      coords.add(coords.get(0).copy());
    }
    if (coords.size() < 4) {
      return GF.createLinearRing();
    }
    return GF.createLinearRing(coords.toArray(Coordinate[]::new));
  }
}
