package io.citytwin.twin.sensor.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Degrees as written to registry files. */
final class Coordinates {
  /** 7 decimals of a degree: about 1 cm, below any sensor's positioning accuracy. */
  static final int DECIMALS = 7;

  private Coordinates() {}

  /**
   * Plain decimal text of {@code degrees} rounded to {@link #DECIMALS}, from the double's exact
   * value, so the same double gives the same text on every JVM (unlike {@code Double.toString}).
   */
  static String format(double degrees) {
    BigDecimal d = new BigDecimal(degrees).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }
}
