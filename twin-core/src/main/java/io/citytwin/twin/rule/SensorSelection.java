package io.citytwin.twin.rule;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which registered sensors a rule watches: of the given kinds (empty = any kind) and, when ids are
 * given, only those.
 */
public record SensorSelection(Set<SensorKind> kinds, Set<String> ids) {
  public static final SensorSelection ALL = new SensorSelection(Set.of(), Set.of());

  public SensorSelection {
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    ids = Set.copyOf(ids);
  }

  public boolean matches(Sensor s) {
    return (kinds.isEmpty() || kinds.contains(s.kind())) && (ids.isEmpty() || ids.contains(s.id()));
  }
}
