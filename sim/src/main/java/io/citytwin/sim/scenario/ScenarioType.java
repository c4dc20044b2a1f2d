package io.citytwin.sim.scenario;

import java.util.Locale;
import java.util.Optional;

/** What a scenario simulates; its {@link #code()} is the {@code type} in scenario files. */
public enum ScenarioType {
  CHEMICAL_RELEASE,
  FLOOD,
  BUILDING_FIRE,
  TRAFFIC_INCIDENT,
  EVACUATION,
  EPIDEMIC;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ScenarioType> fromCode(String code) {
    for (ScenarioType t : values()) {
      if (t.code().equalsIgnoreCase(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
