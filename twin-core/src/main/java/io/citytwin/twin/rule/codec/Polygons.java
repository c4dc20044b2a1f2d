package io.citytwin.twin.rule.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.telemetry.Position;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Polygons of rule files, as GeoJSON (RFC 7946) Polygon/MultiPolygon geometry objects or WKT, in
 * WGS84 lon/lat. Checked fully: structure, positions in range, closed rings of at least four
 * positions, JTS validity, and overlap with the city (a polygon away from it usually has lat and
 * lon swapped).
 */
final class Polygons {
  private static final GeometryFactory GF = new GeometryFactory();

  private final Fields f;
  private final String field;
  private final Envelope city;

  Polygons(Fields f, String field, Envelope city) {
    this.f = f;
    this.field = field;
    this.city = city;
  }

  Geometry geoJson(JsonNode g) {
    if (g == null || !g.isObject()) {
      throw f.fail(field, "must be a GeoJSON Polygon or MultiPolygon object, found " + Fields.describe(g));
    }
    Fields gf = new Fields(f.source, f.where, field + ".", g);
    gf.onlyKnown(Set.of("type", "coordinates"), "of a GeoJSON geometry");
    String type = gf.text("type");
    JsonNode c = g.get("coordinates");
    if (c == null || !c.isArray() || c.isEmpty()) {
      throw f.fail(field, "coordinates must be a non-empty array, found " + Fields.describe(c));
    }
    Geometry geometry;
    if ("Polygon".equals(type)) {
      geometry = polygon(c);
    } else if ("MultiPolygon".equals(type)) {
      Polygon[] parts = new Polygon[c.size()];
      for (int i = 0; i < c.size(); i++) {
        parts[i] = polygon(c.get(i));
      }
      geometry = GF.createMultiPolygon(parts);
    } else {
      throw f.fail(field, "type must be \"Polygon\" or \"MultiPolygon\", found "
          + (type == null ? "nothing" : Fields.quote(type)));
    }
    return checked(geometry);
  }

  Geometry wkt(String text) {
    Geometry g;
    try {
      g = new WKTReader(GF).read(text);
    } catch (ParseException | IllegalArgumentException e) {
      throw f.fail(field, "invalid WKT: " + e.getMessage());
    }
    if (!(g instanceof Polygonal) || g.isEmpty()) {
      throw f.fail(field, "must be a POLYGON or MULTIPOLYGON, found " + g.getGeometryType());
    }
    for (Coordinate c : g.getCoordinates()) {
      position(c.x, c.y);
    }
    return checked(g);
  }

  private Polygon polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw f.fail(field, "a polygon must be an array of linear rings, found " + Fields.describe(rings));
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GF.createPolygon(shell, holes);
  }

  private LinearRing ring(JsonNode positions) {
    if (!positions.isArray() || positions.size() < 4) {
      throw f.fail(field, "a linear ring must be an array of at least 4 positions, found "
          + (positions.isArray() ? "an array of " + positions.size() : Fields.describe(positions)));
    }
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int i = 0; i < cs.length; i++) {
      JsonNode p = positions.get(i);
      if (!p.isArray() || p.size() < 2 || p.size() > 3 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
        throw f.fail(field, "a position must be [lon, lat], found " + Fields.describe(p));
      }
      cs[i] = position(p.get(0).doubleValue(), p.get(1).doubleValue());
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw f.fail(field, "a linear ring must end where it starts (closed)");
    }
    return GF.createLinearRing(cs);
  }

  private Coordinate position(double lon, double lat) {
    if (!Double.isFinite(lon) || !Position.isLongitude(lon)) {
      throw f.fail(field, "longitude " + lon + " is outside -180..180 degrees");
    }
    if (!Double.isFinite(lat) || !Position.isLatitude(lat)) {
      throw f.fail(field, "latitude " + lat + " is outside -90..90 degrees");
    }
    return new Coordinate(lon, lat);
  }

  private Geometry checked(Geometry g) {
    TopologyValidationError e = new IsValidOp(g).getValidationError();
    if (e != null) {
      throw f.fail(field, "polygon is not valid: " + e.getMessage() + " at " + e.getCoordinate());
    }
    if (!city.isNull() && !city.intersects(g.getEnvelopeInternal())) {
      throw f.fail(field, "polygon lies outside the city (positions are [lon, lat]: swapped?)");
    }
    return g;
  }
}
