package io.citytwin.ingest.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits the decoder enforces on every message.
 *
 * @param maxPayloadBytes larger payloads are rejected before parsing
 * @param maxNestingDepth deeper object/array nesting is rejected; at least 2 (SenML array of objects)
 * @param maxFutureSkew   how far after the receive time a timestamp may lie (sensor clock drift)
 * @param maxAge          how far before the receive time a timestamp may lie (buffered backlog)
 */
public record DecoderLimits(int maxPayloadBytes, int maxNestingDepth, Duration maxFutureSkew, Duration maxAge) {

    /** 64 KiB, depth 16, 5 minutes ahead, 7 days back. */
    public static final DecoderLimits DEFAULTS =
            new DecoderLimits(64 * 1024, 16, Duration.ofMinutes(5), Duration.ofDays(7));

    public DecoderLimits {
        Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxPayloadBytes < 2) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 2, was " + maxPayloadBytes);
        }
        if (maxNestingDepth < 2 || maxNestingDepth > 10_000) {
            throw new IllegalArgumentException("maxNestingDepth must be 2..10000, was " + maxNestingDepth);
        }
        if (maxFutureSkew.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew and maxAge must not be negative");
        }
    }

    public DecoderLimits withMaxPayloadBytes(int bytes) {
        return new DecoderLimits(bytes, maxNestingDepth, maxFutureSkew, maxAge);
    }

    public DecoderLimits withMaxNestingDepth(int depth) {
        return new DecoderLimits(maxPayloadBytes, depth, maxFutureSkew, maxAge);
    }

    public DecoderLimits withMaxFutureSkew(Duration skew) {
        return new DecoderLimits(maxPayloadBytes, maxNestingDepth, skew, maxAge);
    }

    public DecoderLimits withMaxAge(Duration age) {
        return new DecoderLimits(maxPayloadBytes, maxNestingDepth, maxFutureSkew, age);
    }
}
