package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import io.citytwin.sim.run.Frame;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Interventions on Monaco (structured mixing, real size, first cases in La Condamine) against the
 * same run without them: each has the expected direction and rough size, and starts and stops
 * when its trigger says.
 */
class InterventionsTest {
  static final String PARAMETERS = "{\"initialInfected\":20}";
  static final int DAYS = 250;
  static Runs.Result baseline;

  @BeforeAll
  static void withoutInterventions() {
    baseline = run();
  }

  static Runs.Result run(String... interventions) {
    return Runs.run(Scenarios.epidemic(42, DAYS, PARAMETERS, interventions));
  }

  static double attackRate(Runs.Result r) {
    return ((Number) r.summary().get("attackRate")).doubleValue();
  }

  @Test
  void baselineIsALargeEpidemicWithTransmissionInEverySetting() {
    assertThat(attackRate(baseline)).isGreaterThan(0.5);
    for (String setting : List.of("household", "school", "work", "community")) {
      assertThat(baseline.infectionsAt(setting)).as(setting).isGreaterThan(1000);
    }
    assertThat(baseline.infectionsAt("imported")).isEqualTo(20);
  }

  @Test
  void closingSchoolsStopsSchoolTransmissionAndShrinksTheEpidemic() {
    Runs.Result closed = run("{\"action\":\"close_schools\",\"at\":\"P0D\"}");
    assertThat(closed.infectionsAt("school")).isZero();
    assertThat(attackRate(closed)).isLessThan(attackRate(baseline));
  }

  @Test
  void aFullLockdownKeepsTheDistrictFreeAndAPartialOneLowersItsAttackRate() {
    Runs.Result sealed = run("{\"action\":\"lockdown_district\",\"at\":\"P0D\","
        + "\"parameters\":{\"district\":\"MC-MC\",\"contactReduction\":1}}");
    assertThat(((Number) baseline.district("MC-MC").get("infected")).longValue()).isGreaterThan(1000);
    assertThat(((Number) sealed.district("MC-MC").get("infected")).longValue()).isZero();

    Runs.Result partial = run("{\"action\":\"lockdown_district\",\"at\":\"P0D\","
        + "\"parameters\":{\"district\":\"Monte-Carlo\",\"contactReduction\":0.6}}");
    double before = ((Number) baseline.district("MC-MC").get("attackRate")).doubleValue();
    double after = ((Number) partial.district("MC-MC").get("attackRate")).doubleValue();
    assertThat(after).isLessThan(before - 0.1);
  }

  @Test
  void masksCutNonHouseholdTransmission() {
    Runs.Result masked = run("{\"action\":\"masks\",\"at\":\"P0D\","
        + "\"parameters\":{\"transmissionFactor\":0.6}}");
    assertThat(attackRate(masked)).isLessThan(attackRate(baseline) - 0.1);
    assertThat(masked.infectionsAt("community")).isLessThan(baseline.infectionsAt("community"));
    // Masks do not act at home, so a larger share of the remaining infections happens there.
    assertThat(householdShare(masked)).isGreaterThan(householdShare(baseline));
  }

  @Test
  void testingAndIsolationDetectsCasesAndShrinksTheEpidemic() {
    Runs.Result tested = run("{\"action\":\"test_and_isolate\",\"at\":\"P0D\","
        + "\"parameters\":{\"symptomaticDetection\":0.4,\"isolation\":0.9}}");
    long detected = ((Number) tested.summary().get("detected")).longValue();
    assertThat(detected).isGreaterThan(100);
    assertThat(tested.frames().stream().mapToDouble(f -> f.metrics().get("newDetected")).sum())
        .isEqualTo((double) detected);
    assertThat(attackRate(tested)).isLessThan(attackRate(baseline) - 0.1);
  }

  @Test
  void testingThatDetectsNobodyChangesNothing() {
    Runs.Result blind = run("{\"action\":\"test_and_isolate\",\"at\":\"P0D\","
        + "\"parameters\":{\"symptomaticDetection\":0,\"asymptomaticDetection\":0}}");
    assertThat(blind.frames().stream().map(Frame::metrics).toList())
        .isEqualTo(baseline.frames().stream().map(Frame::metrics).toList());
  }

