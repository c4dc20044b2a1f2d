package io.citytwin.twin.rule;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * No-signal rules. Silence is platform time: from the receive time of a sensor's last new reading
 * (one with a measurement time later than any before it, so a redelivery is no sign of life) to a
 * clock tick. A sensor never heard from is silent since the state's first tick, so a fresh start
 * does not raise an alarm for the whole fleet at once.
 *
 * <p>Fires once per silence: when a tick finds it silent longer than the rule allows, or when the
 * live twin reports one of the rule's statuses, whichever comes first. A new reading, or the live
 * status going back to ok, re-arms it. No re-fire interval and no escalation.
 */
final class NoSignalEvaluator extends Evaluator {
  private static final long NEVER = Long.MIN_VALUE;
  private final RuleSpec.NoSignal spec;
  private final Sensor[] sensors;
  private final PlaceRef[] places;

  NoSignalEvaluator(Rule rule, List<Sensor> sensors, List<PlaceRef> places) {
    super(rule);
    this.spec = (RuleSpec.NoSignal) rule.spec();
    this.sensors = sensors.toArray(Sensor[]::new);
    this.places = places.toArray(PlaceRef[]::new);
  }

  private static final class State extends RuleState {
    final long[] lastTs;
    final long[] lastSeenAt;
    final boolean[] silent;

    State(int slots) {
      lastTs = new long[slots];
      lastSeenAt = new long[slots];
      Arrays.fill(lastTs, NEVER);
      Arrays.fill(lastSeenAt, NEVER);
      silent = new boolean[slots];
    }

    private State(State o) {
      lastTs = o.lastTs.clone();
      lastSeenAt = o.lastSeenAt.clone();
      silent = o.silent.clone();
    }

    @Override
    RuleState copy() {
      return new State(this);
    }
  }

  @Override
  RuleState newState() {
    return new State(sensors.length);
  }

  @Override
  List<String> slotSensors() {
    List<String> ids = new ArrayList<>(sensors.length);
    for (Sensor s : sensors) {
      ids.add(s.id());
    }
    return ids;
  }

  @Override
  Quantity slotQuantity(int slot) {
    return null;
  }

  @Override
  List<Object> signature() {
    return List.of(rule, slotSensors(), List.of(places));
  }

  @Override
  void reading(RuleState rs, int slot, Reading r, long receivedAtMillis, Firing out) {
    State s = (State) rs;
    if (s.lastTs[slot] != NEVER && r.timestampMillis() <= s.lastTs[slot]) {
      return;
    }
    s.lastTs[slot] = r.timestampMillis();
    s.lastSeenAt[slot] = Math.max(s.lastSeenAt[slot], receivedAtMillis);
    s.silent[slot] = false;
  }

  @Override
  void tick(RuleState rs, long nowMillis, long sinceMillis, Firing out) {
    if (spec.silentMillis() == 0) {
      return;
    }
    State s = (State) rs;
    for (int i = 0; i < sensors.length; i++) {
      long from = s.lastSeenAt[i] == NEVER ? sinceMillis : s.lastSeenAt[i];
      if (!s.silent[i] && nowMillis - from > spec.silentMillis()) {
        s.silent[i] = true;
        String heard = s.lastSeenAt[i] == NEVER ? "never heard from" : "silent for " + duration(nowMillis - from);
        out.add(alarm(rule.severity(), places[i], sensors[i].name() + " " + heard, List.of(), nowMillis, out));
      }
    }
  }

  @Override
  void status(RuleState rs, int slot, SensorStatus to, long atMillis, Firing out) {
    State s = (State) rs;
    if (to == SensorStatus.OK) {
      s.silent[slot] = false;
    } else if (!s.silent[slot] && spec.onStatus().contains(to)) {
      s.silent[slot] = true;
      out.add(alarm(rule.severity(), places[slot], sensors[slot].name() + " is " + to.code(), List.of(),
          atMillis, out));
    }
  }
}
