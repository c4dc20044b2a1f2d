package io.citytwin.sim.hazard.plume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Validates the plume against published references, not against its own output.
 *
 * <p>Reference 1: the worked example of Stern, Boubel, Turner and Fox (1984), Fundamentals of Air
 * Pollution, section 19.III.D: Q = 0.37 g/s, effective height 40 m, u = 2 m/s, stability B; at x =
 * 0.26, 0.28, 0.30 km the book lists σz = 26.2, 28.2, 30.1 m, σy = 45.9, 49.0, 52.2 m and
 * ground-level centreline concentrations 1.53, 1.56, 1.55 × 10⁻⁵ g/m³.
 *
 * <p>Reference 2: the same book's tables 19-4 and 19-5 (the ISC3 fits of the PG curves). At x =
 * 1 km ln x = 0 and x^b = 1, so the tables give σy(1 km) = 465.116·tan(c°) and σz(1 km) = a
 * directly: c = 24.167, 18.333, 12.5, 8.3333, 6.25, 4.1667 and a = 453.85, 109.30, 61.141, 32.093,
 * 21.628, 13.953 for A–F.
 */
class PasquillGiffordValidationTest {
  private static final double[] C_DEG = {24.167, 18.333, 12.5, 8.3333, 6.25, 4.1667};
  private static final double[] A_1KM = {453.85, 109.30, 61.141, 32.093, 21.628, 13.953};

  /** The Gaussian plume formula, written out here independently of the model's code. */
  static double reference(double q, double u, double sy, double sz, double y, double z, double h, boolean reflect) {
    double image = reflect ? Math.exp(-Math.pow(z + h, 2) / (2 * sz * sz)) : 0;
    return q / (2 * Math.PI * u * sy * sz) * Math.exp(-y * y / (2 * sy * sy))
        * (Math.exp(-Math.pow(z - h, 2) / (2 * sz * sz)) + image);
  }

  /** A field with the source at (0, 0), wind towards +x, steady (long after an open release). */
  static PlumeField eastwardField(StabilityClass s, double u10) {
    return new PlumeField(SigmaCurves.PASQUILL_GIFFORD, Stability.of(s), u10, 1, 0, true, 0, 1);
  }

  static final double STEADY = 1e7;

  @ParameterizedTest(name = "x = {0} km: sigma_z {1} m, sigma_y {2} m, chi {3} g/m3")
  @CsvSource({"0.26, 26.2, 45.9, 1.53e-5", "0.28, 28.2, 49.0, 1.56e-5", "0.30, 30.1, 52.2, 1.55e-5"})
  void reproducesTheTextbookExample(double xKm, double sigmaZ, double sigmaY, double chi) {
    double x = xKm * 1000;
    SigmaCurves pg = SigmaCurves.PASQUILL_GIFFORD;
    // The book rounds to 0.1 m.
    assertThat(pg.sigmaZ(StabilityClass.B, x)).isCloseTo(sigmaZ, within(0.051));
    assertThat(pg.sigmaY(StabilityClass.B, x)).isCloseTo(sigmaY, within(0.051));
    // The model's field, with the 10 m wind chosen so the wind at 40 m is the book's 2 m/s.
    double u10 = 2 / Math.pow(4, SigmaCurves.PASQUILL_GIFFORD.windExponent(StabilityClass.B));
    PlumeField field = new PlumeField(pg, Stability.of(StabilityClass.B), u10, 1, 0, true, 0, 1);
    assertThat(field.windAt(40)).isCloseTo(2, within(1e-12));
    List<PlumeSource> src = List.of(new PlumeSource(0, 0, 40, 0.37, 0, Double.POSITIVE_INFINITY));
    double modelled = field.at(x, 0, STEADY, src);
    // Against the book's concentrations (given to 3 figures) ...
    assertThat(modelled).isCloseTo(chi, within(0.006e-5));
    // ... and against the formula with the book's sigma values, on and off the axis.
    for (double[] yz : new double[][] {{0, 0}, {30, 0}, {-60, 5}, {20, 40}}) {
      double expected = reference(0.37, 2, sigmaY, sigmaZ, yz[0], yz[1], 40, true);
      PlumeField at = new PlumeField(pg, Stability.of(StabilityClass.B), u10, 1, 0, true, yz[1], 1);
      assertThat(at.at(x, yz[0], STEADY, src)).isCloseTo(expected, within(expected * 0.005));
    }
  }

