package io.citytwin.twin.rule;

import java.util.Locale;
import java.util.Optional;

/**
 * The place an alarm is keyed by and a correlation groups by, taken from the sensor's {@link
 * io.citytwin.twin.sensor.Placement placement} or the named areas of the rule file.
 */
public enum PlaceLevel {
  /** The sensor itself: key {@code sensor/{id}}, area its registered point. */
  SENSOR,
  /** The building whose footprint holds the sensor: key {@code building/...}, area the footprint. */
  BUILDING,
  /** The district: key {@code district/...}, area the district polygon. */
  DISTRICT,
  /** The nearest car road: key {@code road/...}, area the road's line. */
  ROAD,
  /** A named area of the rule file holding the sensor: key {@code area/{id}}, its polygon. */
  AREA;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PlaceLevel> fromCode(String code) {
    for (PlaceLevel p : values()) {
      if (p.code().equals(code)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
