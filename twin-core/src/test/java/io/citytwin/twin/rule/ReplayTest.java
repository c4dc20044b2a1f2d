package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Redelivery and replay: at-least-once transports deliver readings again, and a restart may replay
 * a stretch of the stream. None of it may advance a window, count twice or fire twice.
 */
class ReplayTest {
  static final RuleEngine ENGINE = RuleKit.engine(
      CorrelationRuleTest.FIRE.formatted(""),
      ThresholdRuleTest.smoke("\"min_duration_s\": 20, \"escalation\": {\"at\": 20, \"severity\": \"extreme\"}"),
      RateOfChangeRuleTest.rising(""),
      """
      {"id": "high-water", "kind": "threshold", "incident": "flood", "severity": "severe",
       "quantity": "water_level", "above": 0.8, "clear": 0.6, "min_duration_s": 60, "place": "district"}""",
      NoSignalRuleTest.BY_TICKS);

  /** Two detectors of one building smoking (one ever more), and a gauge rising through the flood level. */
  static List<Reading> scenario() {
    List<Reading> out = new ArrayList<>();
    for (int t = 0; t <= 600; t += 10) {
      out.add(r("smk-1", SMOKE, t < 30 ? 1 : 9 + t / 30.0, s(t)));
      out.add(r("smk-2", SMOKE, t < 50 ? 1 : 12, s(t + 1)));
      out.add(r("wl-1", WATER_LEVEL, 0.2 + 0.002 * t, s(t + 2)));
    }
    return out;
  }

  @Test
  void replayingTheSameReadingsTenTimesFiresExactlyOnce() {
    EngineState state = ENGINE.newState();
    List<Alarm> first = ENGINE.evaluate(state, scenario(), s(700));
    assertThat(first).extracting(Alarm::ruleId)
        .containsExactlyInAnyOrder("fire", "smoke", "smoke", "smoke", "rising", "high-water");
    assertThat(first).filteredOn(a -> a.ruleId().equals("fire")).singleElement();

    for (int i = 0; i < 10; i++) {
      assertThat(ENGINE.evaluate(state, scenario(), s(800 + i))).as("replay " + i).isEmpty();
      assertThat(RuleKit.feed(ENGINE, state, scenario())).as("replay one by one " + i).isEmpty();
    }
  }

  @Test
  void theSameInputsGiveTheSameAlarmsWhateverTheBatching() {
    List<Alarm> oneBatch = ENGINE.evaluate(ENGINE.newState(), scenario(), s(700));
    List<Alarm> oneByOne = new ArrayList<>();
    EngineState state = ENGINE.newState();
    for (Reading r : scenario()) {
      oneByOne.addAll(ENGINE.evaluate(state, List.of(r), s(700)));
    }
    assertThat(oneByOne).isEqualTo(oneBatch);
  }

  @Test
  void aCopiedStateEvolvesIndependently() {
    EngineState state = ENGINE.newState();
    List<Reading> readings = scenario();
    ENGINE.evaluate(state, readings.subList(0, 12), s(700));
    EngineState branch = state.copy();

    List<Alarm> rest = ENGINE.evaluate(state, readings.subList(12, readings.size()), s(700));
    assertThat(rest).isNotEmpty();
    assertThat(ENGINE.evaluate(branch, readings.subList(12, readings.size()), s(700))).isEqualTo(rest);
    assertThat(ENGINE.evaluate(state, readings, s(700))).isEmpty();
  }

  @Property(tries = 200, seed = "4242")
  void redeliveriesAnywhereInTheStreamChangeNoAlarm(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random random = new Random(seed);
    List<Reading> stream = randomStream(random);
    List<Reading> withRedeliveries = new ArrayList<>(stream);
    for (int i = random.nextInt(stream.size()); i > 0; i--) {
      int original = random.nextInt(stream.size());
      // a redelivery arrives after its original, any time later
      int position = withRedeliveries.indexOf(stream.get(original)) + 1
          + random.nextInt(withRedeliveries.size() - withRedeliveries.indexOf(stream.get(original)));
      withRedeliveries.add(position, stream.get(original));
    }
    assertThat(RuleKit.feed(ENGINE, ENGINE.newState(), withRedeliveries))
        .isEqualTo(RuleKit.feed(ENGINE, ENGINE.newState(), stream));
  }

  /** Smoke and water readings with random values around the levels, times mostly increasing. */
  private static List<Reading> randomStream(Random random) {
    List<Reading> out = new ArrayList<>();
    List<String> smoke = List.of("smk-1", "smk-2", "smk-3", "smk-4");
    for (int t = 0; t < 400; t += 1 + random.nextInt(15)) {
      String id = smoke.get(random.nextInt(smoke.size()));
      out.add(r(id, SMOKE, random.nextInt(16), s(t)));
      if (random.nextInt(3) == 0) {
        out.add(r("wl-" + (1 + random.nextInt(2)), WATER_LEVEL, random.nextInt(12) / 10.0, s(t)));
      }
    }
    // a few late readings, out of order
    for (int i = random.nextInt(4); i > 0; i--) {
      Collections.swap(out, random.nextInt(out.size()), random.nextInt(out.size()));
    }
    return out;
  }
}
