package io.citytwin.sim.epidemic;

import java.util.Arrays;

/**
 * A duration in whole days: {@code max(1, round(X))} with X Erlang-distributed (a gamma
 * distribution with whole shape {@code k}; k = 1 is exponential, large k nearly fixed) of the given
 * mean. So {@code P(1) = F(1.5)} and {@code P(d) = F(d + 0.5) - F(d - 0.5)} for d at least 2, with
 * F the Erlang distribution function {@code 1 - exp(-x/theta) * sum_{n<k} (x/theta)^n / n!},
 * {@code theta = mean / k}; the tail beyond 1e-12 is folded into the last day. Immutable.
 */
final class DayDistribution {
  private final double mean;
  private final int shape;
  private final double[] cdf;

  private DayDistribution(double mean, int shape, double[] cdf) {
    this.mean = mean;
    this.shape = shape;
    this.cdf = cdf;
  }

  static DayDistribution erlang(double mean, int shape) {
    if (!(mean > 0) || shape < 1) {
      throw new IllegalArgumentException("mean " + mean + " and shape " + shape + " must be positive");
    }
    double theta = mean / shape;
    double[] cdf = new double[16];
    int last = 0;
    for (int d = 1; ; d++) {
      if (d >= cdf.length) {
        cdf = Arrays.copyOf(cdf, cdf.length * 2);
      }
      double f = erlangCdf(d + 0.5, shape, theta);
      cdf[d] = f;
      last = d;
      if (1 - f < 1e-12 || d >= 10_000) {
        break;
      }
    }
    cdf = Arrays.copyOf(cdf, last + 1);
    cdf[last] = 1.0;
    return new DayDistribution(mean, shape, cdf);
  }

  static double erlangCdf(double x, int k, double theta) {
    double z = x / theta;
    double term = 1;
    double sum = 1;
    for (int n = 1; n < k; n++) {
      term *= z / n;
      sum += term;
    }
    return 1 - Math.exp(-z) * sum;
  }

  /** The day count whose cumulative probability first exceeds {@code u} in [0, 1). */
  int sample(double u) {
    int lo = 1;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** P(duration = d days). */
  double probability(int d) {
    if (d < 1 || d >= cdf.length) {
      return 0;
    }
    return cdf[d] - (d == 1 ? 0 : cdf[d - 1]);
  }

  /** Longest possible duration in days. */
  int maxDays() {
    return cdf.length - 1;
  }

  /** Mean of the whole-day durations (close to, not exactly, the configured mean). */
  double meanDays() {
    double m = 0;
    for (int d = 1; d < cdf.length; d++) {
      m += d * probability(d);
    }
    return m;
  }

  /** The configured mean of the continuous duration, days. */
  double mean() {
    return mean;
  }

  int shape() {
    return shape;
  }

  @Override
  public String toString() {
    return "Erlang(mean " + mean + " d, shape " + shape + ") in whole days";
  }
}
