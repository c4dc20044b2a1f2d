package io.citytwin.sim.epidemic;

/**
 * Reference formulas for the validation tests, written independently of the model's code: the
 * Erlang duration discretised by numerical integration of its density, the final-size equation and
 * the discrete-time Euler-Lotka equation, solved by bisection.
 */
final class Reference {
  private Reference() {}

  /**
   * P(max(1, round(X)) = d) for d = 0..maxDay, X ~ Erlang(shape k, mean m), by Simpson integration
   * of the density k^k x^(k-1) e^(-k x / m) / (m^k (k-1)!) over [d - 0.5, d + 0.5].
   */
  static double[] erlangDays(double mean, int k) {
    int maxDay = (int) Math.ceil(mean * 12 + 60);
    double[] p = new double[maxDay + 1];
    double logNorm = k * Math.log(k / mean) - logFactorial(k - 1);
    for (int d = 1; d <= maxDay; d++) {
      double lo = d == 1 ? 0 : d - 0.5;
      double hi = d + 0.5;
      int steps = 2000;
      double h = (hi - lo) / steps;
      double sum = 0;
      for (int j = 0; j <= steps; j++) {
        double x = lo + j * h;
        double f = x <= 0 ? (k == 1 ? Math.exp(logNorm) : 0)
            : Math.exp(logNorm + (k - 1) * Math.log(x) - k * x / mean);
        sum += f * (j == 0 || j == steps ? 1 : j % 2 == 1 ? 4 : 2);
      }
      p[d] = sum * h / 3;
    }
    return p;
  }

  private static double logFactorial(int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      s += Math.log(i);
    }
    return s;
  }

  static double meanDays(double[] p) {
    double m = 0;
    for (int d = 0; d < p.length; d++) {
      m += d * p[d];
    }
    return m;
  }

  /** The positive root of z = 1 - exp(-r0 z) for r0 > 1. */
  static double finalSize(double r0) {
    double lo = 1e-9;
    double hi = 1;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (mid - (1 - Math.exp(-r0 * mid)) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * Daily growth rate r of the discrete renewal equation n_t = beta sum_s g(s) n_(t-s) with
   * g(s) = P(L <= s <= L + D - 1) (infectious from day L after infection for D days) and beta =
   * r0 / E[D]: the root of sum_s beta g(s) e^(-r s) = 1.
   */
  static double growthRate(double r0, double[] latent, double[] infectious) {
    int max = latent.length + infectious.length;
    double[] g = new double[max + 1];
    for (int l = 1; l < latent.length; l++) {
      for (int d = 1; d < infectious.length; d++) {
        double p = latent[l] * infectious[d];
        for (int s = l; s <= l + d - 1 && s <= max; s++) {
          g[s] += p;
        }
      }
    }
    double beta = r0 / meanDays(infectious);
    double lo = -1;
    double hi = 2;
    for (int i = 0; i < 200; i++) {
      double r = (lo + hi) / 2;
      double sum = 0;
      for (int s = 1; s <= max; s++) {
        sum += beta * g[s] * Math.exp(-r * s);
      }
      if (sum > 1) {
        lo = r;
      } else {
        hi = r;
      }
    }
    return (lo + hi) / 2;
  }
}
