package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.UnitConversion;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.utf8;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.readings;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts of the small value types and of configurable limits. */
class ValueTypesTest {

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> DecoderLimits.DEFAULTS.withMaxNestingDepth(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecoderLimits.DEFAULTS.withMaxPayloadBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecoderLimits.DEFAULTS.withMaxAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampWindowFollowsTheConfiguredLimits() {
        TelemetryDecoder strict = new TelemetryDecoder(Fleet.DIRECTORY,
                DecoderLimits.DEFAULTS.withMaxFutureSkew(Duration.ZERO).withMaxAge(Duration.ofMinutes(1)));
        assertThat(readings(strict.decode("aq-001", utf8("{\"ts\":" + NOW + ",\"pm25\":1}"), NOW))).hasSize(1);
        rejection(strict.decode("aq-001", utf8("{\"ts\":" + (NOW + 1) + ",\"pm25\":1}"), NOW), RejectReason.BAD_TIMESTAMP);
        rejection(strict.decode("aq-001", utf8("{\"ts\":" + (NOW - 60_001) + ",\"pm25\":1}"), NOW), RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void hugeLimitsDoNotOverflowTheWindow() {
        TelemetryDecoder lax = new TelemetryDecoder(Fleet.DIRECTORY, DecoderLimits.DEFAULTS
                .withMaxFutureSkew(Duration.ofSeconds(Long.MAX_VALUE)).withMaxAge(Duration.ofSeconds(Long.MAX_VALUE)));
        assertThat(readings(lax.decode("aq-001", utf8("{\"ts\": 0, \"pm25\": 1}"), NOW)).get(0).timestampMillis()).isZero();
        assertThat(readings(lax.decode("aq-001", utf8("{\"ts\": 9.2e18, \"pm25\": 1}"), NOW))).hasSize(1);
    }

    @Test
    void payloadLimitIsConfigurable() {
        TelemetryDecoder tiny = new TelemetryDecoder(Fleet.DIRECTORY, DecoderLimits.DEFAULTS.withMaxPayloadBytes(8));
        rejection(tiny.decode("aq-001", utf8("{\"pm25\":1}"), NOW), RejectReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void readingsAreFiniteAndPositionsOnEarth() {
        assertThatThrownBy(() -> new Reading("a", Quantity.PM25, Double.NaN, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Position(90.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Position(0, 181)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Reading("a", Quantity.PM25, 1, 0, null).location()).isEmpty();
    }

    @Test
    void decodedIsNeverEmptyAndImmutable() {
        assertThatThrownBy(() -> new Decoded(List.of())).isInstanceOf(IllegalArgumentException.class);
        Decoded decoded = (Decoded) Fleet.decode("aq-001", "{\"pm25\":1}");
        assertThatThrownBy(() -> decoded.readings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void deadLettersOwnTheirBytes() {
        byte[] raw = utf8("{\"pm25\":NaN}");
        DeadLetter letter = new DeadLetter(raw, "t", RejectReason.NOT_A_NUMBER, "d", NOW);
        raw[0] = 'X';
        assertThat(letter.payload()[0]).isEqualTo((byte) '{');
        letter.payload()[1] = 'X';
        assertThat(letter.payload()[1]).isEqualTo((byte) '"');
        assertThat(letter).isEqualTo(new DeadLetter(utf8("{\"pm25\":NaN}"), "t", RejectReason.NOT_A_NUMBER, "d", NOW));
        assertThat(letter.payloadLength()).isEqualTo(12);
        assertThat(letter.toString()).contains("NOT_A_NUMBER", "12 bytes");
    }

    @Test
    void conversionsNeedNonZeroFactors() {
        assertThatThrownBy(() -> new UnitConversion(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnitConversion(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnitConversion(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
