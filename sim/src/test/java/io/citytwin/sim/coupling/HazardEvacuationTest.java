package io.citytwin.sim.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.sim.hazard.Fixtures;
import io.citytwin.sim.hazard.HazardModel;
import io.citytwin.sim.hazard.HazardModels;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** An evacuation under a hazard sees exactly the hazard's own footprints, at absolute times. */
class HazardEvacuationTest {
  static final CitySnapshot CITY = Fixtures.monacoSnapshot();

  @Test
  void theDangerAreaIsThePlumeFootprintOfTheSameMoment() {
    Scenario evacuation = ScenarioFiles.builtIn("monaco-evacuation-chlorine", CITY);
    SimulationModel model = HazardEvacuation.fromScenario(evacuation, CITY);
    HazardModel plume = HazardModels.fromScenario(ScenarioFiles.builtIn("monaco-chemical", CITY), CITY);

    Instant t = evacuation.start();
    for (int step = 1; step <= 20; step++) {
      Frame f = model.step(step, t, evacuation.step());
      Geometry danger = f.footprints().get("dangerArea");
      Geometry expected = plume.footprintAt(t);
      assertThat(expected.isEmpty()).as("the release started 15 minutes before the evacuation").isFalse();
      assertThat(danger.equalsExact(expected)).as("danger area at %s", t).isTrue();
      t = t.plus(evacuation.step());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> hazard = (Map<String, Object>) model.summary().get("hazard");
    assertThat(hazard).containsEntry("id", "monaco-chemical").containsEntry("type", "chemical_release");
  }

  @Test
  void anInlineHazardTakesTheEvacuationsTimelineUnlessItSaysOtherwise() {
    Scenario s = read("""
        {"type": "evacuation", "mode": "forecast", "location": {"building": "w94399528"},
         "start": "2026-11-24T02:00:00Z", "duration": "PT30M", "step": "PT1M", "seed": 3,
         "parameters": {"affected": {"area": "danger"},
           "hazard": {"type": "building_fire", "location": {"building": "w94399528"},
                      "parameters": {"wind": {"speedMps": 4, "fromDeg": 200}, "sky": "night_cloudy", "exclusionRadiusM": 80}}}}
        """);
    SimulationModel model = HazardEvacuation.fromScenario(s, CITY);
    Frame first = model.step(1, s.start(), Duration.ofMinutes(1));
    assertThat(first.footprints().get("dangerArea").isEmpty()).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> hazard = (Map<String, Object>) model.summary().get("hazard");
    assertThat(hazard).containsEntry("type", "building_fire").containsEntry("start", "2026-11-24T02:00:00Z");
  }

  @Test
  void aHazardThatCannotBeFoundOrIsNoHazardIsNamed() {
    String template = """
        {"type": "evacuation", "mode": "forecast", "location": {"district": "MC-CO"},
         "start": "2026-11-24T02:00:00Z", "duration": "PT30M", "step": "PT1M", "seed": 3,
         "parameters": {"hazard": %s}}
        """;
    assertThatThrownBy(() -> HazardEvacuation.fromScenario(read(template.formatted("\"monaco-volcano\"")), CITY))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.hazard"))
        .hasMessageContaining("no built-in scenario 'monaco-volcano'");
    assertThatThrownBy(() -> HazardEvacuation.fromScenario(read(template.formatted("\"monaco-epidemic\"")), CITY))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.hazard"))
        .hasMessageContaining("not a hazard");
    assertThatThrownBy(() -> HazardEvacuation.fromScenario(read(template.formatted("42")), CITY))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.field()).isEqualTo("parameters.hazard"));
    assertThatThrownBy(() -> HazardEvacuation.fromScenario(read(template.formatted(
        "{\"type\": \"chemical_release\", \"location\": {\"lat\": 43.728, \"lon\": 7.4175}, \"parameters\": {\"wind\": 3}}")), CITY))
        .isInstanceOf(ScenarioInputException.class).hasMessageContaining("parameters.hazard");
  }

  private static Scenario read(String json) {
    return ScenarioFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", "test", CITY);
  }
}
