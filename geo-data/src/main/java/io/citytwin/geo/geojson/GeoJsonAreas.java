package io.citytwin.geo.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.GisInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads a GeoJSON (RFC 7946) FeatureCollection of Polygon/MultiPolygon features, such as district
 * outlines, and validates it fully before returning anything: JSON syntax (reported with line and
 * column), structure, geometry types, positions in lon/lat range, closed rings of at least four
 * positions, and JTS validity (no self-intersections). Stateless; thread-safe.
 */
public final class GeoJsonAreas {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * One polygon feature.
   *
   * @param index position in the collection, from 0
   * @param properties the feature's properties (scalar values as text)
   * @param geometry a valid Polygon or MultiPolygon in WGS84 lon/lat
   */
  public record Feature(int index, Map<String, String> properties, Geometry geometry) {
    /** A readable label for messages: {@code feature 3 ("Larvotto")}. */
    public String label() {
      String name = properties.get("name");
      return "feature " + index + (name == null ? "" : " (\"" + name + "\")");
    }
  }

  private final String source;
  private final GeometryFactory gf;

  private GeoJsonAreas(String source, GeometryFactory gf) {
    this.source = source;
    this.gf = gf;
  }

  /**
   * Reads and validates the stream; the stream is not closed.
   *
   * @throws GisInputException naming {@code source} and the problem (with line/column for syntax
   *     errors, the feature index and name for structural and geometric ones)
   */
  public static List<Feature> read(InputStream in, String source, GeometryFactory gf) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new GisInputException(source, "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GisInputException(source, "cannot read: " + e.getMessage(), e);
    }
    return new GeoJsonAreas(source, gf).features(root);
  }

  private List<Feature> features(JsonNode root) {
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw fail("not a GeoJSON object");
    }
    if (!"FeatureCollection".equals(root.path("type").asText(null))) {
      throw fail("expected \"type\": \"FeatureCollection\", found " + describe(root.get("type")));
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw fail("\"features\" must be an array");
    }
    List<Feature> out = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      out.add(feature(i, features.get(i)));
    }
    if (out.isEmpty()) {
      throw fail("the FeatureCollection has no features");
    }
    return List.copyOf(out);
  }

  private Feature feature(int i, JsonNode f) {
    if (!f.isObject() || !"Feature".equals(f.path("type").asText(null))) {
      throw fail("feature " + i + " is not an object with \"type\": \"Feature\"");
    }
    Map<String, String> props = new LinkedHashMap<>();
    JsonNode p = f.get("properties");
    if (p != null && p.isObject()) {
      p.fields().forEachRemaining(e -> {
        if (e.getValue().isValueNode() && !e.getValue().isNull()) {
          props.put(e.getKey(), e.getValue().asText());
        }
      });
    } else if (p != null && !p.isNull()) {
      throw fail("feature " + i + ": \"properties\" must be an object or null");
    }
    String label = new Feature(i, props, null).label();
    JsonNode g = f.get("geometry");
    if (g == null || !g.isObject()) {
      throw fail(label + " has no geometry");
    }
    String type = g.path("type").asText("");
    JsonNode coords = g.get("coordinates");
    if (coords == null || !coords.isArray()) {
      throw fail(label + ": geometry has no \"coordinates\" array");
    }
    Geometry geom =
        switch (type) {
          case "Polygon" -> polygon(coords, label);
          case "MultiPolygon" -> {
            if (coords.isEmpty()) {
              throw fail(label + ": empty MultiPolygon");
            }
            Polygon[] ps = new Polygon[coords.size()];
            for (int k = 0; k < ps.length; k++) {
              ps[k] = polygon(coords.get(k), label);
            }
            yield gf.createMultiPolygon(ps);
          }
          default -> throw fail(label + ": geometry type " + describe(g.get("type")) + " is not Polygon or MultiPolygon");
        };
    TopologyValidationError err = new IsValidOp(geom).getValidationError();
    if (err != null) {
      Coordinate c = err.getCoordinate();
      throw fail(label + " is not a valid polygon: " + err.getMessage()
          + (c == null ? "" : " at (" + round(c.x) + " " + round(c.y) + ")"));
    }
    return new Feature(i, Map.copyOf(props), geom);
  }

  private Polygon polygon(JsonNode rings, String label) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw fail(label + ": a polygon needs at least one ring");
    }
    LinearRing shell = ring(rings.get(0), label);
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int k = 1; k < rings.size(); k++) {
      holes[k - 1] = ring(rings.get(k), label);
    }
    return gf.createPolygon(shell, holes);
  }

  private LinearRing ring(JsonNode positions, String label) {
    if (!positions.isArray() || positions.size() < 4) {
      throw fail(label + ": a ring needs at least 4 positions");
    }
    Coordinate[] cs = new Coordinate[positions.size()];
    for (int k = 0; k < cs.length; k++) {
      cs[k] = position(positions.get(k), label);
    }
    if (!cs[0].equals2D(cs[cs.length - 1])) {
      throw fail(label + ": ring is not closed (first position " + cs[0].x + " " + cs[0].y
          + " differs from the last)");
    }
    return gf.createLinearRing(cs);
  }

  private Coordinate position(JsonNode pos, String label) {
    if (!pos.isArray() || pos.size() < 2 || pos.size() > 3 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
      throw fail(label + ": a position must be [lon, lat] numbers, found " + abbreviate(pos.toString()));
    }
    double lon = pos.get(0).asDouble();
    double lat = pos.get(1).asDouble();
    if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      throw fail(label + ": position [" + lon + ", " + lat + "] is out of lon/lat range"
          + " (GeoJSON must be WGS84 longitude, latitude)");
    }
    return new Coordinate(lon, lat);
  }

  private static String round(double v) {
    return java.math.BigDecimal.valueOf(Math.round(v * 1e7) / 1e7).stripTrailingZeros().toPlainString();
  }

  private GisInputException fail(String problem) {
    return new GisInputException(source, problem);
  }

  private static String describe(JsonNode n) {
    return n == null ? "nothing" : abbreviate(n.toString());
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
