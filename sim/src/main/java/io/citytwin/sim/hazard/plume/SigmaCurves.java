package io.citytwin.sim.hazard.plume;

import java.util.Locale;
import java.util.Optional;

/**
 * Published fits of the Pasquill–Gifford dispersion parameters σy(x) and σz(x) (metres, at x
 * metres downwind), with the matching wind-profile exponents. Each set is implemented exactly as
 * published:
 *
 * <ul>
 *   <li>{@link #PASQUILL_GIFFORD}: the power-law fits of Turner's (1970) PG curves used by the
 *       PTDIS/PTMTP programs and by U.S. EPA's ISC3 model for rural sources (EPA-454/B-95-003b,
 *       ISC3 User's Guide vol. II, 1995, tables 1-13 and 1-14): σy = 465.11628·x·tan(TH), TH =
 *       0.017453293·(c − d·ln x), σz = a·x^b with x in km and (a, b) by distance range, σz at most
 *       5000 m. Reproduced as tables 19-4 and 19-5 of Stern, Boubel, Turner and Fox (1984),
 *       <i>Fundamentals of Air Pollution</i>.
 *   <li>{@link #BRIGGS_RURAL} and {@link #BRIGGS_URBAN}: Briggs (1973) "Diffusion estimation for
 *       small emissions", ATDL contribution 79, for open country and for cities (the urban set
 *       fitted to the McElroy–Pooler St. Louis data), as tabulated by Gifford (1976) and in tables
 *       19-6 and 19-7 of Stern et al. Stated valid from 100 m to 10 km; the urban set merges A–B
 *       and E–F.
 * </ul>
 *
 * <p>Wind-profile exponents p (for u(z) = u10·(z/10)^p) are ISC3's: rural A–F 0.07, 0.07, 0.10,
 * 0.15, 0.35, 0.55; urban 0.15, 0.15, 0.20, 0.25, 0.30, 0.30 (ISC3 User's Guide vol. II, 1.1.5).
 * The PG curves are for roughly 10-minute averages over open, flat terrain.
 */
public enum SigmaCurves {
  PASQUILL_GIFFORD("pasquill-gifford"),
  BRIGGS_RURAL("briggs-rural"),
  BRIGGS_URBAN("briggs-urban");

  private static final double SIGMA_Z_MAX = 5000;
  private static final double[] RURAL_P = {0.07, 0.07, 0.10, 0.15, 0.35, 0.55};
  private static final double[] URBAN_P = {0.15, 0.15, 0.20, 0.25, 0.30, 0.30};

  /**
   * σy constants c, d per class A–F as printed in Stern et al., table 19-4 (copies of the ISC3
   * table print some of them with other rounding, e.g. 8.3330 for D: below 0.01 % in σy).
   */
  private static final double[][] TH = {
    {24.167, 2.5334}, {18.333, 1.8096}, {12.5, 1.0857},
    {8.3333, 0.72382}, {6.25, 0.54287}, {4.1667, 0.36191}};

  /** ISC3 σz: per class, rows of {upper bound of the range in km (inclusive), a, b}. */
  private static final double[][][] SZ = {
    { // A; beyond 3.11 km σz is 5000 m
      {0.10, 122.800, 0.94470}, {0.15, 158.080, 1.05420}, {0.20, 170.220, 1.09320},
      {0.25, 179.520, 1.12620}, {0.30, 217.410, 1.26440}, {0.40, 258.890, 1.40940},
      {0.50, 346.750, 1.72830}, {3.11, 453.850, 2.11660}},
    { // B; the last fit reaches 5000 m near 35 km
      {0.20, 90.673, 0.93198}, {0.40, 98.483, 0.98332}, {Double.POSITIVE_INFINITY, 109.300, 1.09710}},
    { // C
      {Double.POSITIVE_INFINITY, 61.141, 0.91465}},
    { // D
      {0.30, 34.459, 0.86974}, {1.00, 32.093, 0.81066}, {3.00, 32.093, 0.64403},
      {10.00, 33.504, 0.60486}, {30.00, 36.650, 0.56589}, {Double.POSITIVE_INFINITY, 44.053, 0.51179}},
    { // E
      {0.10, 24.260, 0.83660}, {0.30, 23.331, 0.81956}, {1.00, 21.628, 0.75660},
      {2.00, 21.628, 0.63077}, {4.00, 22.534, 0.57154}, {10.00, 24.703, 0.50527},
      {20.00, 26.970, 0.46713}, {40.00, 35.420, 0.37615}, {Double.POSITIVE_INFINITY, 47.618, 0.29592}},
    { // F
      {0.20, 15.209, 0.81558}, {0.70, 14.457, 0.78407}, {1.00, 13.953, 0.68465},
      {2.00, 13.953, 0.63227}, {3.00, 14.823, 0.54503}, {7.00, 16.187, 0.46490},
      {15.00, 17.836, 0.41507}, {30.00, 22.651, 0.32681}, {60.00, 27.074, 0.27436},
      {Double.POSITIVE_INFINITY, 34.219, 0.21716}}};

