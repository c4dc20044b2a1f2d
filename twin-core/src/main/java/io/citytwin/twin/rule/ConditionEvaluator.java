package io.citytwin.twin.rule;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * Threshold and rate-of-change rules: one {@link Condition} per sensor, alarms keyed by the
 * sensor's place.
 *
 * <p>Firing: on entering the condition; once more, at the escalated severity, when the value (or
 * rate) gets beyond the escalation level while in it (a single escalated alarm when it is already
 * beyond at entry); with a re-fire interval, again every interval while in it. Nothing fires while
 * the condition holds otherwise, nor when it is left; leaving re-arms the rule.
 */
final class ConditionEvaluator extends Evaluator {
  private final Condition condition;
  private final Sensor[] sensors;
  private final PlaceRef[] places;

  ConditionEvaluator(Rule rule, Condition condition, List<Sensor> sensors, List<PlaceRef> places) {
    super(rule);
    this.condition = condition;
    this.sensors = sensors.toArray(Sensor[]::new);
    this.places = places.toArray(PlaceRef[]::new);
  }

  private static final class State extends RuleState {
    final ConditionState condition;
    final long[] lastFired;
    final boolean[] escalated;

    State(ConditionState condition, int slots) {
      this.condition = condition;
      this.lastFired = new long[slots];
      this.escalated = new boolean[slots];
    }

    private State(State o) {
      condition = o.condition.copy();
      lastFired = o.lastFired.clone();
      escalated = o.escalated.clone();
    }

    @Override
    RuleState copy() {
      return new State(this);
    }
  }

  @Override
  RuleState newState() {
    return new State(ConditionState.of(condition, sensors.length), sensors.length);
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
    return condition.quantity();
  }

  @Override
  List<Object> signature() {
    return List.of(rule, slotSensors(), List.of(places));
  }

  @Override
  void reading(RuleState rs, int slot, Reading r, long receivedAtMillis, Firing out) {
    State s = (State) rs;
    ConditionState c = s.condition;
    long ts = r.timestampMillis();
    switch (c.update(slot, ts, r.value())) {
      case ConditionState.ENTER -> {
        s.escalated[slot] = beyondEscalation(c.metric[slot]);
        fire(s, slot, r, out);
      }
      case ConditionState.ACTIVE -> {
        if (!s.escalated[slot] && beyondEscalation(c.metric[slot])) {
          s.escalated[slot] = true;
          fire(s, slot, r, out);
        } else if (rule.refireMillis() > 0 && ts - s.lastFired[slot] >= rule.refireMillis()) {
          fire(s, slot, r, out);
        }
      }
      case ConditionState.LEAVE -> s.escalated[slot] = false;
      default -> { }
    }
  }

  /** Levels escalate beyond a level in their direction; rates beyond a speed (a magnitude). */
  private boolean beyondEscalation(double metric) {
    if (rule.escalation() == null) {
      return false;
    }
    double at = rule.escalation().at();
    return condition instanceof Condition.Rate rate
        ? rate.oriented(metric) > at
        : condition.direction().beyond(metric, at);
  }

  private void fire(State s, int slot, Reading r, Firing out) {
    ConditionState c = s.condition;
    long ts = r.timestampMillis();
    s.lastFired[slot] = ts;
    List<Evidence> evidence = new ArrayList<>(2);
    if (c.onsetTs[slot] != ConditionState.NONE && c.onsetTs[slot] < ts) {
      evidence.add(new Evidence(r.sensorId(), r.quantity(), c.onsetValue[slot], c.onsetTs[slot]));
    }
    evidence.add(new Evidence(r.sensorId(), r.quantity(), r.value(), ts));
    out.add(alarm(severity(s.escalated[slot]), places[slot], detail(slot, c.metric[slot]), evidence, ts, out));
  }

  private String detail(int slot, double metric) {
    String unit = condition.quantity().canonicalUnit();
    String what = condition.quantity().canonicalName() + " " + number(metric) + " " + unit;
    if (condition instanceof Condition.Rate rate) {
      what = condition.quantity().canonicalName() + (rate.direction() == Direction.UP ? " rising " : " falling ")
          + number(Math.abs(metric)) + " " + unit + "/min";
    }
    return what + " at " + sensors[slot].name();
  }
}
