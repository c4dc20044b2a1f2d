package io.citytwin.twin.layer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.citytwin.twin.cim.CityEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams CIM entities as RFC 7946 GeoJSON: WGS84 lon/lat rounded to 7 decimals (about 1 cm),
 * exterior rings counter-clockwise and holes clockwise. Each feature's {@code id} is the entity id;
 * its properties are {@code id}, {@code type}, {@code name} and the entity's attributes. Stateless
 * and thread-safe; CPU-bound, so callers on an event loop must run it on a worker thread.
 */
public final class GeoJsonWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private static final double SCALE = 1e7;

  private GeoJsonWriter() {}

  /**
   * A FeatureCollection of {@code entities}; {@code members} are written as foreign members of the
   * collection (e.g. {@code name}, {@code attribution}) before {@code bbox} and {@code features}.
   */
  public static byte[] featureCollection(List<CityEntity> entities, Map<String, Object> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, entities.size() * 600));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      for (Map.Entry<String, Object> m : members.entrySet()) {
        g.writeFieldName(m.getKey());
        writeScalar(g, m.getValue());
      }
      Envelope env = new Envelope();
      entities.forEach(e -> env.expandToInclude(e.geometry().getEnvelopeInternal()));
      if (!env.isNull()) {
        g.writeArrayFieldStart("bbox");
        g.writeNumber(round(env.getMinX()));
        g.writeNumber(round(env.getMinY()));
        g.writeNumber(round(env.getMaxX()));
        g.writeNumber(round(env.getMaxY()));
        g.writeEndArray();
      }
      g.writeArrayFieldStart("features");
      for (CityEntity e : entities) {
        writeFeature(g, e);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing GeoJSON to memory failed", e);
    }
    return out.toByteArray();
  }

  /** One geometry as a GeoJSON geometry object. */
  public static String geometry(Geometry geometry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeGeometry(g, geometry);
    } catch (IOException e) {
      throw new UncheckedIOException("writing GeoJSON to memory failed", e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void writeFeature(JsonGenerator g, CityEntity e) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", e.id().toString());
    g.writeFieldName("geometry");
    writeGeometry(g, e.geometry());
    g.writeObjectFieldStart("properties");
    g.writeStringField("id", e.id().toString());
    g.writeStringField("type", e.type().prefix());
    g.writeStringField("name", e.name());
    for (Map.Entry<String, Object> a : e.attributes().entrySet()) {
      g.writeFieldName(a.getKey());
      writeScalar(g, a.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  static void writeScalar(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof double[] arr) {
      g.writeArray(arr, 0, arr.length);
    } else {
      g.writeString(v.toString());
    }
  }

  private static void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", geom.getGeometryType());
    if (geom instanceof GeometryCollection gc
        && !(geom instanceof MultiPoint
            || geom instanceof MultiLineString
            || geom instanceof MultiPolygon)) {
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        writeGeometry(g, gc.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      g.writeFieldName("coordinates");
      writeCoordinates(g, geom);
    }
    g.writeEndObject();
  }

  private static void writeCoordinates(JsonGenerator g, Geometry geom) throws IOException {
    if (geom instanceof Point p) {
      if (p.isEmpty()) {
        g.writeStartArray();
        g.writeEndArray();
      } else {
        writePosition(g, p.getX(), p.getY());
      }
    } else if (geom instanceof LineString ls) {
      writeSequence(g, ls.getCoordinateSequence(), false);
    } else if (geom instanceof Polygon poly) {
      writePolygon(g, poly);
    } else {
      g.writeStartArray();
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        writeCoordinates(g, geom.getGeometryN(i));
      }
      g.writeEndArray();
    }
  }

  private static void writePolygon(JsonGenerator g, Polygon poly) throws IOException {
    g.writeStartArray();
    if (!poly.isEmpty()) {
      CoordinateSequence shell = poly.getExteriorRing().getCoordinateSequence();
      writeSequence(g, shell, !Orientation.isCCW(shell));
      for (int i = 0; i < poly.getNumInteriorRing(); i++) {
        CoordinateSequence hole = poly.getInteriorRingN(i).getCoordinateSequence();
        writeSequence(g, hole, Orientation.isCCW(hole));
      }
    }
    g.writeEndArray();
  }

  private static void writeSequence(JsonGenerator g, CoordinateSequence seq, boolean reverse)
      throws IOException {
    g.writeStartArray();
    int n = seq.size();
    for (int k = 0; k < n; k++) {
      Coordinate c = seq.getCoordinate(reverse ? n - 1 - k : k);
      writePosition(g, c.x, c.y);
    }
    g.writeEndArray();
  }

  private static void writePosition(JsonGenerator g, double lon, double lat) throws IOException {
    g.writeStartArray();
    g.writeNumber(round(lon));
    g.writeNumber(round(lat));
    g.writeEndArray();
  }

  private static double round(double v) {
    return Math.round(v * SCALE) / SCALE;
  }
}
