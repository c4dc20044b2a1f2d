package io.citytwin.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.twin.telemetry.Quantity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensorSignalTest {

    private static final ZoneId MONACO = ZoneId.of("Europe/Monaco");
    /** Local midnight of a working day in Monaco. */
    private static final long MIDNIGHT = LocalDate.of(2026, 11, 24).atStartOfDay(MONACO).toInstant().toEpochMilli();
    private static final long MINUTE = 60_000;

    private static SensorSignal signal(String id, Set<Quantity> quantities, long seed, FaultRates faults) {
        return new SensorSignal(SimulatedSensor.anonymous(id, quantities), seed, MONACO, faults);
    }

    /** Local hour (fractional) at which the noise-free value of q is largest (or smallest). */
    private static double hourOfExtreme(SensorSignal s, Quantity q, boolean max) {
        double bestHour = -1;
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (long m = 0; m < 24 * 60; m += 5) {
            double v = s.expected(q, MIDNIGHT + m * MINUTE);
            if (max ? v > best : v < best) {
                best = v;
                bestHour = m / 60.0;
            }
        }
        return bestHour;
    }

    @Test
    void trafficPollutionAndNoisePeakAtARushHour() {
        for (int i = 0; i < 20; i++) {
            SensorSignal s = signal("road-" + i, EnumSet.of(Quantity.PM25, Quantity.TRAFFIC_FLOW, Quantity.NOISE), 7, FaultRates.NONE);
            for (Quantity q : List.of(Quantity.PM25, Quantity.TRAFFIC_FLOW, Quantity.NOISE)) {
                double peak = hourOfExtreme(s, q, true);
                // Morning 08:00 or evening 18:00, give or take the sensor's half-hour phase.
                assertThat(Math.abs(peak - 8) <= 0.75 || Math.abs(peak - 18) <= 0.75).as(q + " peaks at " + peak).isTrue();
            }
            long rush = MIDNIGHT + 8 * 60 * MINUTE;
            long night = MIDNIGHT + 3 * 60 * MINUTE;
            assertThat(s.expected(Quantity.PM25, rush)).isGreaterThan(2 * s.expected(Quantity.PM25, night));
            assertThat(s.expected(Quantity.TRAFFIC_FLOW, rush)).isGreaterThan(5 * s.expected(Quantity.TRAFFIC_FLOW, night));
            assertThat(s.expected(Quantity.NOISE, rush)).isGreaterThan(s.expected(Quantity.NOISE, night) + 10);
        }
    }

    @Test
    void noisyRushHourReadingsStillStandOutFromTheNight() {
        SensorSignal s = signal("aq-1", EnumSet.of(Quantity.PM25), 3, FaultRates.NONE);
        double rush = 0;
        double night = 0;
        for (int i = 0; i < 60; i++) {
            night += s.next(MIDNIGHT + (150 + i) * MINUTE).value(Quantity.PM25);
            rush += s.next(MIDNIGHT + (450 + i) * MINUTE).value(Quantity.PM25);
        }
        assertThat(rush / 60).isGreaterThan(2 * (night / 60));
    }

    @Test
    void temperatureRisesToMidAfternoonAndFallsToBeforeDawn() {
        for (int i = 0; i < 20; i++) {
            SensorSignal s = signal("wx-" + i, EnumSet.of(Quantity.TEMPERATURE, Quantity.HUMIDITY), 11, FaultRates.NONE);
            assertThat(hourOfExtreme(s, Quantity.TEMPERATURE, true)).isBetween(14.0, 16.0);
            assertThat(hourOfExtreme(s, Quantity.TEMPERATURE, false)).isBetween(2.0, 4.0);
            assertThat(hourOfExtreme(s, Quantity.HUMIDITY, false)).isBetween(14.0, 16.0);
        }
    }

    @Test
    void waterLevelFollowsASemiDiurnalTide() {
        SensorSignal s = signal("wl-1", EnumSet.of(Quantity.WATER_LEVEL), 5, FaultRates.NONE);
        long period = Math.round(QuantityModel.TIDE_PERIOD_MS);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (long t = 0; t < period; t += 5 * MINUTE) {
            double v = s.expected(Quantity.WATER_LEVEL, MIDNIGHT + t);
            min = Math.min(min, v);
            max = Math.max(max, v);
            assertThat(s.expected(Quantity.WATER_LEVEL, MIDNIGHT + t + period)).isCloseTo(v, within(1e-6));
        }
        assertThat(max - min).isBetween(0.2, 0.4);
    }

    @Test
    void rainFallsOnEveryGaugeInTheSameHours() {
        SensorSignal a = signal("wl-1", EnumSet.of(Quantity.RAINFALL), 9, FaultRates.NONE);
        SensorSignal b = signal("wl-2", EnumSet.of(Quantity.RAINFALL), 9, FaultRates.NONE);
        int wetHours = 0;
        for (int h = 0; h < 24 * 60; h++) {
            long t = MIDNIGHT + h * 60 * MINUTE;
            boolean wetA = a.expected(Quantity.RAINFALL, t) > 0;
            assertThat(b.expected(Quantity.RAINFALL, t) > 0).isEqualTo(wetA);
            wetHours += wetA ? 1 : 0;
        }
        // About 8 % of 1,440 hours.
        assertThat(wetHours).isBetween(60, 180);
    }

    @Test
    void healthyValuesStayWithinEveryQuantitysRange() {
        Set<Quantity> all = EnumSet.allOf(Quantity.class);
        for (int i = 0; i < 5; i++) {
            SensorSignal s = signal("all-" + i, all, i, FaultRates.NONE);
            for (long t = 0; t < 14 * 24 * 60; t += 3) {
                Sample sample = s.next(MIDNIGHT + t * MINUTE);
                assertThat(sample.fault()).isEqualTo(Sample.Fault.NONE);
                for (Quantity q : all) {
                    double v = sample.value(q);
                    assertThat(q.admits(v)).as(q + " = " + v).isTrue();
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSeriesAndAnotherSeedOrSensorAnother() {
        Set<Quantity> q = EnumSet.of(Quantity.PM25, Quantity.NO2, Quantity.TEMPERATURE);
        List<double[]> a = series(signal("aq-1", q, 42, FaultRates.DEFAULT));
        assertThat(series(signal("aq-1", q, 42, FaultRates.DEFAULT))).usingElementComparator(Arrays::compare).isEqualTo(a);
        assertThat(series(signal("aq-1", q, 43, FaultRates.DEFAULT))).usingElementComparator(Arrays::compare).isNotEqualTo(a);
        assertThat(series(signal("aq-2", q, 42, FaultRates.DEFAULT))).usingElementComparator(Arrays::compare).isNotEqualTo(a);
    }

    private static List<double[]> series(SensorSignal s) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Sample sample = s.next(MIDNIGHT + i * MINUTE);
            out.add(sample == null ? new double[0] : sample.values());
        }
        return out;
    }

    @Test
    void faultsAreStuckValuesDropoutsAndOutOfRangeSpikes() {
        Set<Quantity> q = EnumSet.of(Quantity.NOISE, Quantity.CROWD_DENSITY);
        SensorSignal s = signal("crowd-1", q, 1, new FaultRates(0.03, 0.03, 0.03));
        int dropouts = 0;
        int stuck = 0;
        int spikes = 0;
        Sample previous = null;
        for (int i = 0; i < 10_000; i++) {
            Sample sample = s.next(MIDNIGHT + i * MINUTE);
            if (sample == null) {
                dropouts++;
            } else if (sample.fault() == Sample.Fault.SPIKE) {
                spikes++;
                long outside = q.stream().filter(x -> !x.admits(sample.value(x))).count();
                assertThat(outside).isEqualTo(1);
            } else if (sample.fault() == Sample.Fault.STUCK) {
                stuck++;
                assertThat(previous).isNotNull();
                assertThat(sample.values()).containsExactly(previous.values());
            } else {
                q.forEach(x -> assertThat(x.admits(sample.value(x))).isTrue());
            }
            previous = sample;
        }
        assertThat(dropouts).isGreaterThan(100);
        assertThat(stuck).isGreaterThan(100);
        assertThat(spikes).isGreaterThan(100);
    }

    @Test
    void aFlawlessFleetHasNoFaults() {
        SensorSignal s = signal("crowd-1", EnumSet.of(Quantity.NOISE), 1, FaultRates.NONE);
        for (int i = 0; i < 10_000; i++) {
            Sample sample = s.next(MIDNIGHT + i * MINUTE);
            assertThat(sample).isNotNull();
            assertThat(sample.fault()).isEqualTo(Sample.Fault.NONE);
        }
    }
}
