package io.citytwin.twin.sensor;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registered sensors of one city, each placed on it. Immutable: {@link #with} and {@link
 * #without} return new registries, so a holder swaps one reference (e.g. an {@code
 * AtomicReference}) and readers never lock. Lookups by id are one hash-map read, cheap enough for
 * every ingested message; safe from any number of threads.
 *
 * <p>Every sensor is checked on the way in: unique id, location inside the city boundary; its
 * {@link Placement} is always resolved here from its location, whatever the sensor carried.
 * Iteration order is insertion order (file order for a loaded registry).
 */
public final class SensorRegistry {
  private final SensorPlacer placer;
  private final Map<String, Sensor> byId;
  private final Map<EntityId, List<Sensor>> byDistrict;
  private final Map<SensorKind, List<Sensor>> byKind;
  private final List<Sensor> all;

  private SensorRegistry(SensorPlacer placer, LinkedHashMap<String, Sensor> sensors) {
    this.placer = placer;
    // HashMap, not the LinkedHashMap: the per-message lookup should not pay for the links.
    this.byId = Collections.unmodifiableMap(new HashMap<>(sensors));
    this.all = List.copyOf(sensors.values());
    Map<EntityId, List<Sensor>> districts = new HashMap<>();
    Map<SensorKind, List<Sensor>> kinds = new EnumMap<>(SensorKind.class);
    for (Sensor s : all) {
      s.placement().districtId().ifPresent(d -> districts.computeIfAbsent(d, k -> new ArrayList<>()).add(s));
      kinds.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    districts.replaceAll((d, list) -> List.copyOf(list));
    kinds.replaceAll((k, list) -> List.copyOf(list));
    this.byDistrict = Collections.unmodifiableMap(districts);
    this.byKind = Collections.unmodifiableMap(kinds);
  }

  /** A registry without sensors for the placer's city. */
  public static SensorRegistry empty(SensorPlacer placer) {
    return new SensorRegistry(Objects.requireNonNull(placer, "placer"), new LinkedHashMap<>());
  }

  /**
   * A registry of {@code sensors}, each placed on the placer's city.
   *
   * @throws SensorInputException naming the first sensor whose id repeats an earlier one or whose
   *     location lies outside the city; nothing is registered then
   */
  public static SensorRegistry of(Collection<Sensor> sensors, SensorPlacer placer) {
    Objects.requireNonNull(placer, "placer");
    LinkedHashMap<String, Sensor> placed = new LinkedHashMap<>();
    for (Sensor s : sensors) {
      Sensor checked = check(s, placer);
      if (placed.putIfAbsent(s.id(), checked) != null) {
        throw duplicate(placer, s.id());
      }
    }
    return new SensorRegistry(placer, placed);
  }

  /**
   * A registry that also holds {@code sensor}, placed. To replace a sensor, remove it first with
   * {@link #without}.
   *
   * @throws SensorInputException if the id is already registered or the location is outside
   */
  public SensorRegistry with(Sensor sensor) {
    Sensor checked = check(sensor, placer);
    if (byId.containsKey(sensor.id())) {
      throw duplicate(placer, sensor.id());
    }
    LinkedHashMap<String, Sensor> next = copy();
    next.put(sensor.id(), checked);
    return new SensorRegistry(placer, next);
  }

  /** A registry without the sensor {@code id}; this registry itself when there is none. */
  public SensorRegistry without(String id) {
    if (!byId.containsKey(id)) {
      return this;
    }
    LinkedHashMap<String, Sensor> next = copy();
    next.remove(id);
    return new SensorRegistry(placer, next);
  }

  /** The placer of the city the sensors are placed on. */
  public SensorPlacer placer() {
    return placer;
  }

  public Optional<Sensor> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The quantities sensor {@code id} may publish, empty if it is not registered. Shaped to serve
   * as ingest's sensor directory ({@code registry::quantitiesOf}).
   */
  public Optional<Set<Quantity>> quantitiesOf(String id) {
    Sensor s = byId.get(id);
    return s == null ? Optional.empty() : Optional.of(s.quantities());
  }

  /** Every sensor, in insertion order. */
  public List<Sensor> all() {
    return all;
  }

  /** Sensors placed in the district, in insertion order; empty for an unknown district. */
  public List<Sensor> inDistrict(EntityId district) {
    return byDistrict.getOrDefault(district, List.of());
  }

  /** Sensors of one kind, in insertion order. */
  public List<Sensor> ofKind(SensorKind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  public int size() {
    return all.size();
  }

  private LinkedHashMap<String, Sensor> copy() {
    LinkedHashMap<String, Sensor> m = new LinkedHashMap<>();
    for (Sensor s : all) {
      m.put(s.id(), s);
    }
    return m;
  }

  private static Sensor check(Sensor s, SensorPlacer placer) {
    Objects.requireNonNull(s, "sensor");
    if (!placer.inCity(s.location())) {
      throw new SensorInputException(
          placer.cityName() + " sensor registry",
          "sensor '" + s.id() + "'",
          "location",
          "lat " + s.location().lat() + ", lon " + s.location().lon()
              + " lies outside the city boundary of " + placer.cityName());
    }
    return placer.placed(s);
  }

  private static SensorInputException duplicate(SensorPlacer placer, String id) {
    return new SensorInputException(
        placer.cityName() + " sensor registry", "sensor '" + id + "'", "id", "already registered");
  }
}
