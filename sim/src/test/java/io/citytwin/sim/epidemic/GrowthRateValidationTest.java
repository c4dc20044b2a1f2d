package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Early exponential growth in homogeneous mode against the growth rate r of the discrete-time
 * Euler-Lotka equation for the configured latent and infectious period distributions (see {@link
 * Reference#growthRate}). r is fitted to daily new infections by least squares on log counts while
 * cumulative infections are between 0.2 % and 3 % of the population: late enough for the initial
 * cohort's transient to have passed, early enough for depletion of susceptibles (under 3 %, which
 * lowers r by about as much) not to matter. Tolerance: 5 % of r, chosen to cover that depletion
 * and the Poisson noise of daily counts of a few thousand.
 */
class GrowthRateValidationTest {
  static final int AGENTS = 1_000_000;

  @ParameterizedTest(name = "R0 = {0}, latent {1} d (shape {2}), infectious {3} d (shape {4})")
  @CsvSource({"2.0, 4.6, 4, 5.0, 2", "3.0, 3.0, 1, 7.0, 1"})
  void earlyGrowthRateMatchesEulerLotka(double r0, double latentMean, int latentShape,
      double infectiousMean, int infectiousShape) {
    double[] latent = Reference.erlangDays(latentMean, latentShape);
    double[] infectious = Reference.erlangDays(infectiousMean, infectiousShape);
    double contacts = r0 / (0.05 * Reference.meanDays(infectious));
    Scenario s = Scenarios.epidemic(5, 150, "{\"agents\":" + AGENTS
        + ",\"mixing\":\"homogeneous\",\"initialInfected\":100,\"seedArea\":\"city\","
        + "\"contactsPerDay\":{\"homogeneous\":" + contacts + "},"
        + "\"transmission\":{\"perContact\":0.05,\"symptomaticShare\":1},"
        + "\"durations\":{\"latent\":{\"mean\":" + latentMean + ",\"shape\":" + latentShape + "},"
        + "\"infectious\":{\"mean\":" + infectiousMean + ",\"shape\":" + infectiousShape + "}}}");
    EpidemicModel model = EpidemicSetup.prepare(s, Monaco.city()).newModel(2);

    List<double[]> points = new ArrayList<>();
    double cumulative = 0;
    for (int k = 1; cumulative < 0.03 * AGENTS && k <= s.steps(); k++) {
      Frame f = model.step(k, s.start().plus(s.step().multipliedBy(k - 1)), s.step());
      double n = f.metrics().get("newInfections");
      cumulative += n;
      if (cumulative > 0.002 * AGENTS && cumulative < 0.03 * AGENTS) {
        points.add(new double[] {f.step(), Math.log(n)});
      }
    }
    double fitted = slope(points);
    double expected = Reference.growthRate(r0, latent, infectious);
    System.out.printf("R0 %.1f: fitted r %.4f/day over %d days, Euler-Lotka r %.4f/day (%+.1f %%)%n",
        r0, fitted, points.size(), expected, 100 * (fitted / expected - 1));
    assertThat(points).hasSizeGreaterThan(10);
    assertThat(fitted).isCloseTo(expected, within(0.05 * expected));
  }

  private static double slope(List<double[]> xy) {
    double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxy / sxx;
  }
}
