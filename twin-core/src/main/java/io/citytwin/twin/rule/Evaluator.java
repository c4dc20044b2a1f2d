package io.citytwin.twin.rule;

import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Evaluates one rule. Immutable (its sensor bindings are fixed when the engine is built); all that
 * changes lives in the {@link RuleState} it creates. A slot is one binding of the rule to a sensor
 * (correlations: to a sensor, member condition and group).
 */
abstract class Evaluator {
  final Rule rule;

  Evaluator(Rule rule) {
    this.rule = rule;
  }

  abstract RuleState newState();

  /** Sensor id of every slot, in slot order. */
  abstract List<String> slotSensors();

  /** The quantity whose readings go to {@code slot}, or null for readings of any quantity. */
  abstract Quantity slotQuantity(int slot);

  /**
   * What must not change for the state to stay meaningful after a reload: the rule and the
   * places its slots resolve to.
   */
  abstract List<Object> signature();

  /** A reading routed to {@code slot}. */
  void reading(RuleState s, int slot, Reading r, long receivedAtMillis, Firing out) {}

  /** The platform clock advanced to {@code nowMillis}; {@code sinceMillis} is the first tick. */
  void tick(RuleState s, long nowMillis, long sinceMillis, Firing out) {}

  /** The live twin changed the status of the sensor of {@code slot}. */
  void status(RuleState s, int slot, SensorStatus to, long atMillis, Firing out) {}

  /** A hazard moved (only hazard geofences care). */
  void hazard(RuleState s, Hazard h, Firing out) {}

  Alarm alarm(Severity severity, PlaceRef place, String detail, List<Evidence> evidence,
      long atMillis, Firing out) {
    String title = rule.title() + " — " + place.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    return new Alarm(rule.id(), rule.type(), severity, place.key(), place.area(), title, evidence,
        atMillis, out.exercise);
  }

  /** The severity for a level {@code metric} (value, rate or count) beyond the escalation level. */
  Severity severity(boolean escalated) {
    return escalated ? rule.escalation().severity() : rule.severity();
  }

  /** A number for titles: up to 3 decimals, no trailing zeros. */
  static String number(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A duration for titles: seconds below 2 minutes, whole minutes (rounded down) above. */
  static String duration(long millis) {
    long s = millis / 1000;
    return s < 120 ? s + " s" : s / 60 + " min";
  }
}
