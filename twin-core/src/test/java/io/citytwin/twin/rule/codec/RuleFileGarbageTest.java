package io.citytwin.twin.rule.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.rule.EngineState;
import io.citytwin.twin.rule.RuleEngine;
import io.citytwin.twin.rule.RuleInputException;
import io.citytwin.twin.rule.RuleKit;
import io.citytwin.twin.rule.RuleSet;
import io.citytwin.twin.sensor.codec.Garbage;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated garbage for the rule-file parser: each document either loads (and then builds an
 * engine that evaluates readings) or throws the documented {@link RuleInputException} naming the
 * file and, when there is one, the field. Any other exception fails the property.
 */
class RuleFileGarbageTest {
  private static final String SOURCE = "garbage-rules.json";

  @Property(tries = 1500, seed = "4401")
  void mutatedRuleFiles(@ForAll("mutations") String text) {
    check(text.getBytes(StandardCharsets.UTF_8));
    Statistics.coverage(c -> {
      c.check("loaded").percentage(p -> p >= 1);
      c.check("rejected: field").percentage(p -> p >= 10);
      c.check("rejected: document").percentage(p -> p >= 5);
    });
  }

  @Property(tries = 1000, seed = "4402")
  void arbitraryBytes(@ForAll byte[] bytes) {
    check(bytes);
  }

  @Provide
  Arbitrary<String> mutations() {
    return Arbitraries.randomValue(r -> Garbage.mutateJson(RuleFilesTest.VALID, r));
  }

  private static void check(byte[] bytes) {
    try {
      RuleSet set = RuleFiles.read(new ByteArrayInputStream(bytes), SOURCE, RuleKit.REGISTRY, RuleKit.CITY);
      RuleEngine engine = RuleEngine.of(set, RuleKit.REGISTRY, RuleKit.CITY);
      EngineState state = engine.newState();
      engine.evaluate(state, List.of(new Reading("smk-1", Quantity.SMOKE, 50, RuleKit.T0, null),
          new Reading("smk-2", Quantity.SMOKE, 50, RuleKit.T0, null)), RuleKit.T0);
      engine.tick(state, RuleKit.T0 + 3_600_000);
      Statistics.collect("loaded");
    } catch (RuleInputException e) {
      Statistics.collect(e.field() == null ? "rejected: document" : "rejected: field");
      assertThat(e.source()).isEqualTo(SOURCE);
      assertThat(e.problem()).isNotBlank();
      assertThat(e.getMessage()).startsWith(SOURCE + ": ").endsWith(e.problem());
      if (e.field() != null) {
        assertThat(e.getMessage()).contains("field '" + e.field() + "'");
      }
    }
  }
}
