package io.citytwin.geo.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams a JTS geometry as an RFC 7946 geometry object: positions rounded to 7 decimals (~1 cm),
 * outer rings counter-clockwise and holes clockwise (the RFC's right-hand rule).
 */
final class GeoJsonGeometry {
  private static final double SCALE = 1e7;

  private GeoJsonGeometry() {}

  static void write(JsonGenerator g, Geometry geom) throws IOException {
    g.writeStartObject();
    if (geom instanceof Point p) {
      g.writeStringField("type", "Point");
      g.writeFieldName("coordinates");
      position(g, p.getCoordinateSequence(), 0);
    } else if (geom instanceof LineString l) {
      g.writeStringField("type", "LineString");
      g.writeFieldName("coordinates");
      positions(g, l.getCoordinateSequence(), false);
    } else if (geom instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(g, p);
    } else if (geom instanceof MultiPolygon mp) {
      g.writeStringField("type", "MultiPolygon");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        polygon(g, (Polygon) mp.getGeometryN(i));
      }
      g.writeEndArray();
    } else if (geom instanceof MultiLineString ml) {
      g.writeStringField("type", "MultiLineString");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < ml.getNumGeometries(); i++) {
        positions(g, ((LineString) ml.getGeometryN(i)).getCoordinateSequence(), false);
      }
      g.writeEndArray();
    } else if (geom instanceof MultiPoint mp) {
      g.writeStringField("type", "MultiPoint");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < mp.getNumGeometries(); i++) {
        position(g, ((Point) mp.getGeometryN(i)).getCoordinateSequence(), 0);
      }
      g.writeEndArray();
    } else if (geom instanceof GeometryCollection gc) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < gc.getNumGeometries(); i++) {
        write(g, gc.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("unsupported geometry " + geom.getGeometryType());
    }
    g.writeEndObject();
  }

  private static void polygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
    positions(g, shell, !Orientation.isCCW(shell));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
      positions(g, hole, Orientation.isCCW(hole));
    }
    g.writeEndArray();
  }

  private static void positions(JsonGenerator g, CoordinateSequence cs, boolean reversed) throws IOException {
    g.writeStartArray();
    int n = cs.size();
    for (int i = 0; i < n; i++) {
      position(g, cs, reversed ? n - 1 - i : i);
    }
    g.writeEndArray();
  }

  private static void position(JsonGenerator g, CoordinateSequence cs, int i) throws IOException {
    g.writeStartArray();
    g.writeNumber(Math.round(cs.getX(i) * SCALE) / SCALE);
    g.writeNumber(Math.round(cs.getY(i) * SCALE) / SCALE);
    g.writeEndArray();
  }
}
