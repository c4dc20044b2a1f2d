package io.citytwin.ingest.telemetry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exact counts of rejected messages per {@link RejectReason}, plus accepted messages and readings.
 * Thread-safe and contention-free ({@link LongAdder}); a read is exact once writers are quiet.
 */
public final class RejectionCounters {

    private final LongAdder[] rejected = new LongAdder[RejectReason.values().length];
    private final LongAdder acceptedMessages = new LongAdder();
    private final LongAdder acceptedReadings = new LongAdder();
    private final LongAdder deadLetterFailures = new LongAdder();

    public RejectionCounters() {
        for (int i = 0; i < rejected.length; i++) {
            rejected[i] = new LongAdder();
        }
    }

    public void increment(RejectReason reason) {
        rejected[reason.ordinal()].increment();
    }

    void accepted(int readings) {
        acceptedMessages.increment();
        acceptedReadings.add(readings);
    }

    void deadLetterFailed() {
        deadLetterFailures.increment();
    }

    /** Rejected messages the dead-letter sink failed to take (they are still counted per reason). */
    public long deadLetterFailures() {
        return deadLetterFailures.sum();
    }

    /** Messages rejected for {@code reason}. */
    public long count(RejectReason reason) {
        return rejected[reason.ordinal()].sum();
    }

    /** Messages rejected for any reason. */
    public long totalRejected() {
        long total = 0;
        for (LongAdder adder : rejected) {
            total += adder.sum();
        }
        return total;
    }

    public long acceptedMessages() {
        return acceptedMessages.sum();
    }

    public long acceptedReadings() {
        return acceptedReadings.sum();
    }

    /** Every reason with its count (zeros included), in declaration order. */
    public Map<RejectReason, Long> snapshot() {
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            counts.put(reason, count(reason));
        }
        return Collections.unmodifiableMap(counts);
    }
}
