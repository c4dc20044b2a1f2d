package io.citytwin.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelsTest {
  static final ModelFactory COUNTER = (s, city) -> new ScenarioRunTest.Counter(n -> false);

  @Test
  void aRegisteredTypeBuildsItsModel() {
    Models models = Models.none().with(ScenarioType.FLOOD, COUNTER);
    assertThat(models.types()).containsExactly(ScenarioType.FLOOD);
    assertThat(models.create(ScenarioRunTest.scenario(Duration.ofHours(1), Duration.ofMinutes(5)), null))
        .isInstanceOf(ScenarioRunTest.Counter.class);
    assertThat(Models.none().types()).as("with returns a new registry").isEmpty();
  }

  @Test
  void aTypeWithoutAModelIsTheScenariosTypeFieldNamingWhatIsAvailable() {
    Models models = Models.none().with(ScenarioType.EPIDEMIC, COUNTER).with(ScenarioType.BUILDING_FIRE, COUNTER);
    assertThatThrownBy(() -> models.create(ScenarioRunTest.scenario(Duration.ofHours(1), Duration.ofMinutes(5)), null))
        .isInstanceOf(ScenarioInputException.class)
        .hasMessage("t.json, field 'type': no model for 'flood' in this build (available: building_fire, epidemic)");
  }

  @Test
  void twoModelsForOneTypeAreAWiringMistake() {
    Models models = Models.none().with(ScenarioType.FLOOD, COUNTER);
    assertThatThrownBy(() -> models.with(ScenarioType.FLOOD, COUNTER)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'flood' is already registered");
  }
}
