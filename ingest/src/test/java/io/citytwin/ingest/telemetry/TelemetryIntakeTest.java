package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TelemetryIntakeTest {

    private final RejectionCounters counters = new RejectionCounters();
    private final ConcurrentLinkedQueue<DeadLetter> deadLetters = new ConcurrentLinkedQueue<>();
    private final TelemetryIntake intake = new TelemetryIntake(Fleet.DECODER, counters, deadLetters::add);

    @Test
    void acceptedMessagesAreCountedNotDeadLettered() {
        DecodeResult result = intake.process("citytwin/v1/sensors/aq-001/telemetry", utf8("{\"pm25\":1,\"no2\":2}"), NOW);
        assertThat(result).isInstanceOf(Decoded.class);
        assertThat(counters.acceptedMessages()).isEqualTo(1);
        assertThat(counters.acceptedReadings()).isEqualTo(2);
        assertThat(counters.totalRejected()).isZero();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void rejectionsAreCountedAndDeadLetteredWithTheRawBytes() {
        byte[] payload = utf8("{\"pm25\": \"high\"}");
        String topic = "citytwin/v1/sensors/aq-001/telemetry";
        intake.process(topic, payload, NOW);
        assertThat(counters.count(RejectReason.NOT_A_NUMBER)).isEqualTo(1);
        assertThat(deadLetters).containsExactly(new DeadLetter(payload, topic, RejectReason.NOT_A_NUMBER,
                "field 'pm25' must be a number, found a string", NOW));
    }

    @Test
    void badTopicsAreDeadLetteredWithTheirTopic() {
        intake.process("citytwin/v1/sensors/+/telemetry", utf8("{\"pm25\": 1}"), NOW);
        assertThat(counters.count(RejectReason.BAD_TOPIC)).isEqualTo(1);
        assertThat(deadLetters.peek().topic()).isEqualTo("citytwin/v1/sensors/+/telemetry");
    }

    @Test
    void aSliceIsDeadLetteredAsTheSlice() {
        byte[] buffer = utf8("xx{\"radon\": 1}yy");
        intake.process("citytwin/v1/sensors/aq-001/telemetry", buffer, 2, 12, NOW);
        assertThat(deadLetters.peek().payload()).isEqualTo(utf8("{\"radon\": 1}"));
    }

    @Test
    void aThrowingDirectoryBecomesAnInternalErrorAndTheStreamGoesOn() {
        SensorDirectory broken = id -> {
            throw new IllegalStateException("registry unavailable");
        };
        TelemetryIntake fragile = new TelemetryIntake(new TelemetryDecoder(broken, DecoderLimits.DEFAULTS),
                counters, deadLetters::add);
        DecodeResult result = fragile.process("citytwin/v1/sensors/aq-001/telemetry", utf8("{\"pm25\": 1}"), NOW);
        assertThat(((Rejection) result).detail())
                .isEqualTo("decoder failed: java.lang.IllegalStateException: registry unavailable");
        assertThat(counters.count(RejectReason.INTERNAL_ERROR)).isEqualTo(1);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void aFailingSinkDoesNotLoseTheCount() {
        TelemetryIntake leaky = new TelemetryIntake(Fleet.DECODER, counters, letter -> {
            throw new IllegalStateException("disk full");
        });
        leaky.process("citytwin/v1/sensors/ghost/telemetry", utf8("{}"), NOW);
        assertThat(counters.count(RejectReason.UNKNOWN_SENSOR)).isEqualTo(1);
        assertThat(counters.deadLetterFailures()).isEqualTo(1);
    }

    @Test
    void countersAreExactUnderConcurrency() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> payloads = List.of("{\"pm25\": 1}", "{\"pm25\": NaN}", "{\"radon\": 1}", "[]", "{");
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    intake.process("citytwin/v1/sensors/aq-001/telemetry", utf8(payloads.get(i % 5)), NOW);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(counters.acceptedMessages()).isEqualTo(4_000);
        assertThat(counters.count(RejectReason.NOT_A_NUMBER)).isEqualTo(4_000);
        assertThat(counters.count(RejectReason.UNKNOWN_QUANTITY)).isEqualTo(4_000);
        assertThat(counters.count(RejectReason.EMPTY)).isEqualTo(4_000);
        assertThat(counters.count(RejectReason.NOT_JSON)).isEqualTo(4_000);
        assertThat(counters.totalRejected()).isEqualTo(16_000);
        assertThat(deadLetters).hasSize(16_000);
    }

    @Test
    void snapshotListsEveryReason() {
        assertThat(counters.snapshot()).containsOnlyKeys(RejectReason.values()).containsValue(0L);
    }

    @Test
    void directoryOfCopiesAndAnswersUnknownAsEmpty() {
        assertThat(Fleet.DIRECTORY.quantitiesOf("ghost")).isEqualTo(Optional.empty());
        assertThat(Fleet.DIRECTORY.quantitiesOf("tc-12")).contains(java.util.EnumSet.of(Quantity.TRAFFIC_FLOW, Quantity.SPEED));
    }
}
