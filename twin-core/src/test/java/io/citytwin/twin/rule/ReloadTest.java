package io.citytwin.twin.rule;

import static io.citytwin.twin.rule.RuleKit.feed;
import static io.citytwin.twin.rule.RuleKit.r;
import static io.citytwin.twin.rule.RuleKit.s;
import static io.citytwin.twin.telemetry.Quantity.SMOKE;
import static io.citytwin.twin.telemetry.Quantity.WATER_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reloading rules (or the registry): swap the engine, carry the state of what did not change. */
class ReloadTest {
  static final String WATER = """
      {"id": "water", "kind": "threshold", "incident": "flood", "severity": "severe",
       "quantity": "water_level", "above": 0.8, "clear": 0.6}""";
  static final String SMOKE_RULE = ThresholdRuleTest.smoke("");

  private final RuleEngine engine = RuleKit.engine(SMOKE_RULE, WATER);
  private final EngineState state = engine.newState();

  /** Both rules in their condition: smk-1 smoking, wl-1 high. */
  private void bothActive() {
    assertThat(feed(engine, state, List.of(r("smk-1", SMOKE, 9, s(0)), r("wl-1", WATER_LEVEL, 1, s(0))))).hasSize(2);
  }

  @Test
  void reloadingTheSameRulesKeepsEveryCondition() {
    bothActive();
    RuleEngine reloaded = RuleKit.engine(SMOKE_RULE, WATER);
    EngineState carried = reloaded.adopt(engine, state);
    assertThat(feed(reloaded, carried, List.of(r("smk-1", SMOKE, 9, s(10)), r("wl-1", WATER_LEVEL, 1, s(10))))).isEmpty();
    assertThat(feed(reloaded, carried, List.of(r("smk-2", SMOKE, 9, s(10))))).hasSize(1);
  }

  @Test
  void aChangedRuleStartsFreshWhileTheOthersKeepTheirState() {
    bothActive();
    RuleEngine reloaded = RuleKit.engine(SMOKE_RULE.replace("\"above\": 8", "\"above\": 7"), WATER);
    EngineState carried = reloaded.adopt(engine, state);
    List<Alarm> alarms = feed(reloaded, carried, List.of(r("smk-1", SMOKE, 9, s(10)), r("wl-1", WATER_LEVEL, 1, s(10))));
    assertThat(alarms).extracting(Alarm::ruleId).containsExactly("smoke");
  }

  @Test
  void aRegistryChangeRestartsOnlyTheRulesWhoseSensorsChanged() {
    bothActive();
    SensorRegistry more = RuleKit.REGISTRY.with(RuleKit.sensor("smk-9", SensorKind.SMOKE_DETECTOR, 43.7256, 7.4256));
    RuleEngine rebuilt = RuleEngine.of(engine.rules(), more, RuleKit.CITY);
    EngineState carried = rebuilt.adopt(engine, state);
    List<Alarm> alarms = feed(rebuilt, carried, List.of(r("smk-1", SMOKE, 9, s(10)), r("wl-1", WATER_LEVEL, 1, s(10)),
        r("smk-9", SMOKE, 9, s(10))));
    assertThat(alarms).extracting(Alarm::placeKey).containsExactly("building/w1", "building/w3");
  }

  @Test
  void aBadFileThrowsAndTheRunningEngineCarriesOn() {
    bothActive();
    assertThatThrownBy(() -> RuleKit.engine(SMOKE_RULE.replace("\"smoke\", \"above\"", "\"smok\", \"above\""), WATER))
        .isInstanceOf(RuleInputException.class);
    assertThat(feed(engine, state, List.of(r("wl-1", WATER_LEVEL, 0.5, s(10)), r("wl-1", WATER_LEVEL, 1, s(20))))).hasSize(1);
  }

  @Test
  void aStateOnlyWorksWithTheEngineThatMadeIt() {
    RuleEngine other = RuleKit.engine(SMOKE_RULE, WATER);
    assertThatThrownBy(() -> other.evaluate(state, List.of(), s(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adopt");
    assertThatThrownBy(() -> other.tick(state, s(0))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adoptingCopiesSoThePreviousStateIsUntouched() {
    bothActive();
    RuleEngine reloaded = RuleKit.engine(SMOKE_RULE, WATER);
    EngineState carried = reloaded.adopt(engine, state);
    feed(reloaded, carried, List.of(r("smk-1", SMOKE, 1, s(10))));
    assertThat(feed(engine, state, List.of(r("smk-1", SMOKE, 9, s(20))))).isEmpty();
    assertThat(feed(reloaded, carried, List.of(r("smk-1", SMOKE, 9, s(20))))).hasSize(1);
  }
}
