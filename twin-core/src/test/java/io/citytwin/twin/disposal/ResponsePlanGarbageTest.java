package io.citytwin.twin.disposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.testing.JsonGarbage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated garbage for the plan parser: each mutated Monaco file either loads or fails with a
 * {@link PlanInputException} naming the file and a problem; any other exception fails.
 */
class ResponsePlanGarbageTest {
  private static final String VALID = load();

  private static String load() {
    try {
      return ResponsePlansTest.monacoText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 1500, seed = "4401")
  void mutatedPlanFilesLoadOrFailWithANamedProblem(@ForAll("mutations") String text) {
    try {
      ResponsePlans p = ResponsePlanFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "g.json");
      assertThat(p.plans()).isNotEmpty();
      Statistics.label("outcome").collect("loaded");
    } catch (PlanInputException e) {
      assertThat(e.getMessage()).startsWith("g.json: ");
      assertThat(e.problem()).isNotBlank();
      Statistics.label("outcome").collect("rejected");
    }
    // Both outcomes must really happen, or the mutations test nothing.
    Statistics.label("outcome").coverage(c -> {
      c.check("loaded").count(n -> n > 0);
      c.check("rejected").percentage(p -> p > 50);
    });
  }

  @Provide
  Arbitrary<String> mutations() {
    return Arbitraries.longs().map(seed -> JsonGarbage.mutateJson(VALID, new Random(seed)));
  }
}
