package io.citytwin.sim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Axis tick labels that do not depend on the machine's locale (JFreeChart's own formats use the
 * default locale's decimal separator): 7 significant digits, plain notation from 1e-4 to below
 * 1e9, otherwise {@code 1.5E-8}. Seven digits tell apart the ticks of a latitude axis a few hundred
 * metres high ({@code 43.7405}, {@code 43.741}).
 */
final class TickLabels extends NumberFormat {
  private static final long serialVersionUID = 1L;
  private static final MathContext DIGITS = new MathContext(7, RoundingMode.HALF_EVEN);

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    if (!Double.isFinite(number)) {
      return to.append(number);
    }
    if (Math.abs(number) < 1e-300) {
      return to.append('0');
    }
    BigDecimal b = new BigDecimal(number).round(DIGITS).stripTrailingZeros();
    int exponent = b.precision() - b.scale() - 1;
    return to.append(exponent >= -4 && exponent < 9 ? b.toPlainString() : b.toString());
  }

  @Override
  public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
    return format((double) number, to, pos);
  }

  /** Labels are only written, never read back. */
  @Override
  public Number parse(String source, ParsePosition pos) {
    return null;
  }
}
