package io.citytwin.sim.hazard.plume;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.sim.scenario.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;

/**
 * Wind and stability for a plume.
 *
 * @param windSpeedMps wind speed at 10 m, m/s
 * @param windFromDeg direction the wind blows from, degrees clockwise from true north
 * @param stability the stability category used
 * @param stabilityOrigin how it was obtained, for the summary (e.g. {@code "given"})
 */
public record Weather(double windSpeedMps, double windFromDeg, Stability stability, String stabilityOrigin) {
  /**
   * The Gaussian plume is not meaningful in calm air; 1 m/s is the usual lower limit (ISC3 sets
   * lower speeds to 1 m/s).
   */
  public static final double MIN_WIND_MPS = 1.0;

  /**
   * Reads {@code wind: {speedMps, fromDeg}} and exactly one of {@code stability} (A–F, A-B, B-C,
   * C-D) or {@code sky} (one of {@link Sky}, the class then follows Pasquill's table).
   */
  public static Weather parse(Params p) {
    Params wind = p.object("wind").onlyKnown(Set.of("speedMps", "fromDeg"));
    double speed = wind.number("speedMps", MIN_WIND_MPS, 60);
    double from = wind.number("fromDeg", 0, 360);
    boolean given = p.has("stability");
    if (given == p.has("sky")) {
      throw p.fail(given ? "sky" : "stability",
          given ? "give either 'stability' or 'sky', not both" : "is missing (or give 'sky' to derive it)");
    }
    if (given) {
      String label = p.text("stability");
      Stability s = Stability.parse(label).orElseThrow(() -> p.fail("stability",
          "'" + label + "' is not a stability class (known: " + String.join(", ", Stability.LABELS) + ")"));
      return new Weather(speed, from, s, "given");
    }
    List<String> skies = Arrays.stream(Sky.values()).map(Sky::code).toList();
    Sky sky = Sky.valueOf(p.choice("sky", skies).toUpperCase(java.util.Locale.ROOT));
    return new Weather(speed, from, Stability.fromWeather(speed, sky),
        "Pasquill's table for " + speed + " m/s and " + sky.code());
  }

  /**
   * Unit vector (east, north) of the direction the wind blows towards, in the metric CRS at the
   * given WGS84 position (the UTM grid is rotated against true north by the meridian convergence,
   * about a degree in Monaco).
   */
  public double[] downwind(MetricProjection projection, double lon, double lat) {
    double bearing = Math.toRadians(windFromDeg + 180);
    double d = 100.0 / 6_371_000;
    Coordinate a = projection.toMetric(new Coordinate(lon, lat));
    Coordinate b = projection.toMetric(new Coordinate(
        lon + Math.toDegrees(d * Math.sin(bearing) / Math.cos(Math.toRadians(lat))),
        lat + Math.toDegrees(d * Math.cos(bearing))));
    double len = a.distance(b);
    return new double[] {(b.x - a.x) / len, (b.y - a.y) / len};
  }
}
