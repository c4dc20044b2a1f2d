package io.citytwin.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.telemetry.DecodeResult;
import io.citytwin.ingest.telemetry.Decoded;
import io.citytwin.ingest.telemetry.DecoderLimits;
import io.citytwin.ingest.telemetry.RejectReason;
import io.citytwin.ingest.telemetry.Rejection;
import io.citytwin.ingest.telemetry.SensorDirectory;
import io.citytwin.ingest.telemetry.TelemetryDecoder;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whatever the simulator sends, the real ingest decoder reads back exactly (or rejects a spike). */
class PayloadsTest {

    private static final Set<Quantity> ALL = EnumSet.allOf(Quantity.class);
    private static final TelemetryDecoder DECODER = new TelemetryDecoder(
            SensorDirectory.of(Map.of("aq-001", ALL, "odd:id.x", ALL)), DecoderLimits.DEFAULTS);
    private static final long T0 = 1_795_000_000_123L;

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void healthyMessagesDecodeToTheSampledValuesAndTime(PayloadFormat format) {
        for (String id : new String[] {"aq-001", "odd:id.x"}) {
            SensorSignal signal = new SensorSignal(SimulatedSensor.anonymous(id, ALL), 4, ZoneId.of("Europe/Monaco"), FaultRates.NONE);
            for (int i = 0; i < 500; i++) {
                Sample sample = signal.next(T0 + i * 61_007L);
                byte[] payload = Payloads.encode(format, id, sample, i);
                DecodeResult result = DECODER.decode(id, payload, sample.timestampMillis());
                assertThat(result).as(new String(payload, StandardCharsets.UTF_8)).isInstanceOf(Decoded.class);
                var readings = ((Decoded) result).readings();
                assertThat(readings).hasSize(ALL.size());
                for (Reading r : readings) {
                    assertThat(r.sensorId()).isEqualTo(id);
                    assertThat(r.timestampMillis()).isEqualTo(sample.timestampMillis());
                    assertThat(r.value()).as(r.quantity().canonicalName()).isEqualTo(sample.value(r.quantity()));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void aSpikeIsRejectedAsOutOfRange(PayloadFormat format) {
        SensorSignal signal = new SensorSignal(SimulatedSensor.anonymous("aq-001", ALL), 4, ZoneId.of("UTC"),
                new FaultRates(0, 0, 1));
        for (int i = 0; i < 50; i++) {
            Sample sample = signal.next(T0 + i * 1_000L);
            assertThat(sample.fault()).isEqualTo(Sample.Fault.SPIKE);
            DecodeResult result = DECODER.decode("aq-001", Payloads.encode(format, "aq-001", sample, i), sample.timestampMillis());
            assertThat(result).isInstanceOf(Rejection.class);
            assertThat(((Rejection) result).reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        }
    }

    @ParameterizedTest
    @EnumSource(PayloadFormat.class)
    void formsAreAsNamed(PayloadFormat format) {
        Sample sample = new Sample(T0, java.util.List.of(Quantity.PM25, Quantity.BEDS_FREE), new double[] {35.2, 12}, Sample.Fault.NONE);
        String even = new String(Payloads.encode(format, "aq-001", sample, 0), StandardCharsets.UTF_8);
        String odd = new String(Payloads.encode(format, "aq-001", sample, 1), StandardCharsets.UTF_8);
        String json = "{\"ts\":1795000000123,\"pm25\":35.2,\"beds_free\":12}";
        String senml = "[{\"bn\":\"aq-001:\",\"bt\":1795000000.123,\"n\":\"pm25\",\"u\":\"ug/m3\",\"v\":35.2},"
                + "{\"n\":\"beds_free\",\"u\":\"count\",\"v\":12}]";
        switch (format) {
            case JSON -> assertThat(new String[] {even, odd}).containsOnly(json);
            case SENML -> assertThat(new String[] {even, odd}).containsOnly(senml);
            case MIXED -> assertThat(new String[] {even, odd}).containsExactly(json, senml);
        }
    }
}
