package io.citytwin.sim.hazard.plume;

/**
 * The steady-state Gaussian plume of a continuous point source (Turner 1970, Workbook of
 * Atmospheric Dispersion Estimates, eq. 3.1 with image-source ground reflection):
 *
 * <pre>
 * C(x,y,z) = Q / (2π·u·σy·σz) · exp(−y²/2σy²) · [exp(−(z−H)²/2σz²) + r·exp(−(z+H)²/2σz²)]
 * </pre>
 *
 * with r = 1 for full reflection at the ground and 0 for none (a fully absorbing ground). Units
 * are consistent: Q in g/s, u in m/s, lengths in metres give g/m³. Pure functions.
 */
public final class GaussianPlume {
  private GaussianPlume() {}

  /**
   * Concentration in g/m³ (or in the mass unit of {@code q} per m³).
   *
   * @param q emission rate, g/s
   * @param u wind speed at release height, m/s (positive)
   * @param sigmaY lateral dispersion parameter at the receptor's downwind distance, m
   * @param sigmaZ vertical dispersion parameter at the receptor's downwind distance, m
   * @param y crosswind offset of the receptor from the plume axis, m
   * @param z receptor height above ground, m
   * @param h (effective) release height, m
   * @param reflection whether the ground reflects the plume (image source)
   */
  public static double concentration(
      double q, double u, double sigmaY, double sigmaZ, double y, double z, double h, boolean reflection) {
    double lateral = Math.exp(-y * y / (2 * sigmaY * sigmaY));
    double dz = z - h;
    double vertical = Math.exp(-dz * dz / (2 * sigmaZ * sigmaZ));
    if (reflection) {
      double sz = z + h;
      vertical += Math.exp(-sz * sz / (2 * sigmaZ * sigmaZ));
    }
    return q / (2 * Math.PI * u * sigmaY * sigmaZ) * lateral * vertical;
  }

  /**
   * The fraction of the steady concentration present at downwind distance {@code x} at time
   * {@code t} for a release from {@code t0} to {@code t1} (seconds; {@code t1} may be infinite):
   * material released at {@code t - x/u} with the along-wind spread σx of a puff,
   * {@code Φ((u(t−t0)−x)/σx) − Φ((u(t−t1)−x)/σx)}. Taking σx = σy, as is usual for puffs, the
   * front of a starting plume is at {@code u·(t−t0)} and its tail at {@code u·(t−t1)}.
   */
  public static double presentFraction(double x, double u, double t, double t0, double t1, double sigmaX) {
    if (t <= t0) {
      return 0;
    }
    double s = Math.sqrt(2) * sigmaX;
    double head = Erf.erf((u * (t - t0) - x) / s);
    double tail = t1 == Double.POSITIVE_INFINITY ? -1 : Erf.erf((u * (t - t1) - x) / s);
    return Math.max(0, (head - tail) / 2);
  }
}
