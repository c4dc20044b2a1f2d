package io.citytwin.twin.sensor;

import static io.citytwin.twin.telemetry.Quantity.*;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.telemetry.Quantity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Device kinds of the city's sensor fleet, each with the quantities such a device usually
 * publishes and the agency that usually owns it. A registry entry may narrow or widen the
 * quantities; the defaults are what the demo fleet and the REST API assume when none are given.
 */
public enum SensorKind {
  AIR_QUALITY(Agency.HEALTH, PM25, PM10, NO2, O3, TEMPERATURE, HUMIDITY),
  WEATHER(Agency.UTILITIES, TEMPERATURE, HUMIDITY, RAINFALL),
  WATER_LEVEL(Agency.UTILITIES, Quantity.WATER_LEVEL, RAINFALL),
  SMOKE_DETECTOR(Agency.FIRE, SMOKE, TEMPERATURE, CO),
  GAS_DETECTOR(Agency.UTILITIES, GAS, CO),
  TRAFFIC_COUNTER(Agency.TRAFFIC, TRAFFIC_FLOW, SPEED),
  CROWD_MONITOR(Agency.POLICE, CROWD_DENSITY, OCCUPANCY, NOISE),
  NOISE_MONITOR(Agency.HEALTH, NOISE),
  HOSPITAL_BEDS(Agency.HEALTH, BEDS_FREE, OCCUPANCY);

  private final Agency defaultOwner;
  private final Set<Quantity> defaultQuantities;

  SensorKind(Agency owner, Quantity first, Quantity... rest) {
    this.defaultOwner = owner;
    this.defaultQuantities = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  public Agency defaultOwner() {
    return defaultOwner;
  }

  public Set<Quantity> defaultQuantities() {
    return defaultQuantities;
  }

  /** External name, e.g. {@code air_quality}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #code()} is {@code code} (case-insensitive), if any. */
  public static Optional<SensorKind> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (SensorKind k : values()) {
      if (k.code().equalsIgnoreCase(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
