package io.citytwin.ingest.history.influx;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.HistoryStore;
import io.citytwin.twin.wal.CallerContext;
import io.citytwin.twin.wal.GroupCommitLog;
import io.citytwin.twin.wal.LogFormat;
import io.citytwin.twin.wal.NamedThreads;
import io.citytwin.twin.wal.Segment;
import io.citytwin.twin.wal.SegmentLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * History in an InfluxDB 1.x server (v1 HTTP API): measurement per quantity, tags {@code sensor},
 * {@code district}, {@code kind}, {@code exercise}, field {@code value}, millisecond timestamps
 * (see {@link LineProtocol}).
 *
 * <p>Never drops: {@link #append} writes the batch as line protocol to a local write-ahead spool
 * ({@link SegmentLog} under {@link InfluxHistoryOptions#spoolDirectory}) and its future completes
 * once the batch is in the spool file, fsynced first with the default zero
 * {@link InfluxHistoryOptions#syncInterval} (then it survives a crash of this process and of the
 * machine; with a nonzero interval, a process crash only). It does not wait for InfluxDB: a
 * {@link SpoolSender} thread ships the spool in order, retrying with back-off while the server is
 * down or failing, and deletes spool segments only once InfluxDB accepted them. A spool left by a
 * crash or by a close while the server was down is sent after the next {@link #open}. Points reach
 * InfluxDB at least once; a repeat (same measurement, tags and time) overwrites itself, so
 * duplicates never inflate counts. {@link #stats} shows the backlog and the last error.
 *
 * <p>{@link #query} reads InfluxDB directly (InfluxQL, bound parameters), so points still in the
 * spool are not yet visible. Thread-safe; futures complete on the caller's Vert.x context. One
 * process per spool directory (it is locked).
 */
public final class InfluxHistoryStore implements HistoryStore {

    private final InfluxHistoryOptions options;
    private final SegmentLog spool;
    private final InfluxConnection influx;
    private final GroupCommitLog writer;
    private final SpoolSender sender;
    private final ExecutorService readers;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Promise<Void> closed = Promise.promise();

    private InfluxHistoryStore(InfluxHistoryOptions options, SegmentLog spool, InfluxConnection influx) {
        this.options = options;
        this.spool = spool;
        this.influx = influx;
        this.writer = new GroupCommitLog(spool, options.syncInterval(), "influx-spool-writer");
        this.sender = new SpoolSender(spool, writer, influx, options);
        this.readers = Executors.newFixedThreadPool(2, new NamedThreads("influx-query"));
        sender.start("influx-spool-sender");
    }

    /**
     * Opens the spool (recovering what an earlier run left, which is then sent first) and starts
     * sending. Does not need InfluxDB to be up. Blocks briefly for the spool scan.
     *
     * @throws IOException when the spool directory is in use by another process or unreadable
     */
    public static InfluxHistoryStore open(InfluxHistoryOptions options) throws IOException {
        SegmentLog spool = SegmentLog.open(options.spoolDirectory(), LogFormat.LINE_PROTOCOL, options.segmentBytes());
        return new InfluxHistoryStore(options, spool, new InfluxConnection(options));
    }

    /**
     * Spools a batch; see the class comment for when the future completes. Fails without spooling
     * anything when a district or kind cannot be written as an InfluxDB tag (backslash, line break).
     */
    @Override
    public Future<Void> append(List<HistoryRecord> records) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        byte[] lines;
        try {
            lines = LineProtocol.encode(records);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        int points = records.size();
        long frameBytes = SegmentLog.frameSize(lines.length);
        return writer.append(lines, points, () -> sender.spooled(points, frameBytes));
    }

    @Override
    public Future<List<HistoryPoint>> query(HistoryQuery query) {
        if (closing.get()) {
            return Future.failedFuture(new IllegalStateException("history store is closed"));
        }
        return CallerContext.current().run(readers, () -> influx.query(query));
    }

    /** Current spool and delivery counters; cheap enough for every scrape. */
    public SpoolStats stats() {
        return sender.stats();
    }

    /**
     * Spools what is queued, then keeps sending for up to {@link InfluxHistoryOptions#closeTimeout};
     * whatever InfluxDB has not accepted by then stays in the spool for the next {@link #open}.
     * Releases the spool and the HTTP client.
     */
    @Override
    public Future<Void> close() {
        CallerContext caller = CallerContext.current();
        if (closing.compareAndSet(false, true)) {
            readers.shutdown();
            writer.close().onComplete(spooled -> sender.stop(options.closeTimeout()).onComplete(sent -> {
                // On the sender's thread, which has stopped: nothing else touches the spool now.
                Throwable failure = spooled.failed() ? spooled.cause() : sent.cause();
                try {
                    releaseSpool();
                } catch (IOException | RuntimeException e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                } finally {
                    influx.close();
                }
                if (failure == null) {
                    closed.complete();
                } else {
                    closed.fail(failure);
                }
            }));
        }
        Promise<Void> done = Promise.promise();
        closed.future().onComplete(ar -> {
            if (ar.succeeded()) {
                caller.complete(done, null);
            } else {
                caller.fail(done, ar.cause());
            }
        });
        return done.future();
    }

    private void releaseSpool() throws IOException {
        try {
            if (sender.stats().pendingPoints() == 0) {
                // Everything is in InfluxDB: nothing to re-send at the next start.
                spool.roll();
                for (Segment s : spool.segments()) {
                    if (s.isSealed()) {
                        spool.delete(s);
                    }
                }
            }
        } finally {
            spool.close();
        }
    }
}
