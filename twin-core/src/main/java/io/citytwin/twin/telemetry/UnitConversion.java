package io.citytwin.twin.telemetry;

/**
 * An affine conversion into a quantity's canonical unit, evaluated as
 * {@code (value + add) * multiply / divide}.
 *
 * <p>The three-step form keeps common conversions exact in binary floating point: 250 cm is
 * {@code 250 / 100 = 2.5} m and 212 degF is {@code (212 - 32) * 5 / 9 = 100} Cel, where a single
 * pre-computed factor (0.01, 0.5555…) would round. Immutable and thread-safe.
 *
 * @param add      offset applied first, in the source unit
 * @param multiply factor applied second
 * @param divide   divisor applied last, never zero
 */
public record UnitConversion(double add, double multiply, double divide) {

    /** The canonical unit itself. */
    public static final UnitConversion IDENTITY = new UnitConversion(0, 1, 1);

    public UnitConversion {
        if (!Double.isFinite(add) || !Double.isFinite(multiply) || !Double.isFinite(divide)
                || multiply == 0 || divide == 0) {
            throw new IllegalArgumentException("conversion needs finite add and non-zero multiply/divide");
        }
    }

    public static UnitConversion scale(double multiply) {
        return new UnitConversion(0, multiply, 1);
    }

    public static UnitConversion divideBy(double divide) {
        return new UnitConversion(0, 1, divide);
    }

    /** Converts {@code value} (in the source unit) to the canonical unit. */
    public double apply(double value) {
        if (this == IDENTITY) {
            return value;
        }
        return (value + add) * multiply / divide;
    }
}
