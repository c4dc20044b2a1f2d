package io.citytwin.ingest.fleet;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces one publisher thread to a rate: message n is due at {@code start + n / rate}. Due
 * messages are released in batches, so high rates cost no sleep per message; a publisher that
 * falls behind by more than a tenth of a second is forgiven the backlog instead of bursting to
 * catch up, so the achieved rate is what the system really sustains. Not thread-safe.
 */
final class RatePacer {
    private static final int UNLIMITED_BATCH = 256;
    private static final long MAX_PARK_NANOS = 10_000_000;

    private final double perNano;
    private final long maxBacklog;
    private final long start;
    private long released;

    /** @param perSecond messages per second; 0 = no limit */
    RatePacer(double perSecond, long startNanos) {
        this.perNano = perSecond / 1e9;
        this.maxBacklog = Math.max(1, (long) (perSecond / 10));
        this.start = startNanos;
    }

    /**
     * Waits (at most 10 ms, so the caller can check for a stop) until a message is due and
     * returns how many may be sent now; 0 if none became due in that time.
     */
    int awaitDue() {
        if (perNano == 0) {
            return UNLIMITED_BATCH;
        }
        long now = System.nanoTime();
        long allowed = (long) ((now - start) * perNano) + 1;
        if (allowed - released > maxBacklog) {
            released = allowed - maxBacklog;
        }
        long due = allowed - released;
        if (due > 0) {
            released += due;
            return (int) Math.min(due, Integer.MAX_VALUE);
        }
        long nextAt = start + (long) (released / perNano);
        LockSupport.parkNanos(Math.max(20_000, Math.min(MAX_PARK_NANOS, nextAt - now)));
        return 0;
    }
}
