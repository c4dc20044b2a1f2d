package io.citytwin.twin.live;

import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides live commands into events. Pure functions of (state, command, settings).
 *
 * <p>Idempotence: a reading whose measurement time is not newer than the latest value of its
 * quantity yields no event, so a redelivered message (at-least-once transports) changes nothing,
 * and an old reading arriving late never overwrites a newer one. History keeps every reading.
 */
public final class LiveDecisions {
  private LiveDecisions() {}

  public static List<LiveEvent> decide(SensorState state, LiveCommand command, LiveSettings settings) {
    if (command instanceof LiveCommand.RecordReadings r) {
      return record(state, r);
    }
    if (command instanceof LiveCommand.ReportRejection r) {
      return reject(state, r, settings);
    }
    return silence(state, (LiveCommand.CheckSilence) command, settings);
  }

  private static List<LiveEvent> record(SensorState state, LiveCommand.RecordReadings r) {
    List<LiveEvent> events = new ArrayList<>(r.readings().size() + 1);
    SensorState s = state;
    for (Reading reading : r.readings()) {
      if (!reading.sensorId().equals(state.sensorId())) {
        throw new IllegalArgumentException(
            "reading of " + reading.sensorId() + " sent to sensor " + state.sensorId());
      }
      LatestValue prev = s.latest().get(reading.quantity());
      if (prev != null && reading.timestampMillis() <= prev.timestampMillis()) {
        continue;
      }
      LiveEvent e = new LiveEvent.ValueRecorded(
          reading.sensorId(), reading.quantity(), reading.value(), reading.timestampMillis(),
          r.receivedAtMillis());
      events.add(e);
      s = s.apply(e);
    }
    if (!events.isEmpty() && state.status() != SensorStatus.OK) {
      events.add(new LiveEvent.StatusChanged(
          state.sensorId(), state.status(), SensorStatus.OK, r.receivedAtMillis(), "reporting"));
    }
    return events;
  }

  private static List<LiveEvent> reject(
      SensorState state, LiveCommand.ReportRejection r, LiveSettings settings) {
    List<LiveEvent> events = new ArrayList<>(2);
    events.add(new LiveEvent.RejectionCounted(state.sensorId(), r.reason(), r.atMillis()));
    if (state.status() != SensorStatus.FAULTY
        && state.rejectsInARow() + 1 >= settings.faultyAfterRejects()) {
      events.add(new LiveEvent.StatusChanged(
          state.sensorId(), state.status(), SensorStatus.FAULTY, r.atMillis(),
          (state.rejectsInARow() + 1) + " rejected messages in a row, last: " + r.reason()));
    }
    return events;
  }

  private static List<LiveEvent> silence(
      SensorState state, LiveCommand.CheckSilence c, LiveSettings settings) {
    if (state.lastSeenMillis() < 0 || state.status() == SensorStatus.FAULTY) {
      return List.of();
    }
    long silent = c.nowMillis() - state.lastSeenMillis();
    SensorStatus to = silent > settings.noSignalAfter().toMillis()
        ? SensorStatus.NO_SIGNAL
        : silent > settings.staleAfter().toMillis() ? SensorStatus.STALE : SensorStatus.OK;
    if (to == state.status() || to == SensorStatus.OK) {
      return List.of();
    }
    return List.of(new LiveEvent.StatusChanged(
        state.sensorId(), state.status(), to, c.nowMillis(), "silent for " + silent / 1000 + " s"));
  }
}
