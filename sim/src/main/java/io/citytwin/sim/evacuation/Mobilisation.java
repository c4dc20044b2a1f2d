package io.citytwin.sim.evacuation;

import java.util.SplittableRandom;

/**
 * When people set off once warned: the distribution of the delay between the warning and a
 * party's departure (the "mobilisation" or loading curve of evacuation-time estimates). The curve's
 * shape matters more than its family: a spread-out loading meters demand onto the roads and can
 * clear an area sooner than everybody leaving at once (Lämmel and Klüpfel 2012, "Slower is faster:
 * the influence of departure time distribution on the overall evacuation performance", ICEM,
 * simulated with MATSim's queue model). Parameters should come from local surveys or drills; the
 * defaults are placeholders stated in {@link EvacuationModel}.
 */
public sealed interface Mobilisation {

  /** A delay in seconds drawn from the curve. */
  double sampleS(SplittableRandom rng);

  /** Share of parties gone within {@code s} seconds of the warning. */
  double cdf(double s);

  /** Everybody leaves at the warning. */
  record Immediate() implements Mobilisation {
    @Override
    public double sampleS(SplittableRandom rng) {
      return 0;
    }

    @Override
    public double cdf(double s) {
      return s >= 0 ? 1 : 0;
    }
  }

  /**
   * Rayleigh (a Weibull of shape 2): an S-shaped cumulative loading curve with no one leaving at
   * the very instant of the warning, fixed by its mean; F(t) = 1 − exp(−t² / 2σ²), mean = σ·√(π/2).
   */
  record Rayleigh(double meanS) implements Mobilisation {
    public Rayleigh {
      if (!(meanS > 0) || Double.isInfinite(meanS)) {
        throw new IllegalArgumentException("mean must be positive, was " + meanS);
      }
    }

    double sigma() {
      return meanS / Math.sqrt(Math.PI / 2);
    }

    @Override
    public double sampleS(SplittableRandom rng) {
      return sigma() * Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
    }

    @Override
    public double cdf(double s) {
      double q = s / sigma();
      return s <= 0 ? 0 : 1 - Math.exp(-q * q / 2);
    }
  }

  /**
   * Log-normal, the departure-time distribution of Lämmel and Klüpfel (2012): ln(delay) is normal
   * with mean ln(median) and standard deviation {@code sigma}; a long tail of late leavers.
   */
  record LogNormal(double medianS, double sigma) implements Mobilisation {
    public LogNormal {
      if (!(medianS > 0) || Double.isInfinite(medianS) || !(sigma > 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("median and sigma must be positive, were " + medianS + ", " + sigma);
      }
    }

    @Override
    public double sampleS(SplittableRandom rng) {
      return medianS * Math.exp(sigma * rng.nextGaussian());
    }

    @Override
    public double cdf(double s) {
      return s <= 0 ? 0 : 0.5 * (1 + erf(Math.log(s / medianS) / (sigma * Math.sqrt(2))));
    }

    /** Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7. */
    static double erf(double x) {
      double t = 1 / (1 + 0.3275911 * Math.abs(x));
      double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
          + t * 1.061405429)))) * Math.exp(-x * x);
      return x >= 0 ? y : -y;
    }
  }
}