  @Test
  void vaccinatingTheOldestFirstProtectsThemBeforeAnyoneElse() {
    SyntheticPopulation pop = EpidemicSetup.prepare(Scenarios.epidemic(42, DAYS, PARAMETERS),
        Monaco.city()).population();
    long eighty = java.util.stream.IntStream.range(0, pop.agents()).filter(i -> pop.age(i) >= 80).count();
    String campaign = "{\"action\":\"vaccinate\",\"at\":\"P0D\",\"parameters\":{\"dailyRate\":0.1,"
        + "\"coverage\":1,\"efficacy\":1,\"minAge\":80,\"priority\":\"%s\"}}";
    Runs.Result oldest = run(String.format(campaign, "oldest_first"));
    assertThat(oldest.frames().get(0).metrics().get("vaccinated")).isEqualTo((double) eighty);
    assertThat(band(oldest, "80+", "infected")).isLessThanOrEqualTo(20);
    assertThat(band(oldest, "80+", "died")).isLessThan(band(baseline, "80+", "died") / 10);

    Runs.Result everyone = run("{\"action\":\"vaccinate\",\"at\":\"P0D\",\"parameters\":{"
        + "\"dailyRate\":0.005,\"coverage\":1,\"efficacy\":1,\"minAge\":0,\"priority\":\"random\"}}");
    double first = everyone.frames().get(0).metrics().get("vaccinated");
    assertThat(first).isEqualTo(Math.floor(0.005 * pop.agents()));
    assertThat(band(everyone, "80+", "infected")).isGreaterThan(100);
    assertThat(attackRate(everyone)).isLessThan(attackRate(baseline));
  }

  @Test
  void aThresholdTriggerStartsTheDayAfterTheFirstFrameAboveIt() {
    Runs.Result r = run("{\"action\":\"close_schools\",\"whenMetric\":\"hospitalised\",\"above\":30}");
    int k = 0;
    while (r.frames().get(k).metrics().get("hospitalised") <= 30) {
      k++;
    }
    int day = k + 1;
    Map<String, Object> summary = r.list("interventions").get(0);
    assertThat(summary.get("firstDay")).isEqualTo(day);
    assertThat((String) summary.get("reason")).startsWith("hospitalised ").endsWith(" > 30");
    assertThat(r.frames().get(k + 1).notes())
        .anyMatch(n -> n.startsWith("day " + day + ": close_schools (interventions[0]) switched on"));
    assertThat(r.infectionsAt("school")).isPositive().isLessThan(baseline.infectionsAt("school"));
  }

  @Test
  void aDatedInterventionWithADurationIsLiftedAfterIt() {
    Runs.Result r = run("{\"action\":\"masks\",\"at\":\"P20D\",\"parameters\":{\"duration\":\"P10D\"}}");
    assertThat(r.frames().get(20).notes()).contains("day 20: masks (interventions[0]) switched on "
        + "(scheduled for day 20)");
    assertThat(r.frames().get(30).notes()).contains("day 30: masks (interventions[0]) lifted");
    Map<String, Object> summary = r.list("interventions").get(0);
    assertThat(summary.get("firstDay")).isEqualTo(20);
    assertThat(summary.get("lastDay")).isEqualTo(29);
    for (int k = 0; k < 20; k++) {
      assertThat(r.frames().get(k).metrics()).isEqualTo(baseline.frames().get(k).metrics());
    }
  }

  private static double householdShare(Runs.Result r) {
    return (double) r.infectionsAt("household") / ((Number) r.summary().get("infected")).longValue();
  }

  private static long band(Runs.Result r, String band, String key) {
    return r.list("ageBands").stream().filter(b -> b.get("band").equals(band))
        .mapToLong(b -> ((Number) b.get(key)).longValue()).findFirst().orElseThrow();
  }
}
