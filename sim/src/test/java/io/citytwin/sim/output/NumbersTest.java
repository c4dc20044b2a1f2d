package io.citytwin.sim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

  /** Rounding is of the exact binary value: 2839.129085 is stored a hair above the tie, so it rounds up. */
  @ParameterizedTest
  @CsvSource({
      "0, 0", "-0.0, 0", "1, 1", "39050, 39050", "0.1, 0.1", "2.5e-7, 2.5E-7", "1e-6, 0.000001",
      "123456789.123, 123456789", "1234567891234, 1234567890000", "1e15, 1E+15", "-3.14159265358979, -3.14159265",
      "2839.129085, 2839.12909", "0.30000000000000004, 0.3"})
  void valuesHaveNineSignificantDigitsAndNoExponentInTheUsualRange(double in, String out) {
    assertThat(Numbers.value(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({"7.4272, 7.4272", "43.73960004, 43.7396", "43.73960006, 43.7396001", "-0.00000001, 0", "180, 180"})
  void coordinatesHaveSevenDecimals(double in, String out) {
    assertThat(Numbers.coordinate(in)).isEqualTo(out);
  }

  @Property
  void aValueReadsBackWithinItsPrecision(@ForAll double d) {
    if (!Double.isFinite(d)) {
      assertThatThrownBy(() -> Numbers.value(d)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    String text = Numbers.value(d);
    assertThat(text).doesNotContain(",").doesNotContain(" ");
    assertThat(Double.parseDouble(text)).isCloseTo(d, org.assertj.core.data.Offset.offset(Math.abs(d) * 5e-9));
  }

  @Property
  void aCoordinateReadsBackWithinHalfItsLastDigit(@ForAll @DoubleRange(min = -180, max = 180) double d) {
    assertThat(Double.parseDouble(Numbers.coordinate(d))).isCloseTo(d, org.assertj.core.data.Offset.offset(5.0001e-8));
  }
}
