package io.citytwin.twin.live;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The live state of the whole sensor fleet and the district indicators derived from it. Commands
 * are decided by {@link LiveDecisions} and applied with {@link SensorState#apply}; this class only
 * routes them to the right sensor and keeps the derived data current.
 *
 * <p>Not thread-safe: one owner (the twin verticle's event loop) calls every method. Indicators
 * are recomputed lazily, only for districts whose sensors changed.
 */
public final class LiveTwin {
  private final LiveSettings settings;
  private final Map<String, Sensor> sensors = new HashMap<>();
  private final Map<String, SensorState> states = new HashMap<>();
  private final Map<EntityId, Set<String>> byDistrict = new HashMap<>();
  private final Map<EntityId, List<DistrictIndicator>> indicators = new LinkedHashMap<>();
  private final Set<EntityId> dirtyDistricts = new LinkedHashSet<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private long unknownSensorReadings;
  private long applied;
  private long duplicates;

  public LiveTwin(Collection<Sensor> fleet, LiveSettings settings) {
    this.settings = settings;
    setSensors(fleet);
  }

  /**
   * Replaces the fleet (registry reloaded or a sensor registered). States of sensors that stay
   * are kept; new sensors start {@link SensorStatus#NO_SIGNAL}; removed ones are dropped.
   */
  public void setSensors(Collection<Sensor> fleet) {
    Map<String, Sensor> next = new HashMap<>();
    fleet.forEach(s -> next.put(s.id(), s));
    states.keySet().retainAll(next.keySet());
    sensors.clear();
    sensors.putAll(next);
    byDistrict.clear();
    for (Sensor s : fleet) {
      states.computeIfAbsent(s.id(), SensorState::unseen);
      s.placement().districtId().ifPresent(
          d -> byDistrict.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(s.id()));
    }
    indicators.clear();
    dirtyDistricts.addAll(byDistrict.keySet());
  }

  /**
   * Applies a batch of readings received at {@code receivedAtMillis}. Readings of sensors not in
   * the fleet are counted and ignored (the registry changed after they were decoded).
   *
   * @return the events that changed state (redelivered or older readings produce none)
   */
  public List<LiveEvent> record(List<Reading> readings, long receivedAtMillis) {
    List<LiveEvent> events = new ArrayList<>();
    int i = 0;
    while (i < readings.size()) {
      String id = readings.get(i).sensorId();
      int j = i + 1;
      while (j < readings.size() && readings.get(j).sensorId().equals(id)) {
        j++;
      }
      List<Reading> ofSensor = readings.subList(i, j);
      if (!states.containsKey(id)) {
        unknownSensorReadings += ofSensor.size();
      } else {
        int before = events.size();
        handle(new LiveCommand.RecordReadings(id, ofSensor, receivedAtMillis), events);
        long recorded = events.subList(before, events.size()).stream()
            .filter(e -> e instanceof LiveEvent.ValueRecorded).count();
        applied += recorded;
        duplicates += ofSensor.size() - recorded;
      }
      i = j;
    }
    return events;
  }

  /** A message of {@code sensorId} was rejected for its values; see {@link LiveDecisions}. */
  public List<LiveEvent> rejected(String sensorId, String reason, long atMillis) {
    if (!states.containsKey(sensorId)) {
      return List.of();
    }
    List<LiveEvent> events = new ArrayList<>(2);
    handle(new LiveCommand.ReportRejection(sensorId, reason, atMillis), events);
    return events;
  }

  /** Re-evaluates silence of every sensor at {@code nowMillis}. */
  public List<LiveEvent> tick(long nowMillis) {
    List<LiveEvent> events = new ArrayList<>();
    for (String id : List.copyOf(states.keySet())) {
      handle(new LiveCommand.CheckSilence(id, nowMillis), events);
    }
    return events;
  }

  private void handle(LiveCommand command, List<LiveEvent> out) {
    SensorState s = states.get(command.sensorId());
    List<LiveEvent> events = LiveDecisions.decide(s, command, settings);
    if (events.isEmpty()) {
      return;
    }
    for (LiveEvent e : events) {
      s = s.apply(e);
    }
    states.put(s.sensorId(), s);
    out.addAll(events);
    changed.add(s.sensorId());
    sensors.get(s.sensorId()).placement().districtId().ifPresent(dirtyDistricts::add);
  }

  public Optional<SensorState> state(String sensorId) {
    return Optional.ofNullable(states.get(sensorId));
  }

  public Optional<Sensor> sensor(String sensorId) {
    return Optional.ofNullable(sensors.get(sensorId));
  }

  public Collection<SensorState> states() {
    return Collections.unmodifiableCollection(states.values());
  }

  /** Current indicators of every district with reporting sensors, recomputing changed ones. */
  public Map<EntityId, List<DistrictIndicator>> indicators() {
    for (EntityId d : dirtyDistricts) {
      Set<String> ids = byDistrict.getOrDefault(d, Set.of());
      List<SensorState> members = new ArrayList<>(ids.size());
      ids.forEach(id -> members.add(states.get(id)));
      List<DistrictIndicator> list = Indicators.of(d, members);
      if (list.isEmpty()) {
        indicators.remove(d);
      } else {
        indicators.put(d, list);
      }
    }
    dirtyDistricts.clear();
    return Collections.unmodifiableMap(indicators);
  }

  /** Ids of sensors whose state changed since the last call, in order of first change. */
  public Set<String> drainChanged() {
    Set<String> out = new LinkedHashSet<>(changed);
    changed.clear();
    return out;
  }

  /** Readings that changed a latest value, since start. */
  public long appliedReadings() {
    return applied;
  }

  /** Readings not newer than the latest value (redeliveries, late arrivals), since start. */
  public long unchangedReadings() {
    return duplicates;
  }

  /** Readings of sensors not in the fleet, since start. */
  public long unknownSensorReadings() {
    return unknownSensorReadings;
  }
}
