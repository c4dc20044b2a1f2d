package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MobilisationTest {
  private static final int N = 20_000;

  @Test
  void rayleighDrawsFollowTheRayleighDistributionWithTheGivenMean() {
    Mobilisation.Rayleigh r = new Mobilisation.Rayleigh(900);
    double[] s = draws(r);
    assertThat(Arrays.stream(s).average().orElseThrow()).isCloseTo(900, within(900 * 0.02));
    // Reference CDF 1 - exp(-t^2 / (2 sigma^2)) with sigma = mean / sqrt(pi / 2) = 718.09 s.
    assertThat(r.cdf(718.09)).isCloseTo(1 - Math.exp(-0.5), within(1e-5));
    assertThat(kolmogorovSmirnov(s, r)).isLessThan(1.36 / Math.sqrt(N));
  }

  @Test
  void logNormalDrawsFollowTheLogNormalDistribution() {
    Mobilisation.LogNormal l = new Mobilisation.LogNormal(600, 0.8);
    double[] s = draws(l);
    Arrays.sort(s);
    assertThat(s[N / 2]).isCloseTo(600, within(600 * 0.03));
    assertThat(l.cdf(600)).isCloseTo(0.5, within(1e-7));
    assertThat(kolmogorovSmirnov(s, l)).isLessThan(1.36 / Math.sqrt(N));
  }

  @Test
  void erfMatchesTabulatedValues() {
    // Abramowitz and Stegun, table 7.1.
    assertThat(Mobilisation.LogNormal.erf(0.5)).isCloseTo(0.5204998778, within(2e-7));
    assertThat(Mobilisation.LogNormal.erf(1.0)).isCloseTo(0.8427007929, within(2e-7));
    assertThat(Mobilisation.LogNormal.erf(-2.0)).isCloseTo(-0.9953222650, within(2e-7));
  }

  @Test
  void immediateMeansEverybodyAtOnce() {
    assertThat(draws(new Mobilisation.Immediate())).containsOnly(0.0);
  }

  private static double[] draws(Mobilisation m) {
    SplittableRandom rng = new SplittableRandom(11);
    double[] s = new double[N];
    for (int i = 0; i < N; i++) {
      s[i] = m.sampleS(rng);
    }
    return s;
  }

  /** Largest gap between the sample's empirical CDF and the curve's. */
  private static double kolmogorovSmirnov(double[] s, Mobilisation m) {
    double[] sorted = s.clone();
    Arrays.sort(sorted);
    double d = 0;
    for (int i = 0; i < N; i++) {
      double f = m.cdf(sorted[i]);
      d = Math.max(d, Math.max(Math.abs(f - i / (double) N), Math.abs(f - (i + 1) / (double) N)));
    }
    return d;
  }
}
