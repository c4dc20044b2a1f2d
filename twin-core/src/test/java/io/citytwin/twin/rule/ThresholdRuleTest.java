package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.feed;
import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.BEDS_FREE;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdRuleTest {
  static final String SMOKE_RULE = """
      {"id": "smoke", "title": "Smoke", "kind": "threshold", "incident": "fire", "severity": "moderate",
       "sensor_kinds": ["smoke_detector"], "quantity": "smoke", "above": 8, "clear": 4, "place": "building" %s}""";

  static String smoke(String extra) {
    return SMOKE_RULE.formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  private static List<Reading> series(String sensor, double... values) {
    List<Reading> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(r(sensor, SMOKE, values[i], s(10 * i)));
    }
    return out;
  }

  @Test
  void firesOnceWhenTheLevelIsCrossedAndTheAlarmDescribesThePlace() {
    RuleEngine engine = RuleKit.engine(smoke(""));
    List<Alarm> alarms = feed(engine, engine.newState(), series("smk-1", 1, 2, 9.5, 11, 12));

    assertThat(alarms).hasSize(1);
    Alarm a = alarms.get(0);
    assertThat(a.ruleId()).isEqualTo("smoke");
    assertThat(a.type()).isEqualTo(IncidentType.FIRE);
    assertThat(a.severity()).isEqualTo(Severity.MODERATE);
    assertThat(a.placeKey()).isEqualTo("building/w1");
    assertThat(a.area()).isEqualTo(RuleKit.geometryOf("building/w1"));
    assertThat(a.atMillis()).isEqualTo(s(20));
    assertThat(a.evidence()).containsExactly(new Evidence("smk-1", SMOKE, 9.5, s(20)));
    assertThat(a.title()).startsWith("Smoke — building/w1 (smoke 9.5 %obs/m at Sensor smk-1)");
    assertThat(a.exercise()).isFalse();
  }

  @Test
  void hysteresisStopsFlappingAroundTheLevel() {
    RuleEngine engine = RuleKit.engine(smoke(""));
    double[] flapping = new double[40];
    for (int i = 0; i < flapping.length; i++) {
      flapping[i] = i % 2 == 0 ? 8.2 : 7.8;
    }
    assertThat(feed(engine, engine.newState(), series("smk-1", flapping))).hasSize(1);
  }

  @Test
  void withoutAClearLevelEveryCrossingFiresAgain() {
    RuleEngine engine = RuleKit.engine(SMOKE_RULE.formatted("").replace(", \"clear\": 4", ""));
    assertThat(feed(engine, engine.newState(), series("smk-1", 8.2, 7.8, 8.2, 7.8, 8.2))).hasSize(3);
  }

  @Test
  void firesAgainOnlyAfterTheValueFellToTheClearLevel() {
    RuleEngine engine = RuleKit.engine(smoke(""));
    List<Alarm> alarms = feed(engine, engine.newState(), series("smk-1", 9, 5, 7.9, 9, 4.0, 9, 3, 12));
    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(0), s(50), s(70));
  }

  @Test
  void minimumDurationFiresOnlyAfterTheConditionHeldThatLong() {
    RuleEngine engine = RuleKit.engine(smoke("\"min_duration_s\": 30"));
    EngineState state = engine.newState();
    // 0..20 s above, drop at 30 s resets; above again from 40 s, held 30 s at 70 s.
    List<Alarm> alarms = feed(engine, state, series("smk-1", 9, 9, 9, 7, 9, 9, 9, 9, 9, 9));

    assertThat(alarms).hasSize(1);
    assertThat(alarms.get(0).atMillis()).isEqualTo(s(70));
    assertThat(alarms.get(0).evidence()).containsExactly(
        new Evidence("smk-1", SMOKE, 9, s(40)), new Evidence("smk-1", SMOKE, 9, s(70)));
  }

  @Test
  void minimumDurationIsMeasurementTimeNotArrivalCount() {
    RuleEngine engine = RuleKit.engine(smoke("\"min_duration_s\": 30"));
    EngineState state = engine.newState();
    // Many readings within 29 s of measurement time, all received long after: not enough.
    List<Reading> burst = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      burst.add(r("smk-1", SMOKE, 9, s(i)));
    }
    assertThat(engine.evaluate(state, burst, s(3600))).isEmpty();
    assertThat(engine.evaluate(state, List.of(r("smk-1", SMOKE, 9, s(30))), s(3600))).hasSize(1);
  }

  @Test
  void aBelowRuleFiresUnderTheLevelAndClearsAboveItsClearLevel() {
    RuleEngine engine = RuleKit.engine("""
        {"id": "beds", "kind": "threshold", "incident": "infrastructure_failure", "severity": "severe",
         "quantity": "beds_free", "below": 5, "clear": 10, "place": "building"}""");
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        r("beds-1", BEDS_FREE, 12, s(0)), r("beds-1", BEDS_FREE, 5, s(10)), r("beds-1", BEDS_FREE, 4, s(20)),
        r("beds-1", BEDS_FREE, 9, s(30)), r("beds-1", BEDS_FREE, 3, s(40)), r("beds-1", BEDS_FREE, 10, s(50)),
        r("beds-1", BEDS_FREE, 2, s(60))));
    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(20), s(60));
    assertThat(alarms.get(0).placeKey()).isEqualTo("building/w2");
  }

  @Test
  void escalatesOnceToTheHigherSeverityAtTheEscalationLevel() {
    RuleEngine engine = RuleKit.engine(smoke("\"escalation\": {\"at\": 20, \"severity\": \"extreme\"}"));
    List<Alarm> alarms = feed(engine, engine.newState(), series("smk-1", 9, 15, 21, 25, 18, 22));
    assertThat(alarms).extracting(Alarm::severity).containsExactly(Severity.MODERATE, Severity.EXTREME);
    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(0), s(20));
  }

  @Test
  void enteringAlreadyBeyondTheEscalationLevelRaisesOneEscalatedAlarm() {
    RuleEngine engine = RuleKit.engine(smoke("\"escalation\": {\"at\": 20, \"severity\": \"extreme\"}"));
    List<Alarm> alarms = feed(engine, engine.newState(), series("smk-1", 1, 30, 35));
    assertThat(alarms).extracting(Alarm::severity).containsExactly(Severity.EXTREME);
  }

  @Test
  void aReFireIntervalRepeatsTheAlarmWhileTheConditionHolds() {
    RuleEngine engine = RuleKit.engine(smoke("\"refire_s\": 60"));
    double[] values = new double[19];
    java.util.Arrays.fill(values, 9);
    List<Alarm> alarms = feed(engine, engine.newState(), series("smk-1", values));
    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(0), s(60), s(120), s(180));
  }

  @Test
  void aSensorWithoutThePlaceIsKeyedByItself() {
    RuleEngine engine = RuleKit.engine(smoke(""));
    Alarm a = feed(engine, engine.newState(), List.of(r("smk-5", SMOKE, 9, s(0)))).get(0);
    assertThat(a.placeKey()).isEqualTo("sensor/smk-5");
    assertThat(a.area().getGeometryType()).isEqualTo("Point");
    assertThat(a.area().getCoordinate().y).isEqualTo(43.73);
  }

  @Test
  void levelsInAnotherUnitAreConverted() {
    RuleEngine engine = RuleKit.engine("""
        {"id": "water", "kind": "threshold", "incident": "flood", "severity": "severe",
         "quantity": "water_level", "unit": "cm", "above": 80, "clear": 60, "place": "district"}""");
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        r("wl-1", WATER_LEVEL, 0.79, s(0)), r("wl-1", WATER_LEVEL, 0.81, s(10))));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.atMillis()).isEqualTo(s(10));
      assertThat(a.placeKey()).isEqualTo("district/T-E");
      assertThat(a.area()).isEqualTo(RuleKit.geometryOf("district/T-E"));
    });
  }

  @Test
  void eachSensorHasItsOwnConditionAndOtherKindsAreNotWatched() {
    RuleEngine engine = RuleKit.engine(smoke("\"min_duration_s\": 20"));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        r("smk-1", SMOKE, 9, s(0)), r("smk-2", SMOKE, 9, s(10)), r("smk-1", SMOKE, 9, s(20)),
        r("smk-2", SMOKE, 2, s(25)), r("smk-2", SMOKE, 9, s(40))));
    assertThat(alarms).singleElement().extracting(a -> a.evidence().get(0).sensorId()).isEqualTo("smk-1");
    assertThat(engine.watchedSensors("smoke")).containsExactly("smk-1", "smk-2", "smk-3", "smk-4", "smk-5");
  }

  @Test
  void aLateReadingOlderThanTheLastOneChangesNothing() {
    RuleEngine engine = RuleKit.engine(smoke(""));
    EngineState state = engine.newState();
    feed(engine, state, List.of(r("smk-1", SMOKE, 9, s(10)), r("smk-1", SMOKE, 2, s(20))));
    // A late 9 measured before the clearing 2 must not re-enter the condition.
    assertThat(feed(engine, state, List.of(r("smk-1", SMOKE, 9, s(15))))).isEmpty();
    assertThat(feed(engine, state, List.of(r("smk-1", SMOKE, 9, s(30))))).hasSize(1);
  }

  @Test
  void drillStatesRaiseExerciseAlarmsAndDoNotShareWindowsWithLiveOnes() {
    RuleEngine engine = RuleKit.engine(smoke("\"min_duration_s\": 20"));
    EngineState live = engine.newState();
    EngineState drill = engine.newState(true);
    feed(engine, live, List.of(r("smk-1", SMOKE, 9, s(0))));
    assertThat(feed(engine, drill, List.of(r("smk-1", SMOKE, 9, s(20))))).isEmpty();
    List<Alarm> drillAlarms = feed(engine, drill, List.of(r("smk-1", SMOKE, 9, s(40))));
    assertThat(drillAlarms).singleElement().extracting(Alarm::exercise).isEqualTo(true);
  }
}
