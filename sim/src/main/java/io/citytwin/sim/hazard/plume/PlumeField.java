package io.citytwin.sim.hazard.plume;

import io.citytwin.sim.hazard.grid.MetricGrid;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Ground-level (or receptor-height) concentrations of one or more continuous point releases under
 * a uniform wind: each source's steady Gaussian plume ({@link GaussianPlume}), times the fraction
 * of it that has arrived and not yet left ({@link GaussianPlume#presentFraction}), summed.
 *
 * <p>Conventions: x is the distance downwind of the source along the wind, y the crosswind
 * offset. Points upwind of a source (x ≤ 0) receive nothing from it; points nearer than {@code
 * minDistanceM} downwind are evaluated at that distance, because the fitted σ curves start at 100
 * m and a point source has no meaningful near field. The wind at a source's height follows the
 * power law of the σ curves' terrain (not below 10 m). Immutable; thread-safe.
 *
 * @param curves σy, σz fits
 * @param stability stability category
 * @param windSpeed10Mps wind speed at 10 m
 * @param downwindX east component of the unit vector the wind blows towards
 * @param downwindY north component of that vector
 * @param groundReflection whether the ground reflects (image source)
 * @param receptorHeightM height of the concentrations computed, m
 * @param minDistanceM nearest downwind distance evaluated, m
 */
public record PlumeField(
    SigmaCurves curves, Stability stability, double windSpeed10Mps, double downwindX, double downwindY,
    boolean groundReflection, double receptorHeightM, double minDistanceM) {

  /** Plume parts more than this many σ away contribute less than 1e-8 of the peak; skipped. */
  private static final double CUTOFF_SIGMAS = 6;

  /** Wind speed at the release height (at least 10 m), by the power law. */
  public double windAt(double heightM) {
    return windSpeed10Mps * Math.pow(Math.max(heightM, 10) / 10, stability.windExponent(curves));
  }

  /** Concentration in g/m³ at metric point (px, py), {@code t} seconds after the scenario start. */
  public double at(double px, double py, double t, List<PlumeSource> sources) {
    double c = 0;
    for (PlumeSource s : sources) {
      c += from(s, px, py, t);
    }
    return c;
  }

  private double from(PlumeSource s, double px, double py, double t) {
    return from(s, windAt(s.heightM()), px, py, t);
  }

  private double from(PlumeSource s, double u, double px, double py, double t) {
    double dx = px - s.x();
    double dy = py - s.y();
    double along = dx * downwindX + dy * downwindY;
    if (along <= 0 || t <= s.startS()) {
      return 0;
    }
    double cross = -dx * downwindY + dy * downwindX;
    double x = Math.max(along, minDistanceM);
    if (x > u * (t - s.startS()) + CUTOFF_SIGMAS * x) {
      return 0; // beyond the front by more than 6 sigma (sigma_y < x for every fit)
    }
    double sy = stability.sigmaY(curves, x);
    if (Math.abs(cross) > CUTOFF_SIGMAS * sy || x > u * (t - s.startS()) + CUTOFF_SIGMAS * sy) {
      return 0;
    }
    double present = GaussianPlume.presentFraction(x, u, t, s.startS(), s.endS(), sy);
    if (present == 0) {
      return 0;
    }
    double sz = stability.sigmaZ(curves, x);
    return present * GaussianPlume.concentration(
        s.gramsPerSecond(), u, sy, sz, cross, receptorHeightM, s.heightM(), groundReflection);
  }

  /**
   * Concentrations in g/m³ at every cell centre, indexed like the grid. Each source only visits
   * the cells of the bounding box of its plume's 6-σ wedge (σy(x)/x falls with x for every fit, so
   * the wedge lies in the triangle from the source to the far end's ±6σy, widened by the near
   * field's ±6σy(minDistance)); the values are the same as {@link #at}'s.
   */
  public double[] onGrid(MetricGrid grid, double t, List<PlumeSource> sources) {
    double[] c = new double[grid.size()];
    Envelope area = grid.envelope();
    double far = Math.hypot(area.getWidth(), area.getHeight());
    for (PlumeSource s : sources) {
      if (t <= s.startS()) {
        continue;
      }
      double u = windAt(s.heightM());
      double reach = Math.min(far + Math.hypot(s.x() - area.centre().x, s.y() - area.centre().y),
          u * (t - s.startS()) + CUTOFF_SIGMAS * stability.sigmaY(curves, far));
      reach = Math.max(reach, minDistanceM);
      double wide = CUTOFF_SIGMAS * stability.sigmaY(curves, reach);
      double near = CUTOFF_SIGMAS * stability.sigmaY(curves, minDistanceM);
      double ex = s.x() + reach * downwindX;
      double ey = s.y() + reach * downwindY;
      Envelope wedge = new Envelope(s.x(), s.y(), s.x(), s.y());
      wedge.expandToInclude(ex - wide * downwindY, ey + wide * downwindX);
      wedge.expandToInclude(ex + wide * downwindY, ey - wide * downwindX);
      wedge.expandBy(near + grid.cell());
      int i0 = Math.max(0, (int) Math.floor((wedge.getMinX() - grid.x0()) / grid.cell()));
      int i1 = Math.min(grid.nx() - 1, (int) Math.floor((wedge.getMaxX() - grid.x0()) / grid.cell()));
      int j0 = Math.max(0, (int) Math.floor((wedge.getMinY() - grid.y0()) / grid.cell()));
      int j1 = Math.min(grid.ny() - 1, (int) Math.floor((wedge.getMaxY() - grid.y0()) / grid.cell()));
      for (int j = j0; j <= j1; j++) {
        double py = grid.centreY(j);
        for (int i = i0; i <= i1; i++) {
          c[grid.index(i, j)] += from(s, u, grid.centreX(i), py, t);
        }
      }
    }
    return c;
  }
}
