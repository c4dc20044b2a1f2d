package io.citytwin.ingest.fleet;

import io.citytwin.twin.telemetry.Quantity;

import java.util.EnumMap;
import java.util.Map;

/**
 * The noise-free expected value of each quantity over a day, in canonical units: a base plus an
 * amplitude times a daily shape (rush-hour peaks at 08:00 and 18:00 for traffic, pollutants and
 * noise; a mid-afternoon maximum for temperature and ozone; an evening peak for crowds), a
 * semi-diurnal tide (period 12 h 25 min) for water level, and city-wide showers for rainfall.
 * Each sensor scales and shifts these with its own traits (see {@link SensorSignal}).
 *
 * <p>Pure functions; thread-safe.
 */
final class QuantityModel {

    /** Mean lunar semi-diurnal tide period (M2), ms. */
    static final double TIDE_PERIOD_MS = 12.4206 * 3_600_000;
    /** Tide amplitude in the western Mediterranean, m (Monaco's range is a few tens of cm). */
    static final double TIDE_AMPLITUDE_M = 0.12;
    /** Share of hours with a shower somewhere over the city. */
    static final double SHOWER_HOURS = 0.08;

    enum Shape { FLAT, RUSH_HOUR, AFTERNOON, MORNING_LOW, EVENING, TIDE, SHOWERS }

    /**
     * @param base     value at the shape's zero, canonical unit
     * @param amplitude added at the shape's maximum (negative: the quantity dips instead)
     * @param shape    daily pattern
     * @param noise    standard deviation of the Gaussian noise, canonical unit
     * @param decimals digits kept after the decimal point
     */
    record Profile(double base, double amplitude, Shape shape, double noise, int decimals) {}

    private static final Map<Quantity, Profile> PROFILES = new EnumMap<>(Quantity.class);

    static {
        PROFILES.put(Quantity.PM25, new Profile(8, 27, Shape.RUSH_HOUR, 2, 1));
        PROFILES.put(Quantity.PM10, new Profile(14, 38, Shape.RUSH_HOUR, 3, 1));
        PROFILES.put(Quantity.NO2, new Profile(12, 70, Shape.RUSH_HOUR, 4, 1));
        PROFILES.put(Quantity.O3, new Profile(25, 75, Shape.AFTERNOON, 5, 1));
        PROFILES.put(Quantity.CO, new Profile(0.2, 1.6, Shape.RUSH_HOUR, 0.08, 2));
        PROFILES.put(Quantity.GAS, new Profile(1.0, 0, Shape.FLAT, 0.3, 2));
        PROFILES.put(Quantity.TEMPERATURE, new Profile(12, 9, Shape.AFTERNOON, 0.3, 1));
        PROFILES.put(Quantity.HUMIDITY, new Profile(55, 30, Shape.MORNING_LOW, 2, 0));
        PROFILES.put(Quantity.WATER_LEVEL, new Profile(0, TIDE_AMPLITUDE_M, Shape.TIDE, 0.005, 3));
        PROFILES.put(Quantity.RAINFALL, new Profile(0, 12, Shape.SHOWERS, 0.2, 1));
        PROFILES.put(Quantity.SMOKE, new Profile(0.02, 0, Shape.FLAT, 0.02, 3));
        PROFILES.put(Quantity.TRAFFIC_FLOW, new Profile(60, 1500, Shape.RUSH_HOUR, 50, 0));
        PROFILES.put(Quantity.SPEED, new Profile(48, -22, Shape.RUSH_HOUR, 3, 1));
        PROFILES.put(Quantity.CROWD_DENSITY, new Profile(0.05, 1.5, Shape.EVENING, 0.05, 2));
        PROFILES.put(Quantity.NOISE, new Profile(42, 26, Shape.RUSH_HOUR, 2, 1));
        PROFILES.put(Quantity.BEDS_FREE, new Profile(30, -12, Shape.AFTERNOON, 2, 0));
        PROFILES.put(Quantity.OCCUPANCY, new Profile(20, 900, Shape.EVENING, 25, 0));
        if (PROFILES.size() != Quantity.values().length) {
            throw new IllegalStateException("every quantity needs a profile");
        }
    }

    private QuantityModel() {
    }

    static Profile profile(Quantity q) {
        return PROFILES.get(q);
    }

    /**
     * The daily shape at local hour {@code h} (0 to 24, fractional), in 0..1; TIDE and SHOWERS
     * depend on absolute time instead and are evaluated by {@link #shape(Shape, double, long, long)}.
     */
    static double dailyShape(Shape shape, double h) {
        switch (shape) {
            case FLAT:
                return 0;
            case RUSH_HOUR:
                return 0.1 + 0.4 * daytime(h) + 0.5 * Math.max(bump(h, 8, 1.0), bump(h, 18, 1.2));
            case AFTERNOON:
                return 0.5 + 0.5 * Math.cos(2 * Math.PI * (h - 15) / 24);
            case MORNING_LOW:
                return 0.5 - 0.5 * Math.cos(2 * Math.PI * (h - 15) / 24);
            case EVENING:
                return Math.max(bump(h, 21, 2.0), 0.35 * bump(h, 13, 1.5));
            default:
                throw new IllegalArgumentException(shape + " is not a daily shape");
        }
    }

    /** The shape at local hour {@code h} and absolute time {@code epochMillis}. */
    static double shape(Shape shape, double h, long epochMillis, long citySeed) {
        switch (shape) {
            case TIDE:
                return Math.sin(2 * Math.PI * (epochMillis / TIDE_PERIOD_MS));
            case SHOWERS:
                return shower(Math.floorDiv(epochMillis, 3_600_000L), citySeed);
            default:
                return dailyShape(shape, h);
        }
    }

    /**
     * Rain intensity share (0..1) for one clock hour: the same for every gauge in the city, so a
     * shower shows up everywhere at once, as one would.
     */
    static double shower(long hourIndex, long citySeed) {
        long h = Mix.mix(citySeed ^ Mix.mix(hourIndex));
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= SHOWER_HOURS) {
            return 0;
        }
        return 0.1 + 0.9 * (u / SHOWER_HOURS);
    }

    /** Smooth step up around 07:00 and down around 20:00. */
    private static double daytime(double h) {
        return 1 / (1 + Math.exp(-2 * (h - 7))) * (1 / (1 + Math.exp(2 * (h - 20))));
    }

    /** A Gaussian bump centred on hour {@code mu}, wrapping around midnight. */
    private static double bump(double h, double mu, double sigma) {
        double d = Math.abs(h - mu);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / sigma) * (d / sigma));
    }

    /** SplitMix64 finaliser: a fixed, well-mixed hash of a long (no {@code Random} state). */
    static final class Mix {
        private Mix() {
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
