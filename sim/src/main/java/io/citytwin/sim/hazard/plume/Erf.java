package io.citytwin.sim.hazard.plume;

/**
 * The error function, by Abramowitz and Stegun (1964) formula 7.1.26 (absolute error below
 * 1.5e-7), used only for the smooth along-wind edges of a plume that has not yet reached, or has
 * already left, a point.
 */
final class Erf {
  private Erf() {}

  static double erf(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 1;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return -1;
    }
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double y = 1 - poly * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  }
}
