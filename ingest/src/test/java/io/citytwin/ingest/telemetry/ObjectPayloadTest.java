package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.decode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ThingsBoard-style JSON-object form. */
class ObjectPayloadTest {

    static List<Reading> readings(DecodeResult result) {
        assertThat(result).isInstanceOf(Decoded.class);
        return ((Decoded) result).readings();
    }

    static Rejection rejection(DecodeResult result, RejectReason reason) {
        assertThat(result).isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) result;
        assertThat(rejection.reason()).as(rejection.detail()).isEqualTo(reason);
        return rejection;
    }

    @Test
    void designExampleDecodesInPayloadOrder() {
        long ts = 1763800000000L;
        DecodeResult result = Fleet.DECODER.decode("aq-001",
                Fleet.utf8("{\"ts\": 1763800000000, \"pm25\": 35.2, \"temperature\": 21.5}"), ts + 1000);
        assertThat(readings(result)).containsExactly(
                new Reading("aq-001", Quantity.PM25, 35.2, ts, null),
                new Reading("aq-001", Quantity.TEMPERATURE, 21.5, ts, null));
    }

    @Test
    void missingTimestampMeansReceiveTime() {
        assertThat(readings(decode("wl-port-1", "{\"water_level\": -1.25}")))
                .containsExactly(new Reading("wl-port-1", Quantity.WATER_LEVEL, -1.25, NOW, null));
    }

    @Test
    void timestampMayFollowTheReadings() {
        assertThat(readings(decode("aq-001", "{\"pm25\": 3, \"ts\": " + (NOW - 60_000) + "}")).get(0).timestampMillis())
                .isEqualTo(NOW - 60_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2026-11-22T08:00:00Z,            2026-11-22T08:00:00Z",
        "2026-11-22T08:30:00+01:00,       2026-11-22T07:30:00Z",
        "2026-11-22T03:00:00-05:00,       2026-11-22T08:00:00Z",
        "2026-11-22T13:15:30.250+05:45,   2026-11-22T07:30:30.250Z",
        "2026-11-21T23:59:59.999999-00:30, 2026-11-22T00:29:59.999Z"})
    void isoTimestampsWithOffsets(String iso, String expected) {
        Reading reading = readings(decode("aq-001", "{\"ts\":\"" + iso + "\",\"pm25\":1}")).get(0);
        assertThat(Instant.ofEpochMilli(reading.timestampMillis())).isEqualTo(Instant.parse(expected));
    }

    @Test
    void positionAppliesToEveryReading() {
        List<Reading> readings = readings(decode("aq-001", "{\"lat\": 43.7384, \"lon\": 7.4246, \"pm25\": 12, \"no2\": 40}"));
        assertThat(readings).extracting(Reading::position).containsOnly(new Position(43.7384, 7.4246));
        assertThat(readings.get(0).location()).contains(new Position(43.7384, 7.4246));
    }

    @Test
    void integerAndExponentNumbersAreFine() {
        assertThat(readings(decode("hosp-3", "{\"beds_free\": 12, \"occupancy\": 1.5e3}")))
                .extracting(Reading::value).containsExactly(12.0, 1500.0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"pm25\": \"35.2\"}", "{\"pm25\": true}", "{\"pm25\": false}", "{\"pm25\": null}",
        "{\"pm25\": NaN}", "{\"pm25\": Infinity}", "{\"pm25\": -Infinity}", "{\"pm25\": 1e400}",
        "{\"pm25\": {\"v\": 3}}", "{\"pm25\": [3]}", "{\"pm25\": \"NaN\"}", "{\"lat\": \"43.7\", \"lon\": 7.4, \"pm25\": 1}"})
    void nonNumbersAreRejected(String payload) {
        rejection(decode("aq-001", payload), RejectReason.NOT_A_NUMBER);
    }

    @Test
    void detailNamesFieldAndProblem() {
        assertThat(rejection(decode("aq-001", "{\"temperature\": 21, \"pm25\": \"35.2\"}"), RejectReason.NOT_A_NUMBER)
                .detail()).isEqualTo("field 'pm25' must be a number, found a string");
        assertThat(rejection(decode("aq-001", "{\"pm25\": NaN}"), RejectReason.NOT_A_NUMBER).detail())
                .isEqualTo("field 'pm25': 'NaN' is not a finite number");
        assertThat(rejection(decode("aq-001", "{\"radon\": 4}"), RejectReason.UNKNOWN_QUANTITY).detail())
                .isEqualTo("field 'radon' is not a known quantity");
        assertThat(rejection(decode("aq-001", "{\"temperature\": 85}"), RejectReason.OUT_OF_RANGE).detail())
                .isEqualTo("field 'temperature': 85.0 Cel is outside the plausible range -60.0..70.0");
    }

    @Test
    void oneBadFieldRejectsTheWholeMessage() {
        rejection(decode("aq-001", "{\"pm25\": 12, \"no2\": 40, \"temperature\": 99}"), RejectReason.OUT_OF_RANGE);
    }

    @Test
    void quantityOutsideTheSensorsRegistrationIsUndeclared() {
        assertThat(rejection(decode("aq-001", "{\"water_level\": 1}"), RejectReason.UNDECLARED_QUANTITY).detail())
                .contains("'aq-001' is not registered for it");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"PM25\": 1}", "{\"\": 1}", "{\"pm2.5\": 1}", "{\"lat \": 1}"})
    void unknownKeysAreUnknownQuantities(String payload) {
        rejection(decode("aq-001", payload), RejectReason.UNKNOWN_QUANTITY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"beds_free\": 3.5}", "{\"beds_free\": -1}", "{\"occupancy\": 1000001}"})
    void countsAreWholeAndBounded(String payload) {
        rejection(decode("hosp-3", payload), RejectReason.OUT_OF_RANGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"lat\": 91, \"lon\": 7, \"pm25\": 1}", "{\"lat\": 43, \"lon\": -180.5, \"pm25\": 1}"})
    void positionsAreRangeChecked(String payload) {
        rejection(decode("aq-001", payload), RejectReason.OUT_OF_RANGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"ts\": \"2999-01-01T00:00:00Z\", \"pm25\": 1}",
        "{\"ts\": 32472144000000, \"pm25\": 1}",
        "{\"ts\": 1763800000, \"pm25\": 1}",
        "{\"ts\": \"2026-11-22T08:00:00\", \"pm25\": 1}",
        "{\"ts\": \"yesterday\", \"pm25\": 1}",
        "{\"ts\": \"1795334400000\", \"pm25\": 1}",
        "{\"ts\": true, \"pm25\": 1}",
        "{\"ts\": NaN, \"pm25\": 1}",
        "{\"ts\": 1e300, \"pm25\": 1}",
        "{\"ts\": -9223372036854775809, \"pm25\": 1}"})
    void badTimestamps(String payload) {
        rejection(decode("aq-001", payload), RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void timestampWindowIsFiveMinutesAheadAndSevenDaysBack() {
        long ahead = NOW + 5 * 60_000;
        long back = NOW - 7L * 24 * 3_600_000;
        assertThat(readings(decode("aq-001", "{\"ts\": " + ahead + ", \"pm25\": 1}"))).hasSize(1);
        assertThat(readings(decode("aq-001", "{\"ts\": " + back + ", \"pm25\": 1}"))).hasSize(1);
        assertThat(rejection(decode("aq-001", "{\"ts\": " + (ahead + 1) + ", \"pm25\": 1}"), RejectReason.BAD_TIMESTAMP)
                .detail()).contains("more than PT5M after the receive time 2026-11-22T08:00:00Z");
        assertThat(rejection(decode("aq-001", "{\"ts\": " + (back - 1) + ", \"pm25\": 1}"), RejectReason.BAD_TIMESTAMP)
                .detail()).contains("more than PT168H before");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"ts\": 1795334400000}", "{\"lat\": 43.7, \"lon\": 7.4}", "  { }  "})
    void noQuantitiesIsEmpty(String payload) {
        rejection(decode("aq-001", payload), RejectReason.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"pm25\": 1, \"pm25\": 2}", "{\"ts\": 1795334400000, \"ts\": 1795334400000, \"pm25\": 1}",
        "{\"lat\": 43.7, \"pm25\": 1}", "{\"lon\": 7.4, \"pm25\": 1}",
        "42", "\"pm25\"", "true", "null"})
    void wrongShapes(String payload) {
        rejection(decode("aq-001", payload), RejectReason.INVALID_STRUCTURE);
    }

    @Test
    void unknownSensorIsCheckedBeforeParsing() {
        assertThat(rejection(decode("ghost-9", "not even json"), RejectReason.UNKNOWN_SENSOR).detail())
                .isEqualTo("sensor 'ghost-9' is not in the sensor registry");
    }
}
