package io.citytwin.sim.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;

class ExampleScenariosTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Every frame and the summary, as the runner would write them (geometries as WKT). */
  static String run(Scenario s) throws Exception {
    HazardModel m = HazardModels.fromScenario(s, Fixtures.monacoSnapshot());
    List<Object> out = new ArrayList<>();
    for (int k = 1; k <= s.steps(); k++) {
      Frame f = m.step(k, s.start().plus(s.step().multipliedBy(k - 1)), s.step());
      assertThat(f.metrics().keySet()).containsExactlyElementsOf(m.metrics().stream().map(Metric::name).toList());
      for (Geometry g : f.footprints().values()) {
        assertThat(g.isValid()).isTrue();
        if (!g.isEmpty()) {
          assertThat(Fixtures.aroundMonaco().covers(g.getEnvelopeInternal())).isTrue();
        }
      }
      out.add(List.of(f.step(), f.time().toString(), f.metrics(), f.notes(),
          f.footprints().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toText()).toList()));
    }
    out.add(m.summary());
    return JSON.writeValueAsString(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"monaco-chemical", "monaco-flood", "monaco-fire", "monaco-traffic"})
  void theShippedExamplesRunAndRepeatExactly(String name) throws Exception {
    Scenario s = ExampleScenarios.read(name);
    String first = run(s);
    assertThat(run(s)).isEqualTo(first);
    assertThat(first).doesNotContain("NaN").doesNotContain("Infinity");
  }
}
