package io.citytwin.twin.agency;

import java.util.Locale;
import java.util.Optional;

/**
 * The agencies that own sensors and receive linked-disposal tasks. The {@link #code()} is the
 * stable external name: MQTT topic segment ({@code citytwin/v1/alerts/{code}}), API field value,
 * registry file value.
 */
public enum Agency {
  /** Fire and rescue brigade. */
  FIRE,
  /** Emergency medical services (ambulances). */
  EMS,
  /** Police. */
  POLICE,
  /** Traffic management centre (closures, diversions, signals). */
  TRAFFIC,
  /** Utilities: water, gas, electricity, drainage, port infrastructure. */
  UTILITIES,
  /** Public health authority and hospitals. */
  HEALTH;

  /** Lower-case external name, e.g. {@code ems}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The agency whose {@link #code()} is {@code code} (case-insensitive), if any. */
  public static Optional<Agency> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Agency a : values()) {
      if (a.code().equalsIgnoreCase(code)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
