package io.citytwin.ingest.telemetry;

import java.util.Objects;

/**
 * A rejected message (or topic).
 *
 * @param reason the single reason it was rejected
 * @param detail human-readable: names the field, record or byte position and the problem
 */
public record Rejection(RejectReason reason, String detail) implements DecodeResult, TopicResult {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
