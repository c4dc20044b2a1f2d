package io.citytwin.twin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "pm25, ug/m3", "temperature, Cel", "water_level, m", "rainfall, mm/h", "smoke, %obs/m",
        "gas, ppm", "traffic_flow, veh/h", "speed, km/h", "crowd_density, persons/m2", "noise, dBA",
        "beds_free, count", "pm10, ug/m3", "no2, ug/m3", "humidity, %RH", "co, ppm", "occupancy, count"})
    void designContractNamesAndUnits(String name, String unit) {
        assertThat(Quantity.byName(name)).isNotNull();
        assertThat(Quantity.byName(name).canonicalUnit()).isEqualTo(unit);
    }

    @Test
    void unknownNamesAreNotQuantities() {
        assertThat(Quantity.byName("PM25")).isNull();
        assertThat(Quantity.byName("radiation")).isNull();
        assertThat(Quantity.byName("ts")).isNull();
        assertThat(Quantity.byName("lat")).isNull();
    }

    @ParameterizedTest(name = "{2} {3} -> {1} {0}")
    @CsvSource({
        "temperature, 26.85,          K,     300",
        "temperature, 0,              K,     273.15",
        "temperature, 100,            degF,  212",
        "temperature, -40,            degF,  -40",
        "temperature, 0,              degF,  32",
        "water_level, 2.5,            cm,    250",
        "water_level, 1.234,          mm,    1234",
        "water_level, -0.75,          cm,    -75",
        "rainfall,    12,             m/h,   0.012",
        "speed,       36,             m/s,   10",
        "speed,       90,             m/s,   25",
        "pm25,        35,             mg/m3, 0.035",
        "pm10,        1,              kg/m3, 1e-9",
        "co,          35,             ppb,   35000",
        "gas,         5000,           %,     0.5",
        "gas,         250,            /,     0.00025",
        "traffic_flow, 1200,          1/min, 20",
        "traffic_flow, 1800,          1/s,   0.5",
        "traffic_flow, 640,           1/h,   640"})
    void convertsToCanonicalUnit(String name, double expected, String unit, double value) {
        Quantity quantity = Quantity.byName(name);
        assertThat(quantity.conversionFrom(unit).apply(value)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void exactConversionsStayExact() {
        assertThat(Quantity.TEMPERATURE.conversionFrom("degF").apply(212)).isEqualTo(100.0);
        assertThat(Quantity.WATER_LEVEL.conversionFrom("cm").apply(250)).isEqualTo(2.5);
        assertThat(Quantity.SPEED.conversionFrom("m/s").apply(10)).isEqualTo(36.0);
        assertThat(Quantity.TRAFFIC_FLOW.conversionFrom("1/s").apply(0.5)).isEqualTo(1800.0);
    }

    @Test
    void unsoundConversionsAreAbsent() {
        assertThat(Quantity.NOISE.conversionFrom("dB")).isNull();
        assertThat(Quantity.GAS.conversionFrom("%LEL")).isNull();
        assertThat(Quantity.SMOKE.conversionFrom("%obs/ft")).isNull();
        assertThat(Quantity.HUMIDITY.conversionFrom("%")).isNull();
        assertThat(Quantity.PM25.conversionFrom("ppm")).isNull();
        assertThat(Quantity.TEMPERATURE.conversionFrom("cel")).isNull();
    }

    @Test
    void rangesAreInclusiveAndCountsWhole() {
        assertThat(Quantity.TEMPERATURE.admits(-60)).isTrue();
        assertThat(Quantity.TEMPERATURE.admits(70)).isTrue();
        assertThat(Quantity.TEMPERATURE.admits(70.01)).isFalse();
        assertThat(Quantity.TEMPERATURE.admits(-60.01)).isFalse();
        assertThat(Quantity.WATER_LEVEL.admits(-10)).isTrue();
        assertThat(Quantity.WATER_LEVEL.admits(20.5)).isFalse();
        assertThat(Quantity.PM25.admits(2000)).isTrue();
        assertThat(Quantity.PM25.admits(-0.1)).isFalse();
        assertThat(Quantity.BEDS_FREE.admits(12)).isTrue();
        assertThat(Quantity.BEDS_FREE.admits(12.5)).isFalse();
        assertThat(Quantity.HUMIDITY.admits(Double.NaN)).isFalse();
    }

    @Test
    void fewerThan64QuantitiesSoBitmasksWork() {
        assertThat(Quantity.values().length).isLessThan(64);
    }
}
