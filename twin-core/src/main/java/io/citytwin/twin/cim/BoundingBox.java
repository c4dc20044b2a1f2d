package io.citytwin.twin.cim;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A WGS84 lon/lat box, as in GeoJSON and the {@code bbox=minLon,minLat,maxLon,maxLat} query
 * parameter. Always valid: finite, within the WGS84 range, min not above max.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
  private static final GeometryFactory GF = new GeometryFactory();

  public BoundingBox {
    check(minLon, -180, 180, "minLon");
    check(maxLon, -180, 180, "maxLon");
    check(minLat, -90, 90, "minLat");
    check(maxLat, -90, 90, "maxLat");
    if (minLon > maxLon) {
      throw new IllegalArgumentException("minLon " + minLon + " is greater than maxLon " + maxLon);
    }
    if (minLat > maxLat) {
      throw new IllegalArgumentException("minLat " + minLat + " is greater than maxLat " + maxLat);
    }
  }

  private static void check(double v, double lo, double hi, String name) {
    if (!Double.isFinite(v) || v < lo || v > hi) {
      throw new IllegalArgumentException(name + " " + v + " is outside [" + lo + ", " + hi + "]");
    }
  }

  /**
   * Parses {@code minLon,minLat,maxLon,maxLat} (decimal degrees).
   *
   * @throws IllegalArgumentException saying what is wrong, e.g. {@code expected 4
   *     comma-separated numbers but got 3}
   */
  public static BoundingBox parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is empty; expected minLon,minLat,maxLon,maxLat");
    }
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "expected 4 comma-separated numbers minLon,minLat,maxLon,maxLat but got " + parts.length);
    }
    String[] names = {"minLon", "minLat", "maxLon", "maxLat"};
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(names[i] + " '" + parts[i].trim() + "' is not a number");
      }
    }
    return new BoundingBox(v[0], v[1], v[2], v[3]);
  }

  public Envelope toEnvelope() {
    return new Envelope(minLon, maxLon, minLat, maxLat);
  }

  public Geometry toPolygon() {
    return GF.toGeometry(toEnvelope());
  }

  /** {@code [minLon, minLat, maxLon, maxLat]} as in GeoJSON. */
  public double[] toArray() {
    return new double[] {minLon, minLat, maxLon, maxLat};
  }

  /** The box of an envelope, or empty when the envelope is null (no geometries). */
  public static java.util.Optional<BoundingBox> of(Envelope env) {
    if (env.isNull()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new BoundingBox(env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()));
  }
}
