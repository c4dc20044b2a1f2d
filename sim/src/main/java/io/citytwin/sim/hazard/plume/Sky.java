package io.citytwin.sim.hazard.plume;

import java.util.Locale;

/**
 * The sky condition columns of Pasquill's stability table: daytime incoming solar radiation, or
 * night-time cloud cover. Strong insolation is a sunny midsummer midday in England, slight a
 * similar midwinter day; night runs from one hour before sunset to one hour after sunrise.
 */
public enum Sky {
  STRONG_INSOLATION,
  MODERATE_INSOLATION,
  SLIGHT_INSOLATION,
  /** Overcast, day or night, and the hour before or after night: always neutral (D). */
  OVERCAST,
  /** Night, thinly overcast or at least 4/8 low cloud. */
  NIGHT_CLOUDY,
  /** Night, at most 3/8 cloud. */
  NIGHT_CLEAR;

  /** The name used in scenario files, e.g. {@code strong_insolation}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
