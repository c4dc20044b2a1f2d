package io.citytwin.twin.live;

import io.citytwin.twin.telemetry.Quantity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The live state of one sensor. Immutable; {@link #apply} is a pure function.
 *
 * @param latest newest value per quantity (newest by measurement time)
 * @param status current health
 * @param lastSeenMillis receive time of the last accepted reading, or -1 if never heard from
 * @param rejectsInARow value-rejected messages since the last accepted one
 * @param lastRejectReason reason of the latest of those, or null
 * @param version number of events applied to this sensor
 */
public record SensorState(
    String sensorId,
    Map<Quantity, LatestValue> latest,
    SensorStatus status,
    long lastSeenMillis,
    int rejectsInARow,
    String lastRejectReason,
    long version) {

  public SensorState {
    latest = latest.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new EnumMap<>(latest));
  }

  /** A registered sensor never heard from. */
  public static SensorState unseen(String sensorId) {
    return new SensorState(sensorId, Map.of(), SensorStatus.NO_SIGNAL, -1, 0, null, 0);
  }

  public Optional<LatestValue> latest(Quantity q) {
    return Optional.ofNullable(latest.get(q));
  }

  /** The state after {@code event} (which must be about this sensor). */
  public static SensorState apply(SensorState s, LiveEvent event) {
    if (!s.sensorId.equals(event.sensorId())) {
      throw new IllegalArgumentException(
          "event for " + event.sensorId() + " applied to sensor " + s.sensorId);
    }
    long v = s.version + 1;
    if (event instanceof LiveEvent.ValueRecorded r) {
      Map<Quantity, LatestValue> next = new EnumMap<>(Quantity.class);
      next.putAll(s.latest);
      next.put(r.quantity(), new LatestValue(r.value(), r.timestampMillis(), r.receivedAtMillis()));
      return new SensorState(
          s.sensorId, next, s.status, Math.max(s.lastSeenMillis, r.receivedAtMillis()), 0, null, v);
    }
    if (event instanceof LiveEvent.StatusChanged c) {
      return new SensorState(
          s.sensorId, s.latest, c.to(), s.lastSeenMillis, s.rejectsInARow, s.lastRejectReason, v);
    }
    LiveEvent.RejectionCounted r = (LiveEvent.RejectionCounted) event;
    return new SensorState(
        s.sensorId, s.latest, s.status, s.lastSeenMillis, s.rejectsInARow + 1, r.reason(), v);
  }

  /** Same as {@link #apply(SensorState, LiveEvent)} on this state. */
  public SensorState apply(LiveEvent event) {
    return apply(this, event);
  }
}
