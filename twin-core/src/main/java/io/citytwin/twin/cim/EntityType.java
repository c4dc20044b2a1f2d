package io.citytwin.twin.cim;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of thing the city information model holds. Each kind owns the first segment of its
 * entities' ids ({@code district/MC-MO}, {@code building/w123}, {@code road/w42}, {@code poi/n7},
 * {@code sensor/...}).
 */
public enum EntityType {
  DISTRICT,
  BUILDING,
  ROAD,
  POI,
  /**
   * A sensor bound to a place. Sensors come from the sensor registry, not from GIS layers, so a
   * snapshot built from a {@code CityModel} alone has none.
   */
  SENSOR;

  /** The id prefix and API name, e.g. {@code building}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type whose {@link #prefix()} is {@code prefix}, if any. */
  public static Optional<EntityType> fromPrefix(String prefix) {
    for (EntityType t : values()) {
      if (t.prefix().equals(prefix)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
