package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad parameters and interventions fail before the run, naming the JSON path and the problem. */
class EpidemicInputTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"agnets\":1000}|parameters.agnets|unknown member",
      "{\"contactsPerDay\":{\"scool\":3}}|parameters.contactsPerDay.scool|unknown member",
      "{\"transmission\":{\"perContact\":-0.1}}|parameters.transmission.perContact|outside 0.0..1.0",
      "{\"transmission\":{\"perContact\":\"high\"}}|parameters.transmission.perContact|must be a number",
      "{\"transmission\":{\"symptomaticShare\":1.5}}|parameters.transmission.symptomaticShare|outside",
      "{\"contactsPerDay\":{\"work\":-2}}|parameters.contactsPerDay.work|outside",
      "{\"severity\":{\"deathIfHospitalised\":[0.1,0.1,0.1,0.1,1.2,0.1,0.1,0.1,0.1]}}"
          + "|parameters.severity.deathIfHospitalised[4]|1.2 is outside 0.0..1.0",
      "{\"severity\":{\"hospitalisationIfSymptomatic\":[0.1,0.2]}}"
          + "|parameters.severity.hospitalisationIfSymptomatic|must have 9 entries",
      "{\"population\":{\"householdSizes\":[0,0,0,0,0,0]}}|parameters.population.householdSizes|positive",
      "{\"population\":{\"schoolAgeFrom\":12,\"schoolAgeTo\":6}}|parameters.population.schoolAgeTo|below",
      "{\"durations\":{\"latent\":{\"mean\":0}}}|parameters.durations.latent.mean|outside",
      "{\"durations\":{\"infectious\":{\"shape\":2.5}}}|parameters.durations.infectious.shape|whole number",
      "{\"durations\":{\"hospitalStay\":7}}|parameters.durations.hospitalStay|must be a JSON object",
      "{\"mixing\":\"random\"}|parameters.mixing|not one of structured, homogeneous",
      "{\"agents\":100,\"initialInfected\":101}|parameters.initialInfected|outside",
      "{\"agents\":6000000}|parameters.agents|outside",
      "{\"zoning\":{\"mediumFrom\":80,\"highFrom\":50}}|parameters.zoning.highFrom|below mediumFrom",
      "{\"hospital\":{\"beds\":-3}}|parameters.hospital.beds|outside"})
  void badParameterNamesItsPath(String parameters, String field, String problem) {
    assertThatThrownBy(() -> prepare(Scenarios.epidemic(1, 10, parameters)))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).contains(field).contains(problem).contains("test.json");
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"action\":\"close_pubs\",\"at\":\"P1D\"}|interventions[0].action|not an epidemic action",
      "{\"action\":\"masks\",\"whenMetric\":\"sneezes\",\"above\":1}|interventions[0].whenMetric|not an epidemic metric",
      "{\"action\":\"masks\",\"at\":\"P1D\",\"parameters\":{\"transmissionFactor\":2}}"
          + "|interventions[0].parameters.transmissionFactor|outside",
      "{\"action\":\"masks\",\"at\":\"P1D\",\"parameters\":{\"factor\":0.5}}"
          + "|interventions[0].parameters.factor|unknown member",
      "{\"action\":\"lockdown_district\",\"at\":\"P1D\",\"parameters\":{\"district\":\"MC-XX\"}}"
          + "|interventions[0].parameters.district|not a district of the city",
      "{\"action\":\"lockdown_district\",\"at\":\"P1D\"}|interventions[0].parameters.district|is missing",
      "{\"action\":\"vaccinate\",\"at\":\"P1D\",\"parameters\":{\"dailyRate\":-0.01}}"
          + "|interventions[0].parameters.dailyRate|outside",
      "{\"action\":\"vaccinate\",\"at\":\"P1D\",\"parameters\":{\"priority\":\"youngest_first\"}}"
          + "|interventions[0].parameters.priority|not one of",
      "{\"action\":\"close_schools\",\"at\":\"P1D\",\"parameters\":{\"duration\":\"two weeks\"}}"
          + "|interventions[0].parameters.duration|not an ISO-8601 duration",
      "{\"action\":\"close_schools\"}|interventions[0]|needs 'at' or 'whenMetric'",
      "{\"action\":\"masks\",\"at\":\"P1D\",\"whenMetric\":\"dead\",\"above\":1}"
          + "|interventions[0]|either 'at' or 'whenMetric'"})
  void badInterventionNamesItsPath(String intervention, String field, String problem) {
    assertThatThrownBy(() -> prepare(Scenarios.epidemic(1, 10, "{\"agents\":2000}", intervention)))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> {
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.getMessage()).contains(problem);
        });
  }

  @Test
  void stepsAreWholeDays() {
    String doc = "{\"id\":\"x\",\"type\":\"epidemic\",\"mode\":\"forecast\",\"location\":"
        + "{\"district\":\"MC-CO\"},\"start\":\"2026-01-05T00:00:00Z\",\"duration\":\"P10D\","
        + "\"step\":\"PT6H\",\"seed\":1,\"parameters\":{}}";
    assertThatThrownBy(() -> prepare(Scenarios.read(doc, "x.json")))
        .isInstanceOfSatisfying(ScenarioInputException.class,
            e -> assertThat(e.field()).isEqualTo("step"));
  }

  @Test
  void otherScenarioTypesAreRefused() {
    String doc = "{\"id\":\"x\",\"type\":\"flood\",\"mode\":\"forecast\",\"location\":"
        + "{\"district\":\"MC-CO\"},\"start\":\"2026-01-05T00:00:00Z\",\"duration\":\"P10D\","
        + "\"step\":\"P1D\",\"seed\":1,\"parameters\":{}}";
    assertThatThrownBy(() -> prepare(Scenarios.read(doc, "x.json")))
        .isInstanceOfSatisfying(ScenarioInputException.class,
            e -> assertThat(e.field()).isEqualTo("type"));
  }

  @Test
  void moreFirstCasesThanTheSiteDistrictHasResidents() {
    // Ravin de Sainte-Devote has 55 residents in the city's population layer.
    String doc = "{\"id\":\"x\",\"type\":\"epidemic\",\"mode\":\"forecast\",\"location\":"
        + "{\"district\":\"MC-SD\"},\"start\":\"2026-01-05T00:00:00Z\",\"duration\":\"P10D\","
        + "\"step\":\"P1D\",\"seed\":1,\"parameters\":{\"initialInfected\":100}}";
    assertThatThrownBy(() -> prepare(Scenarios.read(doc, "x.json")))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> {
          assertThat(e.field()).isEqualTo("parameters.initialInfected");
          assertThat(e.getMessage()).contains("Ravin de Sainte-Dévote");
        });
  }

  @Test
  void emptyParametersTakeTheDocumentedDefaults() {
    EpidemicSetup setup = prepare(Scenarios.epidemic(1, 10, "{}"));
    EpidemicConfig c = setup.config;
    assertThat(c.agents()).isEqualTo(Monaco.city().source().population().total());
    assertThat(c.initialInfected()).isEqualTo(10);
    assertThat(c.homogeneous()).isFalse();
    assertThat(c.perContact()).isEqualTo(0.05);
    assertThat(c.latent().mean()).isEqualTo(4.6);
    assertThat(c.infectious().shape()).isEqualTo(2);
    assertThat(c.m2PerBed()).isEqualTo(100);
    assertThat(c.mediumRiskFrom()).isEqualTo(35);
    assertThat(c.highRiskFrom()).isEqualTo(50);
  }

  static EpidemicSetup prepare(Scenario s) {
    return EpidemicSetup.prepare(s, Monaco.city());
  }
}
