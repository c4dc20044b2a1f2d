package io.citytwin.ingest.telemetry;

import java.util.Objects;

/**
 * The transport-independent front of ingest: topic, then payload, then bookkeeping. Adapters
 * (Paho callback, Vert.x MQTT handler, load tests) call {@link #process} once per message and act
 * on the result; on {@link Decoded} they hand the readings on (event bus, Kafka) and only then
 * acknowledge a QoS 1 message. Rejections have already been counted and dead-lettered here.
 *
 * <p>Thread-safe if the sink is; never throws for any topic or non-null payload.
 */
public final class TelemetryIntake {

    private final TelemetryDecoder decoder;
    private final RejectionCounters counters;
    private final DeadLetterSink deadLetters;

    public TelemetryIntake(TelemetryDecoder decoder, RejectionCounters counters, DeadLetterSink deadLetters) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    public RejectionCounters counters() {
        return counters;
    }

    /** Processes a whole array; see {@link #process(String, byte[], int, int, long)}. */
    public DecodeResult process(String topic, byte[] payload, long receivedAtMillis) {
        return process(topic, payload, 0, payload.length, receivedAtMillis);
    }

    /**
     * Parses the topic, decodes {@code payload[offset, offset + length)}, counts the outcome and
     * dead-letters a rejection.
     */
    public DecodeResult process(String topic, byte[] payload, int offset, int length, long receivedAtMillis) {
        Objects.requireNonNull(payload, "payload");
        DecodeResult result;
        try {
            TopicResult parsed = TelemetryTopic.parse(topic);
            result = parsed instanceof TelemetryTopic t
                    ? decoder.decode(t.sensorId(), payload, offset, length, receivedAtMillis)
                    : (Rejection) parsed;
        } catch (RuntimeException e) {
            result = new Rejection(RejectReason.INTERNAL_ERROR, "decoder failed: " + e);
        }
        if (result instanceof Decoded decoded) {
            counters.accepted(decoded.readings().size());
        } else {
            Rejection rejection = (Rejection) result;
            counters.increment(rejection.reason());
            try {
                deadLetters.accept(DeadLetter.of(topic, payload, offset, length, rejection, receivedAtMillis));
            } catch (RuntimeException e) {
                // A failing store must not stop the stream; the rejection is counted, the loss too.
                counters.deadLetterFailed();
            }
        }
        return result;
    }
}
