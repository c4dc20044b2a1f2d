package io.citytwin.twin.rule;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.List;

/** Binds rules to the registered sensors they watch and the places those sensors are in. */
final class Bindings {
  private Bindings() {}

  static Evaluator evaluator(Rule rule, SensorRegistry registry, Places places) {
    RuleSpec spec = rule.spec();
    if (spec instanceof RuleSpec.Threshold t) {
      return condition(rule, t.condition(), t.place(), registry, places);
    }
    if (spec instanceof RuleSpec.RateOfChange r) {
      return condition(rule, r.condition(), r.place(), registry, places);
    }
    if (spec instanceof RuleSpec.NoSignal n) {
      List<Sensor> sensors = selected(rule, null, registry);
      return new NoSignalEvaluator(rule, sensors, sensors.stream().map(s -> places.of(s, n.place())).toList());
    }
    if (spec instanceof RuleSpec.Geofence g) {
      List<Sensor> sensors = g.subject() == RuleSpec.Geofence.Subject.HAZARDS
          ? List.of() : selected(rule, g.quantity(), registry);
      return new GeofenceEvaluator(rule, sensors);
    }
    RuleSpec.Correlation c = (RuleSpec.Correlation) spec;
    List<CorrelationEvaluator.Binding> bindings = new ArrayList<>();
    for (int m = 0; m < c.members().size(); m++) {
      for (Sensor s : selected(rule, c.members().get(m).quantity(), registry)) {
        for (PlaceRef group : places.groups(s, c.groupBy())) {
          bindings.add(new CorrelationEvaluator.Binding(s, m, group));
        }
      }
    }
    return new CorrelationEvaluator(rule, bindings);
  }

  private static Evaluator condition(
      Rule rule, Condition c, PlaceLevel place, SensorRegistry registry, Places places) {
    List<Sensor> sensors = selected(rule, c.quantity(), registry);
    return new ConditionEvaluator(rule, c, sensors, sensors.stream().map(s -> places.of(s, place)).toList());
  }

  /** Registered sensors the rule selects that publish {@code quantity} (any when null). */
  static List<Sensor> selected(Rule rule, Quantity quantity, SensorRegistry registry) {
    List<Sensor> out = new ArrayList<>();
    for (Sensor s : registry.all()) {
      if (rule.sensors().matches(s) && (quantity == null || s.quantities().contains(quantity))) {
        out.add(s);
      }
    }
    return out;
  }
}
