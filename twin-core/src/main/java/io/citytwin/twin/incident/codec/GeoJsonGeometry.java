package io.citytwin.twin.incident.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * JTS geometries as RFC 7946 geometry objects, losslessly: positions are written with full double
 * precision and ring orientation is kept as it is, so that {@code read(write(g))} equals {@code g}
 * exactly (for replay). Two-dimensional positions {@code [lon, lat]} only. Stateless; thread-safe.
 */
public final class GeoJsonGeometry {
  private static final GeometryFactory GF = new GeometryFactory();

  /** A problem with the geometry at a JSON path. */
  @FunctionalInterface
  public interface Failure {
    RuntimeException fail(String path, String problem);
  }

  private GeoJsonGeometry() {}

  /**
   * Writes {@code g} as a geometry object.
   *
   * @throws IllegalArgumentException when a position is outside lon -180..180, lat -90..90 (it
   *     would not read back)
   */
  public static void write(JsonGenerator out, Geometry g) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", g.getGeometryType());
    if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
        || g instanceof MultiPolygon)) {
      out.writeArrayFieldStart("geometries");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        write(out, g.getGeometryN(i));
      }
      out.writeEndArray();
    } else {
      out.writeFieldName("coordinates");
      coordinates(out, g);
    }
    out.writeEndObject();
  }

  private static void coordinates(JsonGenerator out, Geometry g) throws IOException {
    if (g instanceof Point p) {
      if (p.isEmpty()) {
        out.writeStartArray();
        out.writeEndArray();
      } else {
        position(out, p.getCoordinate());
      }
    } else if (g instanceof LineString l) {
      positions(out, l.getCoordinates());
    } else if (g instanceof Polygon p) {
      out.writeStartArray();
      if (!p.isEmpty()) {
        positions(out, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
          positions(out, p.getInteriorRingN(i).getCoordinates());
        }
      }
      out.writeEndArray();
    } else {
      out.writeStartArray();
      for (int i = 0; i < g.getNumGeometries(); i++) {
        coordinates(out, g.getGeometryN(i));
      }
      out.writeEndArray();
    }
  }

  private static void positions(JsonGenerator out, Coordinate[] cs) throws IOException {
    out.writeStartArray();
    for (Coordinate c : cs) {
      position(out, c);
    }
    out.writeEndArray();
  }

  private static void position(JsonGenerator out, Coordinate c) throws IOException {
    if (!(c.getX() >= -180 && c.getX() <= 180 && c.getY() >= -90 && c.getY() <= 90)) {
      throw new IllegalArgumentException("position " + c + " is outside lon -180..180, lat -90..90");
    }
    out.writeStartArray();
    out.writeNumber(c.getX());
    out.writeNumber(c.getY());
    out.writeEndArray();
  }

  /**
   * Reads a geometry object; {@code path} names it in failures. Nested collections are limited to
   * a depth of 4.
   */
  public static Geometry read(JsonNode node, String path, Failure failure) {
    return read(node, path, failure, 0);
  }

  private static Geometry read(JsonNode node, String path, Failure f, int depth) {
    if (node == null || !node.isObject()) {
      throw f.fail(path, "must be a GeoJSON geometry object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw f.fail(path + ".type", "missing geometry type");
    }
    var names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!n.equals("type") && !n.equals("coordinates") && !n.equals("geometries")) {
        throw f.fail(path + "." + n, "unknown member of a geometry");
      }
    }
    return build(type.textValue(), node, path, f, depth);
  }

  private static Geometry build(String type, JsonNode node, String path, Failure f, int depth) {
    if (type.equals("GeometryCollection")) {
      JsonNode gs = node.get("geometries");
      if (gs == null || !gs.isArray() || node.has("coordinates")) {
        throw f.fail(path + ".geometries", "a GeometryCollection needs a 'geometries' array");
      }
      if (depth >= 4) {
        throw f.fail(path, "geometry collections are nested too deeply");
      }
      Geometry[] parts = new Geometry[gs.size()];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = read(gs.get(i), path + ".geometries[" + i + "]", f, depth + 1);
      }
      return GF.createGeometryCollection(parts);
    }
    JsonNode c = node.get("coordinates");
    String cp = path + ".coordinates";
    if (c == null || !c.isArray() || node.has("geometries")) {
      throw f.fail(cp, "a " + type + " needs a 'coordinates' array");
    }
    return switch (type) {
      case "Point" -> c.isEmpty() ? GF.createPoint() : GF.createPoint(position(c, cp, f));
      case "LineString" -> line(c, cp, f);
      case "Polygon" -> polygon(c, cp, f);
      case "MultiPoint" -> GF.createMultiPoint(each(c, cp, f, (n, p) -> GF.createPoint(position(n, p, f)))
          .toArray(new Point[0]));
      case "MultiLineString" -> GF.createMultiLineString(
          each(c, cp, f, (n, p) -> line(n, p, f)).toArray(new LineString[0]));
      case "MultiPolygon" -> GF.createMultiPolygon(
          each(c, cp, f, (n, p) -> polygon(n, p, f)).toArray(new Polygon[0]));
      default -> throw f.fail(path + ".type", "unknown geometry type '" + type + "'");
    };
  }

  private static Polygon polygon(JsonNode rings, String path, Failure f) {
    List<LinearRing> rs = each(rings, path, f, (n, p) -> {
      Coordinate[] cs = positions(n, p, f);
      if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
        throw f.fail(p, "a linear ring needs at least 4 positions, the last equal to the first");
      }
      return GF.createLinearRing(cs);
    });
    if (rs.isEmpty()) {
      return GF.createPolygon();
    }
    return GF.createPolygon(rs.get(0), rs.subList(1, rs.size()).toArray(new LinearRing[0]));
  }

  private static LineString line(JsonNode array, String path, Failure f) {
    Coordinate[] cs = positions(array, path, f);
    if (cs.length == 1) {
      throw f.fail(path, "a line needs no positions or at least 2");
    }
    return GF.createLineString(cs);
  }

  private interface Part<T> {
    T read(JsonNode node, String path);
  }

  private static <T> List<T> each(JsonNode array, String path, Failure f, Part<T> part) {
    if (!array.isArray()) {
      throw f.fail(path, "must be an array");
    }
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(part.read(array.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  private static Coordinate[] positions(JsonNode array, String path, Failure f) {
    return each(array, path, f, (n, p) -> position(n, p, f)).toArray(new Coordinate[0]);
  }

  private static Coordinate position(JsonNode n, String path, Failure f) {
    if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
      throw f.fail(path, "a position must be [lon, lat]");
    }
    double x = n.get(0).doubleValue();
    double y = n.get(1).doubleValue();
    if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
      throw f.fail(path, "position outside lon -180..180, lat -90..90");
    }
    return new Coordinate(x, y);
  }
}
