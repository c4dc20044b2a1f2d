package io.citytwin.ingest.history.embedded;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.HistoryStore;
import io.citytwin.twin.wal.CallerContext;
import io.citytwin.twin.wal.Frame;
import io.citytwin.twin.wal.FrameReader;
import io.citytwin.twin.wal.GroupCommitLog;
import io.citytwin.twin.wal.LogFormat;
import io.citytwin.twin.wal.NamedThreads;
import io.citytwin.twin.wal.Segment;
import io.citytwin.twin.wal.SegmentLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default history: files under one directory, no server. A write-ahead log ({@code wal/},
 * see {@link SegmentLog}) takes every batch first; the points then go into an H2 MVStore B-tree
 * ({@code points.mv}) keyed by sensor, quantity and time, which answers range reads with one
 * descent per series and never scans other sensors' history.
 *
 * <p>Why this pair: MVStore is a maintained, crash-safe copy-on-write B-tree in one small jar
 * (already on the classpath through the MQTT broker), but it persists by rewriting touched pages,
 * so making every small batch durable through it alone would rewrite a page per sensor per batch.
 * The log makes a batch durable with one sequential write (grouped with concurrent batches into
 * one write and one fsync), while MVStore writes its pages in the background about once a second
 * and a checkpoint every {@link EmbeddedHistoryOptions#checkpointInterval} deletes the log it covers.
 *
 * <p>Durability: {@link #append}'s future completes once the batch is written to the log and is
 * visible to {@link #query}. From then on it survives a crash or kill of this process; with the
 * default zero {@link EmbeddedHistoryOptions#syncInterval} the log was fsynced first, so it also
 * survives an operating-system crash or power loss; with a nonzero interval, batches acknowledged
 * within that interval before such a crash may be lost. At {@link #open} the log left by a crash is
 * replayed into the index (a batch whose write was cut short was never acknowledged and is set
 * aside, see {@link SegmentLog}). A failed future means the batch may or may not be kept.
 *
 * <p>A reading appended twice (same sensor, quantity, timestamp) is stored once, the last value
 * winning. Points older than {@link EmbeddedHistoryOptions#retention} by measurement time are
 * pruned in the background right after open and then every {@link EmbeddedHistoryOptions#pruneInterval};
 * until then they are still returned.
 *
 * <p>Threads: one log writer, one maintenance thread (checkpoints, pruning), two query threads;
 * futures complete on the caller's Vert.x context. One process per directory (both files are locked).
 */
public final class EmbeddedHistoryStore implements HistoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHistoryStore.class);

    private final EmbeddedHistoryOptions options;
    private final PointIndex index;
    private final SegmentLog wal;
    private final GroupCommitLog writer;
    private final ScheduledExecutorService maintenance;
    private final ExecutorService readers;
    private final long replayed;
    private final AtomicLong pruned = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Promise<Void> closed = Promise.promise();

    private EmbeddedHistoryStore(EmbeddedHistoryOptions options, PointIndex index, SegmentLog wal, long replayed) {
        this.options = options;
        this.index = index;
        this.wal = wal;
        this.replayed = replayed;
        this.writer = new GroupCommitLog(wal, options.syncInterval(), "history-log-writer");
        this.maintenance = Executors.newSingleThreadScheduledExecutor(new NamedThreads("history-maintenance"));
        this.readers = Executors.newFixedThreadPool(2, new NamedThreads("history-query"));
        long checkpointMillis = options.checkpointInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::checkpoint, checkpointMillis, checkpointMillis, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::prune, 0, options.pruneInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the store, replaying what a crash left in the log. Blocks for the replay:
     * call it at start-up or from a worker thread.
     *
     * @throws IOException naming the file when the directory is in use by another process, or a
     *     log frame is unreadable (the log is then left untouched)
     */
    public static EmbeddedHistoryStore open(EmbeddedHistoryOptions options) throws IOException {
        Files.createDirectories(options.directory());
        PointIndex index = PointIndex.open(options.directory().resolve("points.mv"), options.cacheMegabytes());
        SegmentLog wal = null;
        try {
            wal = SegmentLog.open(options.directory().resolve("wal"), LogFormat.HISTORY_POINTS, options.segmentBytes());
            long replayed = replay(wal, index);
            index.checkpoint();
            for (Segment s : wal.recovery().segments()) {
                wal.delete(s);
            }
            if (replayed > 0) {
                LOG.info("history: replayed {} points left in the log at {}", replayed, wal.directory());
            }
            return new EmbeddedHistoryStore(options, index, wal, replayed);
        } catch (IOException | RuntimeException e) {
            if (wal != null) {
                try {
                    wal.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            index.close();
            throw e;
        }
    }

    private static long replay(SegmentLog wal, PointIndex index) throws IOException {
        long points = 0;
        for (Segment segment : wal.recovery().segments()) {
            try (FrameReader reader = wal.reader(segment)) {
                for (Frame f = reader.next(); f != null; f = reader.next()) {
                    try {
                        index.putAll(PointCodec.decode(f.payload(), f.records()));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(segment.file() + ", frame at byte " + f.offset() + ": " + e.getMessage()
                                + "; the log is kept as it is", e);
                    }
                    points += f.records();
                }
            }
        }
        return points;
    }

    @Override
    public Future<Void> append(List<HistoryRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        byte[] payload;
        try {
            payload = PointCodec.encode(records);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        List<HistoryPoint> points = new ArrayList<>(records.size());
        for (HistoryRecord r : records) {
            points.add(new HistoryPoint(r.reading().sensorId(), r.reading().quantity(), r.reading().timestampMillis(),
                    r.reading().value(), r.exercise()));
        }
        return writer.append(payload, records.size(), () -> index.putAll(points));
    }

    @Override
    public Future<List<HistoryPoint>> query(HistoryQuery query) {
        return CallerContext.current().run(readers, () -> index.query(query));
    }

    /** Current counters; cheap enough for every scrape. */
    public EmbeddedHistoryStats stats() {
        long logBytes = 0;
        for (Segment s : wal.segments()) {
            logBytes += s.committedBytes();
        }
        return new EmbeddedHistoryStats(index.size(), logBytes, replayed, pruned.get());
    }

    /**
     * Writes what is queued, checkpoints the index, deletes the log and closes both files. Appends
     * and queries after this fail.
     */
    @Override
    public Future<Void> close() {
        CallerContext caller = CallerContext.current();
        Promise<Void> done = Promise.promise();
        if (closing.compareAndSet(false, true)) {
            writer.close().onComplete(written -> maintenance.execute(() -> {
                Throwable failure = written.cause();
                try {
                    finalCheckpoint();
                } catch (IOException | RuntimeException e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                } finally {
                    maintenance.shutdown();
                    readers.shutdown();
                }
                if (failure == null) {
                    closed.complete();
                } else {
                    closed.fail(failure);
                }
            }));
        }
        closed.future().onComplete(ar -> {
            if (ar.succeeded()) {
                caller.complete(done, null);
            } else {
                caller.fail(done, ar.cause());
            }
        });
        return done.future();
    }

    private void finalCheckpoint() throws IOException {
        try {
            // The writer thread has stopped, so this thread is now the log's only writer.
            wal.roll();
            index.checkpoint();
            for (Segment s : wal.segments()) {
                if (s.isSealed()) {
                    wal.delete(s);
                }
            }
        } finally {
            try {
                wal.close();
            } finally {
                index.close();
            }
        }
    }

    private void checkpoint() {
        try {
            Segment active = writer.roll().toCompletionStage().toCompletableFuture().get();
            index.checkpoint();
            for (Segment s : wal.segments()) {
                if (s.id() < active.id()) {
                    wal.delete(s);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | IOException | RuntimeException e) {
            if (!closing.get()) {
                // The log keeps everything; the next checkpoint retries.
                LOG.warn("history checkpoint in {} failed", options.directory(), e);
            }
        }
    }

    private void prune() {
        try {
            long cutoff = options.clock().millis() - options.retention().toMillis();
            long removed = index.prune(cutoff);
            pruned.addAndGet(removed);
            if (removed > 0) {
                LOG.info("history: pruned {} points older than {}", removed, options.retention());
            }
        } catch (RuntimeException e) {
            if (!closing.get()) {
                LOG.warn("history pruning in {} failed", options.directory(), e);
            }
        }
    }
}
