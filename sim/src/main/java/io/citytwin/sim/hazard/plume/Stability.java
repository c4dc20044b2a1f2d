package io.citytwin.sim.hazard.plume;

import java.util.List;
import java.util.Optional;

/**
 * A stability category: a Pasquill–Gifford class, or an intermediate one such as {@code A-B}
 * whose dispersion parameters are the mean of its two neighbours' (Pasquill's own instruction for
 * the intermediate entries of his table).
 *
 * @param lower the more unstable class
 * @param upper the more stable class (equal to {@code lower} for a plain class)
 */
public record Stability(StabilityClass lower, StabilityClass upper) {
  /** Every label {@link #parse} accepts. */
  public static final List<String> LABELS = List.of("A", "B", "C", "D", "E", "F", "A-B", "B-C", "C-D");

  public Stability {
    if (upper.ordinal() - lower.ordinal() != 0 && upper.ordinal() - lower.ordinal() != 1) {
      throw new IllegalArgumentException("not a stability category: " + lower + "-" + upper);
    }
  }

  public static Stability of(StabilityClass c) {
    return new Stability(c, c);
  }

  /** {@code A}..{@code F} or {@code A-B}, {@code B-C}, {@code C-D} (case-insensitive). */
  public static Optional<Stability> parse(String label) {
    String l = label.trim().toUpperCase(java.util.Locale.ROOT);
    if (!LABELS.contains(l)) {
      return Optional.empty();
    }
    StabilityClass lo = StabilityClass.valueOf(l.substring(0, 1));
    StabilityClass hi = StabilityClass.valueOf(l.substring(l.length() - 1));
    return Optional.of(new Stability(lo, hi));
  }

  /**
   * Pasquill's (1961) table of stability from the surface wind speed (at 10 m) and the sky, as
   * given by Turner (1970, Workbook of Atmospheric Dispersion Estimates, Table 1) and Stern et al.
   * (1984, Fundamentals of Air Pollution, Table 19-3). Rows: below 2, 2–3, 3–5, 5–6 and above 6
   * m/s (each row includes its lower bound). The table leaves calm nights (below 2 m/s) blank; we
   * continue the 2–3 m/s row there (E cloudy, F clear), the usual choice.
   */
  public static Stability fromWeather(double windSpeedMps, Sky sky) {
    String[][] day = {
      {"A", "A-B", "B"}, {"A-B", "B", "C"}, {"B", "B-C", "C"}, {"C", "C-D", "D"}, {"C", "D", "D"}};
    String[][] night = {{"E", "F"}, {"E", "F"}, {"D", "E"}, {"D", "D"}, {"D", "D"}};
    int row = windSpeedMps < 2 ? 0 : windSpeedMps < 3 ? 1 : windSpeedMps < 5 ? 2 : windSpeedMps < 6 ? 3 : 4;
    String label = switch (sky) {
      case STRONG_INSOLATION -> day[row][0];
      case MODERATE_INSOLATION -> day[row][1];
      case SLIGHT_INSOLATION -> day[row][2];
      case OVERCAST -> "D";
      case NIGHT_CLOUDY -> night[row][0];
      case NIGHT_CLEAR -> night[row][1];
    };
    return parse(label).orElseThrow();
  }

  /** σy in metres at {@code x} metres downwind: the class's, or the mean of the two. */
  public double sigmaY(SigmaCurves curves, double x) {
    return (curves.sigmaY(lower, x) + curves.sigmaY(upper, x)) / 2;
  }

  /** σz in metres at {@code x} metres downwind: the class's, or the mean of the two. */
  public double sigmaZ(SigmaCurves curves, double x) {
    return (curves.sigmaZ(lower, x) + curves.sigmaZ(upper, x)) / 2;
  }

  /** The wind-profile exponent: the class's, or the mean of the two. */
  public double windExponent(SigmaCurves curves) {
    return (curves.windExponent(lower) + curves.windExponent(upper)) / 2;
  }

  public String label() {
    return lower == upper ? lower.name() : lower + "-" + upper;
  }

  @Override
  public String toString() {
    return label();
  }
}
