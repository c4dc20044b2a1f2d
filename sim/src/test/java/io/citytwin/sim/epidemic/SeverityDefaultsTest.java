package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The default severity reproduces the published infection fatality ratios it was derived from:
 * Ferguson et al. 2020 (Imperial College Report 9), Table 1, IFR by ten-year band, with two thirds
 * of infections symptomatic.
 */
class SeverityDefaultsTest {
  static final double[] REPORT_9_IFR =
      {0.00002, 0.00006, 0.0003, 0.0008, 0.0015, 0.006, 0.022, 0.051, 0.093};
  static final double[] REPORT_9_HOSPITALISATION_OF_SYMPTOMATIC =
      {0.001, 0.003, 0.012, 0.032, 0.049, 0.102, 0.166, 0.243, 0.273};

  @Test
  void defaultsGiveReport9InfectionFatalityRatiosWithinRounding() {
    double symptomatic = 2.0 / 3;
    for (int b = 0; b < REPORT_9_IFR.length; b++) {
      assertThat(EpidemicConfig.HOSPITALISATION_IF_SYMPTOMATIC[b])
          .isEqualTo(REPORT_9_HOSPITALISATION_OF_SYMPTOMATIC[b]);
      double ifr = symptomatic * EpidemicConfig.HOSPITALISATION_IF_SYMPTOMATIC[b]
          * EpidemicConfig.DEATH_IF_HOSPITALISED[b];
      assertThat(ifr).as("band %d", b).isCloseTo(REPORT_9_IFR[b], within(0.02 * REPORT_9_IFR[b]));
    }
  }
}
