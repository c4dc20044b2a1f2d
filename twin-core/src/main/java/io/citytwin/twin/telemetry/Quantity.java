package io.citytwin.twin.telemetry;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue of telemetry quantities: canonical name (the JSON key or SenML record name),
 * canonical unit, the physically plausible range of a canonical value, and the source units
 * that convert into the canonical one.
 *
 * <p>Unit symbols follow the SenML registries (RFC 8428 section 12.1 and the RFC 8798 secondary
 * units) where a symbol exists there: {@code Cel}, {@code K}, {@code m}, {@code cm}, {@code mm},
 * {@code %RH}, {@code km/h}, {@code m/s}, {@code mm/h}, {@code m/h}, {@code ug/m3},
 * {@code kg/m3}, {@code ppm}, {@code /}, {@code %}, {@code 1/s}, {@code 1/min}, {@code count}.
 * Where the registries have none, CityTwin uses the symbols from DESIGN.md: {@code %obs/m},
 * {@code veh/h}, {@code persons/m2}, {@code dBA}, plus {@code mg/m3}, {@code ppb}, {@code degF}
 * and {@code 1/h} as accepted source units.
 *
 * <p>Only physically sound conversions are offered. Deliberately absent: {@code dB} to
 * {@code dBA} (A-weighting depends on the spectrum), {@code %LEL} to {@code ppm} (depends on
 * the gas), and {@code %obs/ft} to {@code %obs/m} (obscuration compounds exponentially with
 * path length, it does not scale linearly).
 */
public enum Quantity {
    /** Fine particulate matter, mass concentration. */
    PM25("pm25", "ug/m3", 0, 2000, false, massConcentration()),
    /** Coarse particulate matter, mass concentration. */
    PM10("pm10", "ug/m3", 0, 5000, false, massConcentration()),
    /** Nitrogen dioxide, mass concentration. */
    NO2("no2", "ug/m3", 0, 2000, false, massConcentration()),
    /** Ozone, mass concentration. */
    O3("o3", "ug/m3", 0, 1000, false, massConcentration()),
    /** Carbon monoxide (CO alarms, car parks), volume fraction. */
    CO("co", "ppm", 0, 10_000, false, volumeFraction()),
    /** Combustible or toxic gas detector reading, volume fraction. */
    GAS("gas", "ppm", 0, 1_000_000, false, volumeFraction()),
    /** Air or water temperature. */
    TEMPERATURE("temperature", "Cel", -60, 70, false, units(
            "K", new UnitConversion(-273.15, 1, 1),
            "degF", new UnitConversion(-32, 5, 9))),
    /** Relative humidity. */
    HUMIDITY("humidity", "%RH", 0, 100, false, units()),
    /** Water level against the gauge datum (negative below it: tides, basements). */
    WATER_LEVEL("water_level", "m", -10, 20, false, units(
            "cm", UnitConversion.divideBy(100),
            "mm", UnitConversion.divideBy(1000))),
    /** Rainfall intensity. */
    RAINFALL("rainfall", "mm/h", 0, 1000, false, units(
            "m/h", UnitConversion.scale(1000))),
    /** Smoke obscuration per metre (optical smoke detectors). */
    SMOKE("smoke", "%obs/m", 0, 100, false, units()),
    /** Vehicles passing a counter per hour. */
    TRAFFIC_FLOW("traffic_flow", "veh/h", 0, 20_000, false, units(
            "1/h", UnitConversion.IDENTITY,
            "1/min", UnitConversion.scale(60),
            "1/s", UnitConversion.scale(3600))),
    /** Mean traffic speed. */
    SPEED("speed", "km/h", 0, 300, false, units(
            "m/s", new UnitConversion(0, 36, 10))),
    /** People per square metre (about 9 is physically packed solid). */
    CROWD_DENSITY("crowd_density", "persons/m2", 0, 10, false, units()),
    /** A-weighted sound level; 194 dB is the loudest undistorted sound in air. */
    NOISE("noise", "dBA", 0, 194, false, units()),
    /** Free hospital beds, a whole number. */
    BEDS_FREE("beds_free", "count", 0, 10_000, true, units()),
    /** People present in a venue, building or area, a whole number. */
    OCCUPANCY("occupancy", "count", 0, 1_000_000, true, units());

    private static final Map<String, Quantity> BY_NAME;

    static {
        Map<String, Quantity> byName = new HashMap<>();
        for (Quantity q : values()) {
            byName.put(q.canonicalName, q);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private final String canonicalName;
    private final String canonicalUnit;
    private final double min;
    private final double max;
    private final boolean wholeNumber;
    private final Map<String, UnitConversion> conversions;

    Quantity(String canonicalName, String canonicalUnit, double min, double max, boolean wholeNumber,
            Map<String, UnitConversion> alternatives) {
        this.canonicalName = canonicalName;
        this.canonicalUnit = canonicalUnit;
        this.min = min;
        this.max = max;
        this.wholeNumber = wholeNumber;
        Map<String, UnitConversion> all = new LinkedHashMap<>();
        all.put(canonicalUnit, UnitConversion.IDENTITY);
        all.putAll(alternatives);
        this.conversions = Collections.unmodifiableMap(all);
    }

    /** Unit symbol and conversion pairs, kept in the given order (it shows up in rejection details). */
    private static Map<String, UnitConversion> units(Object... symbolAndConversion) {
        Map<String, UnitConversion> units = new LinkedHashMap<>();
        for (int i = 0; i < symbolAndConversion.length; i += 2) {
            units.put((String) symbolAndConversion[i], (UnitConversion) symbolAndConversion[i + 1]);
        }
        return units;
    }

    private static Map<String, UnitConversion> massConcentration() {
        return units("mg/m3", UnitConversion.scale(1000), "kg/m3", UnitConversion.scale(1e9));
    }

    private static Map<String, UnitConversion> volumeFraction() {
        return units("ppb", UnitConversion.divideBy(1000),
                "/", UnitConversion.scale(1_000_000),
                "%", UnitConversion.scale(10_000));
    }

    /** Looks a quantity up by its canonical name; {@code null} when there is none. */
    public static Quantity byName(String name) {
        return BY_NAME.get(name);
    }

    /** The name used as JSON key and SenML record name, e.g. {@code pm25}. */
    public String canonicalName() {
        return canonicalName;
    }

    /** The unit every normalised {@link Reading} of this quantity is in, e.g. {@code ug/m3}. */
    public String canonicalUnit() {
        return canonicalUnit;
    }

    /** Smallest plausible value, in the canonical unit. */
    public double min() {
        return min;
    }

    /** Largest plausible value, in the canonical unit. */
    public double max() {
        return max;
    }

    /** Whether only whole numbers are admissible (counts). */
    public boolean wholeNumber() {
        return wholeNumber;
    }

    /** Every accepted unit (canonical first) with its conversion to the canonical unit. */
    public Map<String, UnitConversion> conversions() {
        return conversions;
    }

    /** The conversion from {@code unit} to the canonical unit, or {@code null} if there is none. */
    public UnitConversion conversionFrom(String unit) {
        return conversions.get(unit);
    }

    /** Whether a canonical value is physically plausible for this quantity. */
    public boolean admits(double canonicalValue) {
        return canonicalValue >= min && canonicalValue <= max
                && (!wholeNumber || canonicalValue == Math.rint(canonicalValue));
    }

    /** Mask bit for allocation-free sets of quantities (there are fewer than 64). */
    public long bit() {
        return 1L << ordinal();
    }
}
