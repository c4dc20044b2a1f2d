package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.feed;
import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateOfChangeRuleTest {
  /** 2 cm/min over a 10 min window, clearing when the rise slows to 0.5 cm/min. */
  static final String RISING = """
      {"id": "rising", "kind": "rate_of_change", "incident": "flood", "severity": "moderate",
       "quantity": "water_level", "rise_per_min": 0.02, "clear_per_min": 0.005, "window_s": 600 %s}""";

  static String rising(String extra) {
    return RISING.formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  /** A level every {@code stepS} seconds from {@code fromS} to {@code toS}, rising at {@code perMin}. */
  static List<Reading> ramp(String sensor, double start, double perMin, int fromS, int toS, int stepS) {
    List<Reading> out = new ArrayList<>();
    for (int t = fromS; t <= toS; t += stepS) {
      out.add(r(sensor, WATER_LEVEL, start + perMin * (t - fromS) / 60.0, s(t)));
    }
    return out;
  }

  @Test
  void aFastRiseFiresOnceAfterHalfAWindowOfHistory() {
    RuleEngine engine = RuleKit.engine(rising(""));
    List<Alarm> alarms = feed(engine, engine.newState(), ramp("wl-1", 0.2, 0.03, 0, 1200, 60));
    assertThat(alarms).singleElement().satisfies(a -> {
      assertThat(a.atMillis()).isEqualTo(s(300));
      assertThat(a.placeKey()).isEqualTo("sensor/wl-1");
      assertThat(a.title()).contains("water_level rising 0.03 m/min");
      assertThat(a.evidence()).extracting(Evidence::timestampMillis).containsExactly(s(0), s(300));
    });
  }

  @Test
  void aSlowRiseNeverFires() {
    RuleEngine engine = RuleKit.engine(rising(""));
    assertThat(feed(engine, engine.newState(), ramp("wl-1", 0.2, 0.015, 0, 3600, 60))).isEmpty();
  }

  @Test
  void twoCloseReadingsSayNothingAboutTheTrend() {
    RuleEngine engine = RuleKit.engine(rising(""));
    List<Alarm> alarms = feed(engine, engine.newState(), List.of(
        r("wl-1", WATER_LEVEL, 0.2, s(0)), r("wl-1", WATER_LEVEL, 1.2, s(30))));
    assertThat(alarms).isEmpty();
  }

  @Test
  void theRateIsOverTheWindowEvenForASensorReportingEverySecond() {
    RuleEngine engine = RuleKit.engine(rising(""));
    List<Alarm> alarms = feed(engine, engine.newState(), ramp("wl-1", 0.2, 0.03, 0, 1800, 1));
    assertThat(alarms).singleElement().satisfies(a -> assertThat(a.atMillis()).isEqualTo(s(300)));
  }

  @Test
  void aRiseOfOnlyAFewSecondsWithinAFlatWindowIsDilutedByTheWindow() {
    RuleEngine engine = RuleKit.engine(rising(""));
    List<Reading> readings = new ArrayList<>(ramp("wl-1", 0.5, 0, 0, 600, 60));
    // +5 cm in the last minute: 5 cm over the 10-min window is 0.5 cm/min, below 2 cm/min.
    readings.add(r("wl-1", WATER_LEVEL, 0.55, s(660)));
    assertThat(feed(engine, engine.newState(), readings)).isEmpty();
  }

  @Test
  void clearsWhenTheRiseSlowsAndFiresAgainOnTheNextSurge() {
    RuleEngine engine = RuleKit.engine(rising(""));
    List<Reading> readings = new ArrayList<>(ramp("wl-1", 0.2, 0.03, 0, 600, 60));
    readings.addAll(ramp("wl-1", 0.5, 0, 660, 1800, 60));
    readings.addAll(ramp("wl-1", 0.5, 0.04, 1860, 2700, 60));
    List<Alarm> alarms = feed(engine, engine.newState(), readings);
    assertThat(alarms).hasSize(2);
    assertThat(alarms.get(1).atMillis()).isBetween(s(1860), s(2700));
  }

  @Test
  void aFallRuleFiresOnAFastFall() {
    RuleEngine engine = RuleKit.engine("""
        {"id": "falling", "kind": "rate_of_change", "incident": "flood", "severity": "moderate",
         "quantity": "water_level", "fall_per_min": 0.02, "window_s": 600}""");
    assertThat(feed(engine, engine.newState(), ramp("wl-1", 1.5, 0.03, 0, 1200, 60))).isEmpty();
    assertThat(feed(engine, engine.newState(), ramp("wl-1", 1.5, -0.03, 0, 1200, 60))).hasSize(1);
  }

  @Test
  void escalatesAtAFasterRate() {
    RuleEngine engine = RuleKit.engine(rising("\"escalation\": {\"at\": 0.05, \"severity\": \"severe\"}"));
    List<Reading> readings = new ArrayList<>(ramp("wl-1", 0.2, 0.03, 0, 600, 60));
    readings.addAll(ramp("wl-1", 0.5 + 0.1, 0.1, 660, 1200, 60));
    List<Alarm> alarms = feed(engine, engine.newState(), readings);
    assertThat(alarms).extracting(Alarm::severity).containsExactly(Severity.MODERATE, Severity.SEVERE);
  }
}
