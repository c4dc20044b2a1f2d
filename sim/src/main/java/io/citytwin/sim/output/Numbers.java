package io.citytwin.sim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The fixed number formats of the outputs. Text is derived from the exact binary value of the
 * double, independent of the platform's locale, so the same value always gives the same bytes.
 */
final class Numbers {
  /** Nine significant digits: well inside double precision, so last-bit noise rarely shows. */
  private static final MathContext VALUE = new MathContext(9, RoundingMode.HALF_EVEN);
  /** Seven decimal places of a degree: about 1 cm on the ground. */
  static final int COORDINATE_DECIMALS = 7;

  private Numbers() {}

  /**
   * A metric or summary value: 9 significant digits, half-even rounding, no trailing zeros, plain
   * notation for magnitudes from 1e-6 to below 1e15 and otherwise {@code 1.5E-9} style; {@code 0}
   * for zero and negative zero.
   *
   * @throws IllegalArgumentException for NaN or infinity (the callers write those as empty/null)
   */
  static String value(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal b = new BigDecimal(d).round(VALUE).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    return exponent >= -6 && exponent < 15 ? b.toPlainString() : b.toString();
  }

  /** A WGS84 coordinate: 7 decimal places, half-even, no trailing zeros. */
  static String coordinate(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite coordinate: " + d);
    }
    BigDecimal b = new BigDecimal(d).setScale(COORDINATE_DECIMALS, RoundingMode.HALF_EVEN);
    return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
  }
}
