package io.citytwin.sim.hazard.fire;

/**
 * The heat release of one burning building over time, after the design fire of EN 1991-1-2:2002
 * Annex E.4: a t-squared growth {@code Q = 1 MW·(t/t_α)²} up to the largest rate {@code Q_max =
 * RHR_f · A}, a steady phase until 70 % of the fire load is consumed, then a linear decay that
 * consumes the remaining 30 %. If the load runs out to 70 % during growth, the decay starts from
 * the rate reached then.
 *
 * <p>Applied to a whole building: {@code A} is the footprint (one storey burning fully at a time)
 * and the fire load is that of every storey, so a tall building burns for longer, not more
 * intensely. No fire-brigade intervention, no ventilation control. Immutable.
 *
 * @param peakKW the highest heat release rate reached, kW
 * @param growthEndS end of growth (flashover of the storey), s after ignition
 * @param steadyEndS start of the decay, s after ignition
 * @param burnoutS end of the fire, s after ignition
 * @param growthTimeS t_α, s
 * @param fireLoadKJ total fire load, kJ
 */
public record DesignFire(
    double peakKW, double growthEndS, double steadyEndS, double burnoutS, double growthTimeS, double fireLoadKJ) {

  /** The fraction of the fire load burnt when the decay starts. */
  static final double DECAY_FROM = 0.7;

  /**
   * @param footprintM2 floor area of one storey, m²
   * @param levels storeys
   */
  public static DesignFire of(Occupancy o, double footprintM2, int levels) {
    double load = o.fireLoadMJm2() * 1000 * footprintM2 * Math.max(1, levels);
    double qMax = o.heatReleaseKWm2() * footprintM2;
    double ta = o.growthTimeS();
    double t1 = ta * Math.sqrt(qMax / 1000);
    double growthEnergy = 1000 * t1 * t1 * t1 / (3 * ta * ta);
    double peak;
    double steadyEnd;
    if (growthEnergy >= DECAY_FROM * load) {
      t1 = Math.cbrt(3 * DECAY_FROM * load * ta * ta / 1000);
      peak = 1000 * (t1 / ta) * (t1 / ta);
      steadyEnd = t1;
    } else {
      peak = qMax;
      steadyEnd = t1 + (DECAY_FROM * load - growthEnergy) / qMax;
    }
    double burnout = steadyEnd + 2 * (1 - DECAY_FROM) * load / peak;
    return new DesignFire(peak, t1, steadyEnd, burnout, ta, load);
  }

  /** Heat release rate in kW at {@code s} seconds after ignition (0 before and after). */
  public double heatReleaseKW(double s) {
    if (s <= 0 || s >= burnoutS) {
      return 0;
    }
    if (s < growthEndS) {
      return 1000 * (s / growthTimeS) * (s / growthTimeS);
    }
    if (s < steadyEndS) {
      return peakKW;
    }
    return peakKW * (burnoutS - s) / (burnoutS - steadyEndS);
  }

  /** Heat released from ignition to {@code s} seconds after it, kJ (closed form). */
  public double energyKJ(double s) {
    double t = Math.min(Math.max(s, 0), burnoutS);
    double g = Math.min(t, growthEndS);
    double e = 1000 * g * g * g / (3 * growthTimeS * growthTimeS);
    if (t > growthEndS) {
      e += peakKW * (Math.min(t, steadyEndS) - growthEndS);
    }
    if (t > steadyEndS) {
      double d = burnoutS - steadyEndS;
      double u = t - steadyEndS;
      e += peakKW * (u - u * u / (2 * d));
    }
    return e;
  }
}
