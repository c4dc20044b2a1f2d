package io.citytwin.ingest.telemetry;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.decode;
import static io.citytwin.ingest.telemetry.Fleet.utf8;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.readings;
import static io.citytwin.ingest.telemetry.ObjectPayloadTest.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed input: the decoder answers with a reason, never an exception. */
class DecoderRobustnessTest {

    @Test
    void tenThousandNestedArraysAreRefusedWithoutRecursion() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(rejection(decode("aq-001", deep), RejectReason.NESTING_TOO_DEEP).detail())
                .isEqualTo("objects/arrays nest deeper than 16 levels (at byte 16)");
    }

    @Test
    void deepNestingInsideAReadingIsStillNestingNotANumber() {
        rejection(decode("aq-001", "{\"pm25\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                RejectReason.NESTING_TOO_DEEP);
        rejection(decode("aq-001", "{\"pm25\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"),
                RejectReason.NESTING_TOO_DEEP);
    }

    @Test
    void evenAMillionLevelsUnderARaisedLimitAreCheap() {
        TelemetryDecoder lenient = new TelemetryDecoder(Fleet.DIRECTORY,
                DecoderLimits.DEFAULTS.withMaxPayloadBytes(4 << 20).withMaxNestingDepth(10_000));
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        DecodeResult result = lenient.decode("aq-001", utf8(deep), NOW);
        rejection(result, RejectReason.NESTING_TOO_DEEP);
    }

    @Test
    void nestingAtTheLimitIsOnlyAContentProblem() {
        // depth 16: outer object + 15 arrays around the value
        rejection(decode("aq-001", "{\"pm25\":" + "[".repeat(15) + "]".repeat(15) + "}"), RejectReason.NOT_A_NUMBER);
        rejection(decode("aq-001", "{\"pm25\":" + "[".repeat(16) + "]".repeat(16) + "}"), RejectReason.NESTING_TOO_DEEP);
    }

    @Test
    void syntaxErrorsOutrankEarlierContentProblems() {
        rejection(decode("aq-001", "{\"pm25\": \"x\", \"no2\": }"), RejectReason.NOT_JSON);
        rejection(decode("aq-001", "[{\"n\":\"radon\",\"v\":1}, {\"n\":"), RejectReason.NOT_JSON);
        rejection(decode("aq-001", "{\"radon\": 1} trailing"), RejectReason.NOT_JSON);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "", "   \n\t ", "{", "{\"pm25\": 1", "{\"pm25\": 1,}", "{pm25: 1}", "{'pm25': 1}",
        "{\"pm25\": 1} {\"pm25\": 2}", "{\"pm25\": 1}]", "[{\"n\":\"pm25\",\"v\":1},]",
        "{\"pm25\": 01}", "{\"pm25\": 1.}", "{\"pm25\": .5}", "{\"pm25\": +1}", "{\"pm25\": 0x10}",
        "{\"pm25\": 1 /* c */}", "// c\n{\"pm25\": 1}", "{\"pm25\": \"a\u0001b\"}", "hello", "<xml/>",
        "{\"pm25\": tru}", "{\"pm25\": nan}", "{\"pm25\": 1}\u0000"})
    void notJson(String payload) {
        rejection(decode("aq-001", payload), RejectReason.NOT_JSON);
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] payload = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        rejection(Fleet.DECODER.decode("aq-001", payload, NOW), RejectReason.NOT_JSON);
        byte[] bare = {(byte) 0xFF, (byte) 0xFE, 0, 0};
        rejection(Fleet.DECODER.decode("aq-001", bare, NOW), RejectReason.NOT_JSON);
    }

    @Test
    void notJsonDetailGivesTheBytePosition() {
        assertThat(rejection(decode("aq-001", "{\"pm25\": x}"), RejectReason.NOT_JSON).detail())
                .startsWith("invalid JSON at byte 11: Unrecognized token 'x'");
    }

    @Test
    void utf8ByteOrderMarkIsTolerated() {
        byte[] body = utf8("{\"pm25\": 4}");
        byte[] payload = new byte[body.length + 3];
        payload[0] = (byte) 0xEF;
        payload[1] = (byte) 0xBB;
        payload[2] = (byte) 0xBF;
        System.arraycopy(body, 0, payload, 3, body.length);
        assertThat(readings(Fleet.DECODER.decode("aq-001", payload, NOW))).hasSize(1);
    }

    @Test
    void payloadLimitIsCheckedBeforeParsing() {
        int limit = DecoderLimits.DEFAULTS.maxPayloadBytes();
        String head = "{\"pm25\": 4}";
        assertThat(readings(decode("aq-001", head + " ".repeat(limit - head.length())))).hasSize(1);
        String tooBig = head + " ".repeat(limit - head.length() + 1);
        assertThat(rejection(decode("aq-001", tooBig), RejectReason.PAYLOAD_TOO_LARGE).detail())
                .isEqualTo("payload is 65537 bytes, the limit is 65536");
        // Garbage or an unknown sensor does not matter: size is checked first.
        rejection(decode("ghost", "x".repeat(limit + 1)), RejectReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void hugeNumbersAndNamesAreContentProblemsNotParserLimits() {
        rejection(decode("aq-001", "{\"pm25\": 1" + "0".repeat(5_000) + "}"), RejectReason.NOT_A_NUMBER);
        rejection(decode("aq-001", "{\"pm25\": 1" + "0".repeat(300) + "}"), RejectReason.OUT_OF_RANGE);
        assertThat(readings(decode("aq-001", "{\"pm25\": 0." + "0".repeat(5_000) + "1}")).get(0).value()).isZero();
        assertThat(rejection(decode("aq-001", "{\"" + "k".repeat(60_000) + "\": 1}"), RejectReason.UNKNOWN_QUANTITY)
                .detail()).contains("...(60000 chars)");
    }

    @Test
    void untrustedTextInDetailsIsSanitised() {
        String detail = rejection(decode("aq-001", "{\"r\\u0000\\n\u00e9\": 1}"), RejectReason.UNKNOWN_QUANTITY).detail();
        assertThat(detail).isEqualTo("field 'r???' is not a known quantity");
    }

    @Test
    void decodesASliceOfALargerBuffer() {
        byte[] buffer = "garbage{\"pm25\": 7}garbage".getBytes(StandardCharsets.UTF_8);
        assertThat(readings(Fleet.DECODER.decode("aq-001", buffer, 7, 11, NOW)).get(0).value()).isEqualTo(7.0);
    }
}
