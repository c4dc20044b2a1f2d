package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.feed;
import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.SPEED;
import static io.citytwin.twin.telemetry.Quantity.TRAFFIC_FLOW;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationRuleTest {
  static final String FIRE = """
      {"id": "fire", "title": "Building fire", "kind": "correlation", "incident": "fire", "severity": "severe",
       "sensor_kinds": ["smoke_detector"], "members": [{"quantity": "smoke", "above": 8, "clear": 4}],
       "group_by": "building", "min_count": 2, "window_s": 60 %s}""";

  static String fire(String extra) {
    return FIRE.formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  private final RuleEngine engine = RuleKit.engine(fire(""));
  private final EngineState state = engine.newState();

  @Test
  void twoDetectorsOfOneBuildingWithinTheWindowFireOnce() {
    List<Alarm> alarms = feed(engine, state, List.of(
        r("smk-1", SMOKE, 12, s(0)), r("smk-2", SMOKE, 9, s(40)),
        r("smk-1", SMOKE, 14, s(50)), r("smk-2", SMOKE, 11, s(60)), r("smk-3", SMOKE, 1, s(70))));

    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(IncidentType.FIRE);
      assertThat(a.severity()).isEqualTo(Severity.SEVERE);
      assertThat(a.placeKey()).isEqualTo("building/w1");
      assertThat(a.area()).isEqualTo(RuleKit.geometryOf("building/w1"));
      assertThat(a.atMillis()).isEqualTo(s(40));
      assertThat(a.evidence()).containsExactly(
          new Evidence("smk-1", SMOKE, 12, s(0)), new Evidence("smk-2", SMOKE, 9, s(40)));
      assertThat(a.title()).isEqualTo("Building fire — building/w1 (2 of 3 sensors within 60 s)");
    });
  }

  @Test
  void detectorsInDifferentBuildingsDoNotCorrelate() {
    assertThat(feed(engine, state, List.of(
        r("smk-1", SMOKE, 12, s(0)), r("smk-4", SMOKE, 12, s(5)), r("smk-5", SMOKE, 12, s(10))))).isEmpty();
  }

  @Test
  void detectorsFurtherApartThanTheWindowDoNotCorrelate() {
    assertThat(feed(engine, state, List.of(r("smk-1", SMOKE, 12, s(0)), r("smk-2", SMOKE, 12, s(61))))).isEmpty();
  }

  @Test
  void aDetectorThatKeepsReportingSmokeStaysInTheWindow() {
    List<Reading> readings = new ArrayList<>();
    for (int t = 0; t <= 120; t += 20) {
      readings.add(r("smk-1", SMOKE, 12, s(t)));
    }
    readings.add(r("smk-2", SMOKE, 12, s(125)));
    assertThat(feed(engine, state, readings)).singleElement()
        .satisfies(a -> assertThat(a.atMillis()).isEqualTo(s(125)));
  }

  @Test
  void aDetectorBackUnderItsClearLevelStopsCountingOnceTheWindowPassed() {
    List<Alarm> alarms = feed(engine, state, List.of(
        r("smk-1", SMOKE, 12, s(0)), r("smk-1", SMOKE, 2, s(10)), r("smk-1", SMOKE, 2, s(100)),
        r("smk-2", SMOKE, 12, s(100))));
    assertThat(alarms).isEmpty();
  }

  @Test
  void aThirdDetectorEscalatesOnce() {
    RuleEngine escalating = RuleKit.engine(fire("\"escalation\": {\"at\": 3, \"severity\": \"extreme\"}"));
    List<Alarm> alarms = feed(escalating, escalating.newState(), List.of(
        r("smk-1", SMOKE, 12, s(0)), r("smk-2", SMOKE, 12, s(10)), r("smk-3", SMOKE, 12, s(20)),
        r("smk-1", SMOKE, 12, s(30)), r("smk-2", SMOKE, 12, s(40))));
    assertThat(alarms).extracting(Alarm::severity).containsExactly(Severity.SEVERE, Severity.EXTREME);
    assertThat(alarms.get(1).evidence()).hasSize(3);
    assertThat(alarms.get(1).title()).contains("3 of 3 sensors");
  }

  @Test
  void theGroupReArmsWhenTheCountFallsBelowTheMinimum() {
    List<Alarm> alarms = feed(engine, state, List.of(
        r("smk-1", SMOKE, 12, s(0)), r("smk-2", SMOKE, 12, s(10)),
        r("smk-1", SMOKE, 1, s(200)), r("smk-2", SMOKE, 1, s(210)),
        r("smk-1", SMOKE, 12, s(300)), r("smk-3", SMOKE, 12, s(310))));
    assertThat(alarms).extracting(Alarm::atMillis).containsExactly(s(10), s(310));
  }

  @Test
  void waterRisingAtThreeGaugesOfOneDistrictWithinTenMinutes() {
    RuleEngine rising = RuleKit.engine("""
        {"id": "surge", "kind": "correlation", "incident": "flood", "severity": "moderate",
         "sensor_kinds": ["water_level"],
         "members": [{"quantity": "water_level", "rise_per_min": 0.01, "window_s": 600}],
         "group_by": "district", "min_count": 3, "window_s": 600}""");
    List<Reading> two = new ArrayList<>();
    List<Reading> three = new ArrayList<>();
    for (int t = 0; t <= 900; t += 60) {
      for (String id : List.of("wl-1", "wl-2", "wl-3", "wl-4", "wl-5")) {
        boolean risingHere = id.equals("wl-1") || id.equals("wl-2") || id.equals("wl-5");
        two.add(r(id, WATER_LEVEL, risingHere ? 0.2 + 0.02 * t / 60 : 0.2, s(t)));
        three.add(r(id, WATER_LEVEL, risingHere || id.equals("wl-3") ? 0.2 + 0.02 * t / 60 : 0.2, s(t)));
      }
    }
    // wl-5 rises too, but in the other district: still only two in T-E.
    assertThat(feed(rising, rising.newState(), two)).isEmpty();
    assertThat(feed(rising, rising.newState(), three)).singleElement().satisfies(a -> {
      assertThat(a.placeKey()).isEqualTo("district/T-E");
      assertThat(a.evidence()).extracting(Evidence::sensorId).containsExactly("wl-1", "wl-2", "wl-3");
      assertThat(a.title()).contains("3 of 4 sensors within 10 min");
    });
  }

  @Test
  void severalConditionsOfOneSensorCorrelateWhenGroupedBySensor() {
    RuleEngine traffic = RuleKit.engine("""
        {"id": "blocked", "kind": "correlation", "incident": "traffic_accident", "severity": "moderate",
         "sensor_kinds": ["traffic_counter"],
         "members": [{"quantity": "speed", "below": 10}, {"quantity": "traffic_flow", "below": 300}],
         "group_by": "sensor", "min_count": 2, "window_s": 120}""");
    assertThat(feed(traffic, traffic.newState(), List.of(
        r("tc-1", SPEED, 5, s(0)), r("tc-1", TRAFFIC_FLOW, 900, s(0)), r("tc-1", SPEED, 50, s(60)),
        r("tc-1", TRAFFIC_FLOW, 200, s(200))))).isEmpty();
    List<Alarm> alarms = feed(traffic, traffic.newState(), List.of(
        r("tc-1", SPEED, 5, s(0)), r("tc-1", TRAFFIC_FLOW, 900, s(0)), r("tc-1", TRAFFIC_FLOW, 200, s(60))));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.placeKey()).isEqualTo("sensor/tc-1");
      assertThat(a.evidence()).extracting(Evidence::quantity).containsExactly(SPEED, TRAFFIC_FLOW);
      assertThat(a.title()).contains("2 of 2 signals");
    });
  }
}