  /** Briggs rural: σy = ky·x·(1+0.0001x)^-1/2; σz = kz·x·(1+mz·x)^ez, per class A–F. */
  private static final double[] BR_KY = {0.22, 0.16, 0.11, 0.08, 0.06, 0.04};
  private static final double[][] BR_Z = {
    {0.20, 0, 0}, {0.12, 0, 0}, {0.08, 0.0002, -0.5}, {0.06, 0.0015, -0.5}, {0.03, 0.0003, -1}, {0.016, 0.0003, -1}};
  /** Briggs urban: σy = ky·x·(1+0.0004x)^-1/2; σz = kz·x·(1+mz·x)^ez, per class A–F. */
  private static final double[] BU_KY = {0.32, 0.32, 0.22, 0.16, 0.11, 0.11};
  private static final double[][] BU_Z = {
    {0.24, 0.001, 0.5}, {0.24, 0.001, 0.5}, {0.20, 0, 0}, {0.14, 0.0003, -0.5}, {0.08, 0.0015, -0.5}, {0.08, 0.0015, -0.5}};

  private final String code;

  SigmaCurves(String code) {
    this.code = code;
  }

  /** The name used in scenario files. */
  public String code() {
    return code;
  }

  public static Optional<SigmaCurves> fromCode(String code) {
    for (SigmaCurves c : values()) {
      if (c.code.equals(code.toLowerCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Lateral dispersion parameter σy in metres at {@code x > 0} metres downwind. */
  public double sigmaY(StabilityClass s, double x) {
    int k = s.ordinal();
    return switch (this) {
      case PASQUILL_GIFFORD -> {
        double km = x / 1000;
        yield 465.11628 * km * Math.tan(0.017453293 * (TH[k][0] - TH[k][1] * Math.log(km)));
      }
      case BRIGGS_RURAL -> BR_KY[k] * x / Math.sqrt(1 + 0.0001 * x);
      case BRIGGS_URBAN -> BU_KY[k] * x / Math.sqrt(1 + 0.0004 * x);
    };
  }

  /** Vertical dispersion parameter σz in metres at {@code x > 0} metres downwind. */
  public double sigmaZ(StabilityClass s, double x) {
    int k = s.ordinal();
    return switch (this) {
      case PASQUILL_GIFFORD -> pgSigmaZ(k, x / 1000);
      case BRIGGS_RURAL -> BR_Z[k][0] * x * Math.pow(1 + BR_Z[k][1] * x, BR_Z[k][2]);
      case BRIGGS_URBAN -> BU_Z[k][0] * x * Math.pow(1 + BU_Z[k][1] * x, BU_Z[k][2]);
    };
  }

  private static double pgSigmaZ(int k, double km) {
    for (double[] row : SZ[k]) {
      if (km <= row[0]) {
        return Math.min(SIGMA_Z_MAX, row[1] * Math.pow(km, row[2]));
      }
    }
    return SIGMA_Z_MAX; // class A beyond 3.11 km
  }

  /** Exponent p of the power-law wind profile for this terrain and class. */
  public double windExponent(StabilityClass s) {
    return (this == BRIGGS_URBAN ? URBAN_P : RURAL_P)[s.ordinal()];
  }
}
