package io.citytwin.sim.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
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
 * RFC 7946 geometry text: coordinates as {@code [lon, lat]} through {@link Numbers#coordinate},
 * exterior rings counter-clockwise and holes clockwise (the RFC's right-hand rule), empty
 * geometries as {@code null} (an unlocated feature, RFC 7946 section 3.2).
 */
final class GeoJson {
  private GeoJson() {}

  static void geometry(JsonGenerator g, Geometry geom) throws IOException {
    if (geom == null || geom.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    if (geom instanceof GeometryCollection c && !(geom instanceof MultiPoint || geom instanceof MultiLineString
        || geom instanceof MultiPolygon)) {
      g.writeStringField("type", "GeometryCollection");
      g.writeArrayFieldStart("geometries");
      for (int i = 0; i < c.getNumGeometries(); i++) {
        if (!c.getGeometryN(i).isEmpty()) {
          geometry(g, c.getGeometryN(i));
        }
      }
      g.writeEndArray();
    } else {
      g.writeStringField("type", geom.getGeometryType());
      g.writeFieldName("coordinates");
      coordinates(g, geom);
    }
    g.writeEndObject();
  }

  private static void coordinates(JsonGenerator g, Geometry geom) throws IOException {
    if (geom instanceof Point p) {
      position(g, p.getCoordinate());
    } else if (geom instanceof LineString l) {
      sequence(g, l.getCoordinateSequence(), false);
    } else if (geom instanceof Polygon p) {
      polygon(g, p);
    } else {
      g.writeStartArray();
      for (int i = 0; i < geom.getNumGeometries(); i++) {
        if (!geom.getGeometryN(i).isEmpty()) {
          coordinates(g, geom.getGeometryN(i));
        }
      }
      g.writeEndArray();
    }
  }

  private static void polygon(JsonGenerator g, Polygon p) throws IOException {
    g.writeStartArray();
    ring(g, p.getExteriorRing().getCoordinateSequence(), true);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(g, p.getInteriorRingN(i).getCoordinateSequence(), false);
    }
    g.writeEndArray();
  }

  private static void ring(JsonGenerator g, CoordinateSequence ring, boolean exterior) throws IOException {
    boolean ccw = ring.size() >= 4 && Orientation.isCCW(ring);
    sequence(g, ring, ring.size() >= 4 && ccw != exterior);
  }

  private static void sequence(JsonGenerator g, CoordinateSequence seq, boolean reversed) throws IOException {
    g.writeStartArray();
    int n = seq.size();
    for (int i = 0; i < n; i++) {
      position(g, seq.getCoordinate(reversed ? n - 1 - i : i));
    }
    g.writeEndArray();
  }

  private static void position(JsonGenerator g, Coordinate c) throws IOException {
    g.writeStartArray();
    g.writeNumber(Numbers.coordinate(c.x));
    g.writeNumber(Numbers.coordinate(c.y));
    g.writeEndArray();
  }
}
