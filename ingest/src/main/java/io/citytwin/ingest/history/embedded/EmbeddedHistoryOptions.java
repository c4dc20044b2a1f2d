package io.citytwin.ingest.history.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link EmbeddedHistoryStore}.
 *
 * @param directory where the index ({@code points.mv}) and the write-ahead log ({@code wal/}) live;
 *     created if missing
 * @param retention points older than this (by measurement time) are pruned
 * @param pruneInterval how often pruning runs (also once at open)
 * @param checkpointInterval how often the index is made durable and the log it covers deleted;
 *     bounds the log's size and the replay after a crash
 * @param syncInterval zero to fsync every appended batch before acknowledging it; otherwise the
 *     longest an acknowledged batch may stay unforced (it still survives a process crash, not a
 *     power loss)
 * @param segmentBytes size at which a log segment is sealed
 * @param cacheMegabytes MVStore page cache
 * @param clock the time retention is measured against
 */
public record EmbeddedHistoryOptions(Path directory, Duration retention, Duration pruneInterval,
        Duration checkpointInterval, Duration syncInterval, long segmentBytes, int cacheMegabytes, Clock clock) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public EmbeddedHistoryOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(clock, "clock");
        positive("retention", retention);
        positive("prune interval", pruneInterval);
        positive("checkpoint interval", checkpointInterval);
        if (syncInterval.isNegative()) {
            throw new IllegalArgumentException("history sync interval must not be negative: " + syncInterval);
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("history log segment size must be at least 4096 bytes: " + segmentBytes);
        }
        if (cacheMegabytes < 1) {
            throw new IllegalArgumentException("history cache must be at least 1 MB: " + cacheMegabytes);
        }
    }

    private static void positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("history " + what + " must be positive: " + d);
        }
    }

    /**
     * Defaults: 30 days retention pruned hourly, a checkpoint every 10 s, fsync before every
     * acknowledgement, 64 MiB segments, 16 MB cache, the system clock.
     */
    public static EmbeddedHistoryOptions in(Path directory) {
        return new EmbeddedHistoryOptions(directory, DEFAULT_RETENTION, Duration.ofHours(1), Duration.ofSeconds(10),
                Duration.ZERO, 64L << 20, 16, Clock.systemUTC());
    }

    public EmbeddedHistoryOptions withRetention(Duration value) {
        return new EmbeddedHistoryOptions(directory, value, pruneInterval, checkpointInterval, syncInterval,
                segmentBytes, cacheMegabytes, clock);
    }

    public EmbeddedHistoryOptions withPruneInterval(Duration value) {
        return new EmbeddedHistoryOptions(directory, retention, value, checkpointInterval, syncInterval,
                segmentBytes, cacheMegabytes, clock);
    }

    public EmbeddedHistoryOptions withCheckpointInterval(Duration value) {
        return new EmbeddedHistoryOptions(directory, retention, pruneInterval, value, syncInterval,
                segmentBytes, cacheMegabytes, clock);
    }

    public EmbeddedHistoryOptions withSyncInterval(Duration value) {
        return new EmbeddedHistoryOptions(directory, retention, pruneInterval, checkpointInterval, value,
                segmentBytes, cacheMegabytes, clock);
    }

    public EmbeddedHistoryOptions withClock(Clock value) {
        return new EmbeddedHistoryOptions(directory, retention, pruneInterval, checkpointInterval, syncInterval,
                segmentBytes, cacheMegabytes, value);
    }
}
