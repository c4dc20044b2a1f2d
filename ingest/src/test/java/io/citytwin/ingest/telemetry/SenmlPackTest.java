package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.decode;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.readings;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SenML packs (RFC 8428), starting from the section 5 examples with our quantities. */
class SenmlPackTest {

    private static final String OW = "10e2073a01080063";

    @Test
    void designExample() {
        List<Reading> readings = readings(decode("s-17",
                "[{\"bn\":\"urn:dev:s-17:\",\"bt\":1.7953344e9,\"n\":\"pm25\",\"u\":\"ug/m3\",\"v\":35.2}]"));
        assertThat(readings).containsExactly(new Reading("s-17", Quantity.PM25, 35.2, 1_795_334_400_000L, null));
    }

    @Test
    void rfc8428SingleDatapoint() { // section 5.1.1, name extended by the quantity
        assertThat(readings(decode(OW, "[{\"n\":\"urn:dev:ow:10e2073a01080063:temperature\",\"u\":\"Cel\",\"v\":23.1}]")))
                .containsExactly(new Reading(OW, Quantity.TEMPERATURE, 23.1, NOW, null));
    }

    @Test
    void rfc8428MultipleDatapoints() { // section 5.1.2: voltage/current become temperature/humidity
        assertThat(readings(decode(OW, "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"temperature\",\"u\":\"Cel\","
                + "\"v\":20.1},{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":41.2}]")))
                .containsExactly(new Reading(OW, Quantity.TEMPERATURE, 20.1, NOW, null),
                        new Reading(OW, Quantity.HUMIDITY, 41.2, NOW, null));
    }

    @Test
    void rfc8428MultipleMeasurementsWithRelativeTimes() {
        // Section 5.1.3, with the RFC's own base time (2010-06-08T18:01:16.001Z), base unit and bver.
        String pack = "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"bt\":1.276020076001e+09,\"bu\":\"cm\",\"bver\":5,"
                + "\"n\":\"temperature\",\"u\":\"Cel\",\"v\":12.1},"
                + "{\"n\":\"water_level\",\"t\":-5,\"v\":120},"
                + "{\"n\":\"water_level\",\"t\":-4,\"v\":130},"
                + "{\"n\":\"water_level\",\"t\":-3,\"v\":140},"
                + "{\"n\":\"water_level\",\"t\":-2,\"v\":150},"
                + "{\"n\":\"water_level\",\"t\":-1,\"v\":160},"
                + "{\"n\":\"water_level\",\"v\":1.7,\"u\":\"m\"}]";
        long bt = 1_276_020_076_001L;
        List<Reading> readings = readings(Fleet.DECODER.decode(OW, Fleet.utf8(pack), bt + 2_000));
        assertThat(readings).hasSize(7);
        assertThat(readings.get(0)).isEqualTo(new Reading(OW, Quantity.TEMPERATURE, 12.1, bt, null));
        assertThat(readings).extracting(Reading::timestampMillis)
                .containsExactly(bt, bt - 5000, bt - 4000, bt - 3000, bt - 2000, bt - 1000, bt);
        assertThat(readings).extracting(Reading::value)
                .containsExactly(12.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7);
    }

    @Test
    void rfc8428ResolvedRecordsWithAbsoluteTimes() { // section 5.1.4 style: full names, absolute t
        String pack = "[{\"n\":\"urn:dev:ow:10e2073a01080063:temperature\",\"u\":\"Cel\",\"t\":1.795334395e+09,\"v\":7.1},"
                + "{\"n\":\"urn:dev:ow:10e2073a01080063:temperature\",\"u\":\"K\",\"t\":1.7953343955e+09,\"v\":280.25}]";
        List<Reading> readings = readings(decode(OW, pack));
        assertThat(readings).extracting(Reading::timestampMillis).containsExactly(1_795_334_395_000L, 1_795_334_395_500L);
        assertThat(readings.get(1).value()).isCloseTo(7.1, within(1e-9));
    }

    @Test
    void rfc8428MultipleDataTypesAreNotNumbers() { // section 5.1.5: vs/vb are legal SenML, not telemetry
        assertThat(rejection(decode(OW, "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"temperature\",\"u\":\"Cel\","
                + "\"v\":23.1},{\"n\":\"humidity\",\"vs\":\"dry\"}]"), RejectReason.NOT_A_NUMBER).detail())
                .isEqualTo("SenML record [1] 'humidity' carries vs (string); telemetry quantities are numbers (v)");
        rejection(decode(OW, "[{\"n\":\"humidity\",\"vb\":true}]"), RejectReason.NOT_A_NUMBER);
        rejection(decode(OW, "[{\"n\":\"humidity\",\"vd\":\"aGkgCg\"}]"), RejectReason.NOT_A_NUMBER);
    }

    @Test
    void rfc8428CollectionOfDevicesIsASensorMismatch() { // section 5.1.6: a second device in the pack
        String pack = "[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"n\":\"humidity\",\"u\":\"%RH\",\"v\":21.2},"
                + "{\"bn\":\"urn:dev:ow:10e2073a01080064:\",\"n\":\"humidity\",\"u\":\"%RH\",\"v\":21.3}]";
        assertThat(rejection(decode(OW, pack), RejectReason.SENSOR_MISMATCH).detail())
                .isEqualTo("SenML record [1] 'urn:dev:ow:10e2073a01080064:humidity' belongs to device "
                        + "'urn:dev:ow:10e2073a01080064', not to the topic's sensor '10e2073a01080063'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"s-17:pm25\",\"v\":1}]",
        "[{\"n\":\"s-17/pm25\",\"v\":1}]",
        "[{\"bn\":\"s-17/\",\"n\":\"pm25\",\"v\":1}]",
        "[{\"bn\":\"urn:dev:s-17:\",\"n\":\"pm25\",\"v\":1}]",
        "[{\"bn\":\"city/monaco/s-17/pm25\",\"v\":1}]"})
    void namesOfTheTopicSensor(String pack) {
        assertThat(readings(decode("s-17", pack))).extracting(Reading::quantity).containsExactly(Quantity.PM25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"bn\":\"urn:dev:s-18:\",\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"xs-17:pm25\",\"v\":1}]",
        "[{\"n\":\"s-1:pm25\",\"v\":1}]",
        "[{\"bn\":\"s-17:pm25/\",\"n\":\"avg\",\"v\":1}]"})
    void namesOfOtherSensors(String pack) {
        rejection(decode("s-17", pack), RejectReason.SENSOR_MISMATCH);
    }

    @Test
    void baseValueAndBaseUnitApplyUntilOverridden() {
        String pack = "[{\"bn\":\"wl-port-1:\",\"bu\":\"cm\",\"bv\":100,\"n\":\"water_level\",\"v\":5},"
                + "{\"n\":\"water_level\",\"t\":-1,\"v\":-5},"
                + "{\"n\":\"water_level\",\"t\":-2},"
                + "{\"bu\":\"mm\",\"bv\":0,\"n\":\"water_level\",\"t\":-3,\"v\":2500},"
                + "{\"n\":\"rainfall\",\"u\":\"mm/h\",\"t\":-3,\"v\":4.5}]";
        assertThat(readings(decode("wl-port-1", pack))).extracting(Reading::value)
                .containsExactly(1.05, 0.95, 1.0, 2.5, 4.5);
    }

    @Test
    void baseOnlyRecordsSetContext() {
        String pack = "[{\"bn\":\"tc-12:\",\"bt\":1.7953344e9},{\"n\":\"traffic_flow\",\"u\":\"1/min\",\"v\":22},"
                + "{\"n\":\"speed\",\"u\":\"m/s\",\"v\":12.5,\"t\":-60}]";
        assertThat(readings(decode("tc-12", pack))).containsExactly(
                new Reading("tc-12", Quantity.TRAFFIC_FLOW, 1320.0, 1_795_334_400_000L, null),
                new Reading("tc-12", Quantity.SPEED, 45.0, 1_795_334_340_000L, null));
    }

    @Test
    void relativeTimesWithoutBaseTimeCountFromReceipt() {
        assertThat(readings(decode("aq-001", "[{\"n\":\"pm25\",\"v\":3,\"t\":-90.5}]")).get(0).timestampMillis())
                .isEqualTo(NOW - 90_500);
    }

    @Test
    void positionRecordsLocateReadingsAtTheSameTime() {
        String pack = "[{\"bn\":\"crowd-1:\",\"bt\":1.7953344e9,\"n\":\"lat\",\"u\":\"lat\",\"v\":43.7311},"
                + "{\"n\":\"lon\",\"v\":7.4197},{\"n\":\"crowd_density\",\"v\":2.5},"
                + "{\"n\":\"noise\",\"t\":-30,\"v\":71}]";
        List<Reading> readings = readings(decode("crowd-1", pack));
        assertThat(readings.get(0).position()).isEqualTo(new Position(43.7311, 7.4197));
        assertThat(readings.get(1).position()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"n\":\"lat\",\"v\":43.7},{\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"lat\",\"v\":43.7},{\"n\":\"lon\",\"v\":7.4,\"t\":-1},{\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"lat\",\"v\":43.7},{\"n\":\"lat\",\"v\":43.8},{\"n\":\"lon\",\"v\":7.4},{\"n\":\"pm25\",\"v\":1}]"})
    void unpairedPositionsAreInvalid(String pack) {
        rejection(decode("aq-001", pack), RejectReason.INVALID_STRUCTURE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"n\":\"pm25\",\"u\":\"Cel\",\"v\":1}]",
        "[{\"n\":\"pm25\",\"u\":\"ppm\",\"v\":1}]",
        "[{\"bu\":\"furlong\",\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"temperature\",\"u\":\"cel\",\"v\":1}]",
        "[{\"n\":\"lat\",\"u\":\"deg\",\"v\":43.7},{\"n\":\"lon\",\"v\":7.4},{\"n\":\"pm25\",\"v\":1}]"})
    void unitsThatDoNotConvert(String pack) {
        rejection(decode("aq-001", pack), RejectReason.UNIT_MISMATCH);
    }

    @Test
    void unitMismatchNamesTheAcceptedUnits() {
        assertThat(rejection(decode("aq-001", "[{\"n\":\"temperature\",\"u\":\"dB\",\"v\":1}]"), RejectReason.UNIT_MISMATCH)
                .detail()).isEqualTo("SenML record [0] 'temperature': unit 'dB' does not convert to temperature's Cel"
                        + " (accepted: Cel, K, degF)");
    }

    @Test
    void convertedValuesAreRangeChecked() {
        rejection(decode("aq-001", "[{\"n\":\"temperature\",\"u\":\"K\",\"v\":20}]"), RejectReason.OUT_OF_RANGE);
        rejection(decode("wl-port-1", "[{\"n\":\"water_level\",\"u\":\"cm\",\"v\":2500}]"), RejectReason.OUT_OF_RANGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"bt\":3.25e10,\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":\"pm25\",\"v\":1,\"t\":3600}]",
        "[{\"n\":\"pm25\",\"v\":1,\"t\":1.0e9}]",
        "[{\"n\":\"pm25\",\"v\":1,\"t\":-700000}]",
        "[{\"n\":\"pm25\",\"v\":1,\"t\":\"now\"}]",
        "[{\"bt\":NaN,\"n\":\"pm25\",\"v\":1}]"})
    void badTimes(String pack) {
        rejection(decode("aq-001", pack), RejectReason.BAD_TIMESTAMP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[{\"bn\":\"aq-001:\"}]", "[{\"bver\":10,\"bt\":1.7953344e9}]",
        "[{\"n\":\"lat\",\"v\":43.7},{\"n\":\"lon\",\"v\":7.4}]"})
    void packsWithoutMeasurementsAreEmpty(String pack) {
        rejection(decode("aq-001", pack), RejectReason.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[42]", "[[]]", "[{}]", "[{\"pm25\":3}]", "[{\"n\":\"pm25\",\"v\":1}, \"pm25\"]",
        "[{\"v\":1}]",
        "[{\"n\":\"pm25\"}]",
        "[{\"n\":\"pm25\",\"s\":10}]",
        "[{\"n\":\"pm25\",\"v\":1,\"vs\":\"1\"}]",
        "[{\"n\":\"pm25\",\"v\":1,\"v\":2}]",
        "[{\"n\":\"pm25\",\"v\":1,\"crit_\":true}]",
        "[{\"bver\":11,\"n\":\"pm25\",\"v\":1}]",
        "[{\"bver\":10,\"n\":\"pm25\",\"v\":1},{\"bver\":9,\"n\":\"pm25\",\"v\":1}]",
        "[{\"bver\":\"10\",\"n\":\"pm25\",\"v\":1}]",
        "[{\"n\":5,\"v\":1}]",
        "[{\"n\":\"pm25\",\"u\":null,\"v\":1}]",
        "[{\"n\":\"-pm25\",\"v\":1}]",
        "[{\"n\":\"pm 25\",\"v\":1}]",
        "[{\"n\":\"pm25\",\"v\":1,\"vb\":\"yes\"}]"})
    void malformedPacks(String pack) {
        rejection(decode("aq-001", pack), RejectReason.INVALID_STRUCTURE);
    }

    @Test
    void unknownOptionalFieldsAreIgnored() {
        assertThat(readings(decode("aq-001", "[{\"n\":\"pm25\",\"v\":1,\"ut\":60,\"vendor\":{\"fw\":[1,2]},\"s\":9}]")))
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[{\"n\":\"pm25\",\"v\":\"1\"}]", "[{\"n\":\"pm25\",\"v\":NaN}]", "[{\"n\":\"pm25\",\"v\":null}]",
        "[{\"bv\":1e308,\"n\":\"pm25\",\"v\":1e308}]", "[{\"bv\":true,\"n\":\"pm25\",\"v\":1}]"})
    void nonNumbers(String pack) {
        rejection(decode("aq-001", pack), RejectReason.NOT_A_NUMBER);
    }

    @Test
    void unknownAndUndeclaredQuantities() {
        rejection(decode("aq-001", "[{\"n\":\"radon\",\"v\":1}]"), RejectReason.UNKNOWN_QUANTITY);
        rejection(decode("aq-001", "[{\"bn\":\"aq-001:\",\"v\":1}]"), RejectReason.UNKNOWN_QUANTITY);
        rejection(decode("aq-001", "[{\"n\":\"aq-001:\",\"v\":1}]"), RejectReason.UNKNOWN_QUANTITY);
        rejection(decode("aq-001", "[{\"n\":\"noise\",\"v\":50}]"), RejectReason.UNDECLARED_QUANTITY);
    }
}
