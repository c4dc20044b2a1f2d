package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** The shipped example scenario runs to the end on Monaco, and its frames keep the books. */
class ExampleScenarioTest {
  static Scenario scenario;
  static Runs.Result run;

  @BeforeAll
  static void runExample() throws IOException {
    try (InputStream in = ExampleScenarioTest.class.getResourceAsStream("/scenarios/monaco-epidemic.json")) {
      scenario = Scenarios.read(Scenarios.JSON.readTree(in), "monaco-epidemic.json");
    }
    run = Runs.run(EpidemicModel.fromScenario(scenario, Monaco.city()), scenario);
  }

  @Test
  void everyInterventionOfTheExampleComesIntoForce() {
    List<Map<String, Object>> interventions = run.list("interventions");
    assertThat(interventions).hasSize(scenario.interventions().size());
    assertThat(interventions).allSatisfy(i -> assertThat(i.get("firstDay")).as(i.toString()).isNotNull());
    assertThat(run.frames().stream().flatMap(f -> f.notes().stream()))
        .anyMatch(n -> n.contains("close_schools (interventions[1]) switched on (hospitalised "))
        .anyMatch(n -> n.contains("lockdown_district (interventions[3]) lifted"));
  }

  @Test
  void everyFrameReportsEveryMetricAndTheStatesAddUpToThePopulation() {
    List<String> names = run.model().metrics().stream().map(Metric::name).toList();
    int agents = Monaco.city().source().population().total();
    double infections = 0;
    double previousDead = 0;
    for (Frame f : run.frames()) {
      assertThat(f.metrics().keySet()).containsExactlyElementsOf(names);
      Map<String, Double> m = f.metrics();
      double states = m.get("susceptible") + m.get("exposed") + m.get("infectious")
          + m.get("hospitalised") + m.get("recovered") + m.get("dead") + m.get("immunised");
      assertThat(states).as("frame %d", f.step()).isEqualTo(agents);
      infections += m.get("newInfections");
      // Only infection and protective vaccination take people out of the susceptible pool.
      assertThat(infections).isEqualTo(agents - m.get("susceptible") - m.get("immunised"));
      assertThat(m.get("dead")).isGreaterThanOrEqualTo(previousDead);
      previousDead = m.get("dead");
      assertThat(m.get("hospitalOccupancy")).isEqualTo(m.get("hospitalised") / m.get("hospitalCapacity"));
      assertThat(m.get("districtsLowRisk") + m.get("districtsMediumRisk") + m.get("districtsHighRisk"))
          .isEqualTo(9);
      assertThat(f.time()).isEqualTo(scenario.start().plus(scenario.step().multipliedBy(f.step())));
    }
  }

  @Test
  void riskFootprintsHoldTheDistrictsOfEachZone() {
    for (Frame f : run.frames()) {
      assertThat(f.footprints().keySet()).containsExactly("riskLow", "riskMedium", "riskHigh");
      assertParts(f.footprints().get("riskLow"), f.metrics().get("districtsLowRisk"));
      assertParts(f.footprints().get("riskMedium"), f.metrics().get("districtsMediumRisk"));
      assertParts(f.footprints().get("riskHigh"), f.metrics().get("districtsHighRisk"));
    }
    assertThat(run.frames().stream().map(f -> f.metrics().get("districtsHighRisk")))
        .anyMatch(high -> high > 0);
    assertThat(run.frames().stream().map(f -> f.metrics().get("districtsLowRisk")))
        .anyMatch(low -> low == 9);
  }

  private static void assertParts(Geometry g, double districts) {
    assertThat(g.isEmpty() ? 0 : g.getNumGeometries()).isGreaterThanOrEqualTo((int) districts);
    if (districts == 0) {
      assertThat(g.isEmpty()).isTrue();
    }
  }

  @Test
  void summaryLabelsThePopulationSyntheticAndListsTheHospitals() {
    Map<String, Object> population = run.section("population");
    assertThat(population.get("synthetic")).isEqualTo(true);
    assertThat(population.get("agents")).isEqualTo(39050);
    Map<String, Object> hospitals = run.section("hospitals");
    assertThat(((Number) hospitals.get("cityBeds")).intValue()).isPositive();
    assertThat((List<?>) hospitals.get("sites")).isNotEmpty();
  }
}
