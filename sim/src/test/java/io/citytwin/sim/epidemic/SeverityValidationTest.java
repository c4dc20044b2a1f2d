package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.sim.epidemic.population.AgeBands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outcomes by age band against the configured probabilities: in every band the numbers with
 * symptoms, admitted and dead must lie within the binomial bounds (mean +- 4 standard deviations,
 * a two-sided level of about 6e-5 per check) of what the configured probabilities give. The
 * probabilities differ per band and run in opposite directions so a band mix-up would fail.
 */
class SeverityValidationTest {
  static final double SYMPTOMATIC = 0.6;
  static final double[] ADMIT = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45};
  static final double[] DIE = {0.45, 0.40, 0.35, 0.30, 0.25, 0.20, 0.15, 0.10, 0.05};
  static Runs.Result run;

  @BeforeAll
  static void epidemic() {
    run = Runs.run(Scenarios.epidemic(3, 1000, "{\"agents\":200000,\"mixing\":\"homogeneous\","
        + "\"initialInfected\":50,\"contactsPerDay\":{\"homogeneous\":12},"
        + "\"transmission\":{\"symptomaticShare\":" + SYMPTOMATIC + "},"
        + "\"severity\":{\"hospitalisationIfSymptomatic\":" + List.of(ADMIT[0], ADMIT[1], ADMIT[2],
            ADMIT[3], ADMIT[4], ADMIT[5], ADMIT[6], ADMIT[7], ADMIT[8])
        + ",\"deathIfHospitalised\":" + List.of(DIE[0], DIE[1], DIE[2], DIE[3], DIE[4], DIE[5],
            DIE[6], DIE[7], DIE[8]) + "}}"), 2);
  }

  @Test
  void everyBandIsLargeEnoughToTellProbabilitiesApart() {
    for (Map<String, Object> band : run.list("ageBands")) {
      assertThat(number(band, "infected")).as(band.get("band").toString()).isGreaterThan(5000);
    }
  }

  @Test
  void symptomsAdmissionsAndDeathsFollowTheConfiguredProbabilitiesInEveryBand() {
    List<Map<String, Object>> bands = run.list("ageBands");
    assertThat(bands).hasSize(AgeBands.COUNT);
    for (int b = 0; b < AgeBands.COUNT; b++) {
      Map<String, Object> band = bands.get(b);
      assertThat(band.get("band")).isEqualTo(AgeBands.label(b));
      assertBinomial(band, "symptomatic", number(band, "infected"), SYMPTOMATIC);
      assertBinomial(band, "hospitalised", number(band, "symptomatic"), ADMIT[b]);
      assertBinomial(band, "died", number(band, "hospitalised"), DIE[b]);
    }
  }

  @Test
  void countsAddUp() {
    long died = run.list("ageBands").stream().mapToLong(b -> number(b, "died")).sum();
    long admitted = run.list("ageBands").stream().mapToLong(b -> number(b, "hospitalised")).sum();
    assertThat(run.metric("dead")).isEqualTo((double) died);
    assertThat(((Number) run.summary().get("hospitalised")).longValue()).isEqualTo(admitted);
    assertThat(run.frames().stream().mapToDouble(f -> f.metrics().get("newHospitalisations")).sum())
        .isEqualTo((double) admitted);
  }

  private static void assertBinomial(Map<String, Object> band, String key, long trials, double p) {
    long observed = number(band, key);
    double mean = trials * p;
    double sd = Math.sqrt(trials * p * (1 - p));
    assertThat((double) observed).as("%s %s: %d of %d at p = %s", band.get("band"), key, observed,
        trials, p).isCloseTo(mean, within(4 * sd + 0.5));
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }
}
