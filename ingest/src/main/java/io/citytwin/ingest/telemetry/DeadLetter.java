package io.citytwin.ingest.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rejected message as received, kept for inspection and replay.
 *
 * @param payload          the raw bytes exactly as received (defensively copied both ways)
 * @param topic            the MQTT topic it arrived on (may be illegal: that can be the reason)
 * @param reason           why it was rejected
 * @param detail           which field or byte, and what is wrong with it
 * @param receivedAtMillis receive time, epoch milliseconds
 */
public record DeadLetter(byte[] payload, String topic, RejectReason reason, String detail, long receivedAtMillis) {

    public DeadLetter {
        payload = payload.clone();
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** Builds the dead letter for a rejection of {@code payload[offset, offset + length)}. */
    public static DeadLetter of(String topic, byte[] payload, int offset, int length, Rejection rejection,
            long receivedAtMillis) {
        return new DeadLetter(Arrays.copyOfRange(payload, offset, offset + length), topic, rejection.reason(),
                rejection.detail(), receivedAtMillis);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload length in bytes, without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d && Arrays.equals(payload, d.payload) && Objects.equals(topic, d.topic)
                && reason == d.reason && detail.equals(d.detail) && receivedAtMillis == d.receivedAtMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), topic, reason, detail, receivedAtMillis);
    }

    @Override
    public String toString() {
        String head = new String(payload, 0, Math.min(payload.length, 64), StandardCharsets.UTF_8);
        return "DeadLetter[" + reason + " on " + topic + " at " + receivedAtMillis + ": " + detail + "; "
                + payload.length + " bytes: " + Details.quote(head) + "]";
    }
}
