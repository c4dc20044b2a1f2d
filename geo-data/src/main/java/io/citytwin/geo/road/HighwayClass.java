package io.citytwin.geo.road;

import java.util.Locale;
import java.util.Optional;

/**
 * Defaults per OSM {@code highway=*} value for ways that lack explicit tags. Speeds are urban
 * free-flow speeds in km/h; lanes are per direction; per-lane capacity (vehicles per hour per lane)
 * follows the usual planning figures (HCM order of magnitude): ~2,000 for motorways, ~1,800 for
 * trunks, 900-1,000 for signalised urban arterials, 600-800 for collectors, ~500 for residential
 * streets and ~300 for service roads and living streets. Foot-only classes carry no vehicles
 * (capacity 0) and use walking speed 5 km/h.
 *
 * @param speedKmh default speed (km/h)
 * @param lanesPerDirection default lanes in each direction
 * @param capacityPerLane vehicles per hour and lane
 * @param car whether vehicles may use the class by default
 * @param foot whether pedestrians may use the class by default
 * @param impliedOneway whether the class is one-way unless tagged otherwise (motorways)
 */
public record HighwayClass(
    String highway,
    double speedKmh,
    int lanesPerDirection,
    double capacityPerLane,
    boolean car,
    boolean foot,
    boolean impliedOneway) {

  /** Walking speed used on foot-only edges, km/h. */
  public static final double WALKING_SPEED_KMH = 5.0;

  /**
   * The defaults for a {@code highway} value, or empty when that value is not a way people travel
   * on (e.g. {@code proposed}, {@code construction}, {@code platform}, {@code raceway}).
   */
  public static Optional<HighwayClass> of(String highway) {
    if (highway == null) {
      return Optional.empty();
    }
    String h = highway.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        switch (h) {
          case "motorway" -> car(h, 110, 2, 2000, true, false);
          case "motorway_link" -> car(h, 60, 1, 1500, true, false);
          case "trunk" -> car(h, 90, 2, 1800, false, true);
          case "trunk_link" -> car(h, 50, 1, 1200, false, true);
          case "primary" -> car(h, 50, 1, 1000, false, true);
          case "primary_link" -> car(h, 40, 1, 800, false, true);
          case "secondary" -> car(h, 50, 1, 900, false, true);
          case "secondary_link" -> car(h, 40, 1, 700, false, true);
          case "tertiary" -> car(h, 40, 1, 800, false, true);
          case "tertiary_link" -> car(h, 30, 1, 600, false, true);
          case "unclassified", "road" -> car(h, 30, 1, 600, false, true);
          case "residential" -> car(h, 30, 1, 500, false, true);
          case "living_street" -> car(h, 10, 1, 300, false, true);
          case "service", "track", "busway" -> car(h, 20, 1, 300, false, true);
          case "footway", "steps", "pedestrian", "path", "cycleway", "bridleway", "corridor" ->
              new HighwayClass(h, WALKING_SPEED_KMH, 0, 0, false, true, false);
          default -> null;
        });
  }

  private static HighwayClass car(
      String h, double speed, int lanes, double perLane, boolean oneway, boolean foot) {
    return new HighwayClass(h, speed, lanes, perLane, true, foot, oneway);
  }
}
