package io.citytwin.sim.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.city.CityModel;
import io.citytwin.sim.scenario.Params;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Parameter readers the hazard models share, on top of {@link Params}; errors name the path. */
public final class Inputs {
  private static final GeometryFactory GF = new GeometryFactory();

  private Inputs() {}

  /** An offset from the scenario start, ISO-8601 such as {@code PT10M}; zero allowed. */
  public static Duration offset(Params p, String key, Duration fallback) {
    if (!p.has(key)) {
      return fallback;
    }
    String t = p.text(key);
    Duration d;
    try {
      d = Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw p.fail(key, "'" + t + "' is not an ISO-8601 duration such as PT10M");
    }
    if (d.isNegative()) {
      throw p.fail(key, "must not be negative, was " + t);
    }
    return d;
  }

  /**
   * A position {@code {"lat": .., "lon": ..}} that must lie inside the city.
   *
   * @return WGS84 point (lon = x, lat = y)
   */
  public static Point position(Params p, String key, CityModel city) {
    Params pos = p.object(key).onlyKnown(Set.of("lat", "lon"));
    double lat = pos.number("lat", -90, 90);
    double lon = pos.number("lon", -180, 180);
    Point pt = GF.createPoint(new Coordinate(lon, lat));
    if (!city.boundary().covers(pt)) {
      throw pos.fail(null, "lat " + lat + ", lon " + lon + " lies outside the city of " + city.name());
    }
    return pt;
  }

  /** {@link #position} when present, else {@code fallback}. */
  public static Point position(Params p, String key, CityModel city, Point fallback) {
    return p.has(key) ? position(p, key, city) : fallback;
  }

  /** A number in {@code (0, max]}; zero and negative values are refused as such. */
  public static double positive(Params p, String key, double max) {
    double v = p.number(key, -Double.MAX_VALUE, Double.MAX_VALUE);
    if (v <= 0) {
      throw p.fail(key, "must be positive, was " + v);
    }
    if (v > max) {
      throw p.fail(key, v + " is more than the largest accepted value " + max);
    }
    return v;
  }

  /** {@link #positive} when present, else {@code fallback}. */
  public static double positive(Params p, String key, double max, double fallback) {
    return p.has(key) ? positive(p, key, max) : fallback;
  }

  /**
   * A camelCase key fragment from a display name, e.g. {@code AEGL-2} to {@code Aegl2}, for
   * metric and footprint names; empty when the name has no letter or digit.
   */
  public static String keyOf(String name) {
    StringBuilder b = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** A text or number member as text (ids may be written either way, e.g. {@code 123}). */
  public static String id(Params p, String key, JsonNode v) {
    if (v == null || !(v.isTextual() || v.isIntegralNumber()) || v.asText().isBlank()) {
      throw p.fail(key, "must be an id (text or whole number)");
    }
    return v.asText();
  }
}
