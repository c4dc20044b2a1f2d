package io.citytwin.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.twin.cim.CitySnapshot;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped scenario is valid and runs on this build's models; every type has a model. */
class ScenarioModelsTest {
  static CitySnapshot city;

  @BeforeAll
  static void monaco() {
    city = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
  }

  static java.util.List<String> builtIn() {
    return ScenarioModels.builtInScenarios();
  }

  @Test
  void everyScenarioTypeHasAModelAndTheDemoCityAnExampleOfEach() {
    assertThat(ScenarioModels.all().types()).containsExactlyInAnyOrder(ScenarioType.values());
    Set<ScenarioType> shipped = EnumSet.noneOf(ScenarioType.class);
    boolean drill = false;
    for (String id : builtIn()) {
      Scenario s = ScenarioFiles.builtIn(id, city);
      shipped.add(s.type());
      drill |= s.mode() == Scenario.Mode.DRILL;
    }
    assertThat(shipped).containsExactlyInAnyOrder(ScenarioType.values());
    assertThat(drill).as("a drill among the examples").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIn")
  void aShippedScenarioBuildsAndTakesItsFirstStep(String id) {
    Scenario s = ScenarioFiles.builtIn(id, city);
    assertThat(s.id()).isEqualTo(id);
    SimulationModel model = ScenarioModels.all().create(s, city);
    Frame first = model.step(1, s.start(), s.step());
    assertThat(first.time()).isEqualTo(s.start().plus(s.step()));
    assertThat(first.metrics().keySet()).containsExactlyInAnyOrderElementsOf(
        model.metrics().stream().map(io.citytwin.sim.run.Metric::name).toList());
  }
}