  @ParameterizedTest
  @EnumSource(StabilityClass.class)
  void sigmasAtOneKilometreAreTheTableValues(StabilityClass s) {
    int k = s.ordinal();
    double sy = 465.116 * Math.tan(Math.toRadians(C_DEG[k]));
    assertThat(SigmaCurves.PASQUILL_GIFFORD.sigmaY(s, 1000)).isCloseTo(sy, within(sy * 1e-5));
    assertThat(SigmaCurves.PASQUILL_GIFFORD.sigmaZ(s, 1000)).isCloseTo(A_1KM[k], within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(StabilityClass.class)
  void concentrationsAtOneKilometreMatchTheFormulaWithTableSigmas(StabilityClass s) {
    int k = s.ordinal();
    double sy = 465.116 * Math.tan(Math.toRadians(C_DEG[k]));
    double sz = A_1KM[k];
    double u10 = 4;
    double h = 25; // above 10 m: the wind at release height follows the ISC3 rural exponent
    double p = new double[] {0.07, 0.07, 0.10, 0.15, 0.35, 0.55}[k];
    double u = u10 * Math.pow(h / 10, p);
    List<PlumeSource> src = List.of(new PlumeSource(0, 0, h, 250, 0, Double.POSITIVE_INFINITY));
    for (double[] yz : new double[][] {{0, 0}, {0.5 * sy, 0}, {-1.5 * sy, 2}, {0.2 * sy, 30}}) {
      for (boolean reflect : new boolean[] {true, false}) {
        PlumeField f = new PlumeField(SigmaCurves.PASQUILL_GIFFORD, Stability.of(s), u10, 1, 0, reflect, yz[1], 1);
        double expected = reference(250, u, sy, sz, yz[0], yz[1], h, reflect);
        assertThat(f.at(1000, yz[0], STEADY, src)).as("%s y=%s z=%s reflect=%s", s, yz[0], yz[1], reflect)
            .isCloseTo(expected, within(expected * 1e-4 + 1e-15));
      }
    }
  }

  @Test
  void theFieldFollowsTheWindDirection() {
    // Wind towards the north-east: a point 500 m along that bearing is on the axis.
    double r = Math.sqrt(0.5);
    PlumeField ne = new PlumeField(SigmaCurves.PASQUILL_GIFFORD, Stability.of(StabilityClass.D), 3, r, r, true, 0, 1);
    List<PlumeSource> src = List.of(new PlumeSource(100, 200, 0, 10, 0, Double.POSITIVE_INFINITY));
    double onAxis = ne.at(100 + 500 * r, 200 + 500 * r, STEADY, src);
    assertThat(onAxis).isCloseTo(eastwardField(StabilityClass.D, 3).at(500, 0, STEADY,
        List.of(new PlumeSource(0, 0, 0, 10, 0, Double.POSITIVE_INFINITY))), within(onAxis * 1e-12));
    assertThat(ne.at(100 - 500 * r, 200 - 500 * r, STEADY, src)).isZero(); // upwind
  }

  @ParameterizedTest(name = "class {0}, reflection {1}")
  @CsvSource({"A, true", "B, true", "C, false", "D, true", "D, false", "E, true", "F, true", "F, false"})
  void theCrosswindIntegralCarriesTheEmittedMass(StabilityClass s, boolean reflect) {
    double q = 100;
    double u10 = 3;
    double h = 30;
    double x = 600;
    PlumeField f0 = new PlumeField(SigmaCurves.PASQUILL_GIFFORD, Stability.of(s), u10, 1, 0, reflect, 0, 1);
    double u = f0.windAt(h);
    double sy = SigmaCurves.PASQUILL_GIFFORD.sigmaY(s, x);
    double sz = SigmaCurves.PASQUILL_GIFFORD.sigmaZ(s, x);
    List<PlumeSource> src = List.of(new PlumeSource(0, 0, h, q, 0, Double.POSITIVE_INFINITY));
    // Trapezoidal rule over y in [-8 sy, 8 sy] and z in [0, h + 10 sz]; the field evaluated at
    // receptor height z is the model's own plane of concentrations.
    int ny = 400;
    int nz = 600;
    double dy = 16 * sy / ny;
    double zTop = h + 10 * sz;
    double dz = zTop / nz;
    double flux = 0;
    for (int jz = 0; jz <= nz; jz++) {
      double z = jz * dz;
      PlumeField f = new PlumeField(SigmaCurves.PASQUILL_GIFFORD, Stability.of(s), u10, 1, 0, reflect, z, 1);
      double row = 0;
      for (int jy = 0; jy <= ny; jy++) {
        double y = -8 * sy + jy * dy;
        double w = jy == 0 || jy == ny ? 0.5 : 1;
        row += w * f.at(x, y, STEADY, src);
      }
      flux += (jz == 0 || jz == nz ? 0.5 : 1) * row * dy * dz;
    }
    // Full reflection keeps all of Q above ground; an absorbing ground leaves the part of the
    // vertical Gaussian above z = 0, Phi(h / sz).
    double expected = reflect ? q : q * 0.5 * (1 + erfReference(h / sz / Math.sqrt(2)));
    assertThat(flux * u).isCloseTo(expected, within(expected * 0.002));
  }

  /** erf by its Taylor series, enough terms for |x| < 3. */
  static double erfReference(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 80; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  @Test
  void theFrontMovesAtTheWindSpeedAndTheTailLeavesAfterTheRelease() {
    PlumeField f = eastwardField(StabilityClass.D, 5);
    List<PlumeSource> src = List.of(new PlumeSource(0, 0, 0, 10, 60, 660)); // 10 minutes from t = 60 s
    double steady = f.at(1500, 0, STEADY, List.of(new PlumeSource(0, 0, 0, 10, 0, Double.POSITIVE_INFINITY)));
    double sx = SigmaCurves.PASQUILL_GIFFORD.sigmaY(StabilityClass.D, 1500);
    // The front reaches 1500 m at t = 60 + 300 s: half the steady value there, by symmetry.
    assertThat(f.at(1500, 0, 360, src)).isCloseTo(steady / 2, within(steady * 1e-6));
    assertThat(f.at(1500, 0, 360 - 4 * sx / 5, src)).isLessThan(steady * 1e-4);
    assertThat(f.at(1500, 0, 360 + 4 * sx / 5, src)).isCloseTo(steady, within(steady * 1e-4));
    // Released until 660 s: the tail passes 1500 m at 960 s.
    assertThat(f.at(1500, 0, 960, src)).isCloseTo(steady / 2, within(steady * 1e-6));
    assertThat(f.at(1500, 0, 960 + 4 * sx / 5, src)).isLessThan(steady * 1e-4);
    assertThat(f.at(1500, 0, 60, src)).isZero();
  }
}
