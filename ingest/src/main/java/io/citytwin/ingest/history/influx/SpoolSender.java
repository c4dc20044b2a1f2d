package io.citytwin.ingest.history.influx;

import io.citytwin.twin.wal.Frame;
import io.citytwin.twin.wal.FrameReader;
import io.citytwin.twin.wal.GroupCommitLog;
import io.citytwin.twin.wal.Segment;
import io.citytwin.twin.wal.SegmentLog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.influxdb.InfluxDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships the spool to InfluxDB on its own thread: reads whole frames oldest first, writes them in
 * requests of about {@link InfluxHistoryOptions#maxPointsPerWrite} points, and deletes a sealed
 * segment once InfluxDB has accepted every frame in it. A failed request is repeated, with the pause
 * doubling from {@code retryMin} to {@code retryMax}, until it succeeds: nothing is skipped while
 * the server is down, slow or failing. Only points InfluxDB refuses as invalid (parse errors, field
 * type conflicts, beyond retention) are moved aside, to {@code rejected/}, and counted.
 *
 * <p>Re-sending is safe: a point with the same measurement, tags and time overwrites itself.
 */
final class SpoolSender {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolSender.class);
    private static final long MAX_REQUEST_BYTES = 4L << 20;
    /** A caught-up active segment at least this big is sealed so it can be deleted. */
    private static final long ROLL_WHEN_CAUGHT_UP_BYTES = 1L << 20;
    private static final long ROLL_WHEN_IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long IDLE_WAIT_MILLIS = 1000;

    private final SegmentLog spool;
    private final GroupCommitLog writer;
    private final InfluxConnection influx;
    private final InfluxHistoryOptions options;
    private final Path rejectedDir;
    private final AtomicLong pendingPoints = new AtomicLong();
    private final AtomicLong spoolBytes = new AtomicLong();
    private final AtomicLong writtenPoints = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rejectedPoints = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final Object signal = new Object();
    private boolean signalled;
    private final Object stopSignal = new Object();
    private volatile boolean stopping;
    private volatile long stopDeadline;
    private final Promise<Void> finished = Promise.promise();

    private FrameReader reader;
    private Segment lastOpened;
    private final List<Segment> fullyRead = new ArrayList<>();
    private boolean databaseReady;
    private Segment caughtUpOn;
    private long caughtUpSince;

    SpoolSender(SegmentLog spool, GroupCommitLog writer, InfluxConnection influx, InfluxHistoryOptions options) {
        this.spool = spool;
        this.writer = writer;
        this.influx = influx;
        this.options = options;
        this.rejectedDir = spool.directory().resolve("rejected");
        for (Segment s : spool.recovery().segments()) {
            pendingPoints.addAndGet(s.records());
            spoolBytes.addAndGet(s.frameBytes());
        }
    }

    void start(String threadName) {
        Thread thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called on the spool writer thread once a frame is in the spool. */
    void spooled(int points, long frameBytes) {
        pendingPoints.addAndGet(points);
        spoolBytes.addAndGet(frameBytes);
        wake();
    }

    /**
     * Sends what is left, giving up {@code grace} after this call if InfluxDB is unreachable; what is
     * not sent by then stays in the spool. Call after the spool writer has stopped.
     *
     * @return completes on the sender thread when it has stopped
     */
    Future<Void> stop(Duration grace) {
        stopDeadline = System.nanoTime() + grace.toNanos();
        stopping = true;
        wake();
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        return finished.future();
    }

    SpoolStats stats() {
        return new SpoolStats(pendingPoints.get(), spoolBytes.get(), writtenPoints.get(), retries.get(),
                rejectedPoints.get(), lastError, lastErrorAt);
    }

    private void run() {
        try {
            loop();
            finished.complete();
        } catch (InterruptedException e) {
            finished.fail(e);
        } catch (RuntimeException | Error e) {
            failure("spool sender stopped", e);
            finished.fail(e);
        } finally {
            closeReader();
        }
    }

    private void loop() throws InterruptedException {
        while (true) {
            List<Frame> batch;
            try {
                batch = nextBatch();
            } catch (IOException e) {
                // Cannot happen short of disk damage; the frame stays where it is and is retried.
                failure("reading the spool failed", e);
                if (stopping) {
                    return;
                }
                retryPause(options.retryMax().toMillis());
                continue;
            }
            if (batch.isEmpty()) {
                deleteFullyRead();
                if (stopping) {
                    return;
                }
                sealWhenCaughtUp();
                awaitData(IDLE_WAIT_MILLIS);
                continue;
            }
            if (!deliver(batch)) {
                return;
            }
            deleteFullyRead();
            if (pastStopDeadline()) {
                LOG.warn("history: {} points not yet in InfluxDB at close stay in the spool {} for the next start",
                        pendingPoints.get(), spool.directory());
                return;
            }
        }
    }

    /** Whole frames from the oldest unsent one on, up to the request size; empty when caught up. */
    private List<Frame> nextBatch() throws IOException {
        List<Frame> frames = new ArrayList<>();
        long points = 0;
        long bytes = 0;
        try {
            while (points < options.maxPointsPerWrite() && bytes < MAX_REQUEST_BYTES) {
                if (reader == null) {
                    Segment next = lastOpened == null ? spool.first() : spool.after(lastOpened);
                    if (next == null) {
                        break;
                    }
                    reader = spool.reader(next);
                    lastOpened = next;
                }
                Frame frame = reader.next();
                if (frame == null) {
                    Segment s = reader.segment();
                    if (!s.isSealed()) {
                        break;
                    }
                    // Sealed after our read: its length is final now, so read once more.
                    frame = reader.next();
                    if (frame == null) {
                        fullyRead.add(s);
                        closeReader();
                        continue;
                    }
                }
                frames.add(frame);
                points += frame.records();
                bytes += frame.payload().length;
            }
        } catch (IOException e) {
            if (frames.isEmpty()) {
                throw e;
            }
            // Send what was read; the bad frame is met again on the next round.
        }
        return frames;
    }

    /**
     * Writes one batch until InfluxDB accepts (or refuses as invalid) it.
     *
     * @return false when stopping and the grace period ran out with InfluxDB unreachable
     */
    private boolean deliver(List<Frame> frames) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long points = 0;
        long bytes = 0;
        for (Frame f : frames) {
            body.writeBytes(f.payload());
            points += f.records();
            bytes += f.sizeOnDisk();
        }
        String lines = body.toString(StandardCharsets.UTF_8);
        long pauseMillis = options.retryMin().toMillis();
        while (true) {
            try {
                if (!databaseReady) {
                    influx.createDatabase();
                    databaseReady = true;
                }
                influx.write(lines);
                writtenPoints.addAndGet(points);
                done(points, bytes);
                return true;
            } catch (InfluxDBException.DatabaseNotFoundException e) {
                // Dropped behind our back: create it again on the next attempt.
                databaseReady = false;
                failure("InfluxDB has no database " + options.database(), e);
            } catch (InfluxDBException.UnableToParseException | InfluxDBException.FieldTypeConflictException
                    | InfluxDBException.PointsBeyondRetentionPolicyException e) {
                if (setAside(frames, lines, points, bytes, e)) {
                    return true;
                }
            } catch (RuntimeException e) {
                failure("writing " + points + " points to InfluxDB failed", e);
            }
            retries.incrementAndGet();
            if (pastStopDeadline()) {
                LOG.warn("history: InfluxDB unreachable at close; {} points stay in the spool {} for the next start",
                        pendingPoints.get(), spool.directory());
                return false;
            }
            retryPause(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, options.retryMax().toMillis());
        }
    }

    /** Moves refused points to {@code rejected/}; false when they could not be written there. */
    private boolean setAside(List<Frame> frames, String lines, long points, long bytes, InfluxDBException e) {
        Frame first = frames.get(0);
        Path kept = rejectedDir.resolve(String.format("%020d-%d.lp", first.segmentId(), first.offset()));
        try {
            Files.createDirectories(rejectedDir);
            Files.writeString(kept, lines, StandardCharsets.UTF_8);
        } catch (IOException io) {
            // Not kept anywhere else: they stay in the spool and the write is tried again.
            failure("InfluxDB refused " + points + " points (" + e.getMessage() + ") and they cannot be set aside in "
                    + rejectedDir, io);
            return false;
        }
        rejectedPoints.addAndGet(points);
        done(points, bytes);
        failure("InfluxDB refused " + points + " points as invalid; kept in " + kept, e);
        return true;
    }

    private boolean pastStopDeadline() {
        return stopping && System.nanoTime() - stopDeadline >= 0;
    }

    private void done(long points, long bytes) {
        pendingPoints.addAndGet(-points);
        spoolBytes.addAndGet(-bytes);
    }

    private void deleteFullyRead() {
        for (Segment s : fullyRead) {
            try {
                spool.delete(s);
            } catch (IOException e) {
                failure("cannot delete the sent spool segment " + s.file(), e);
            }
        }
        fullyRead.clear();
    }

    /**
     * Seals the active segment once everything in it is sent and it is big or has been idle, so the
     * sent bytes can be deleted instead of being re-sent after a restart.
     */
    private void sealWhenCaughtUp() {
        if (reader == null || reader.segment().isSealed() || reader.segment().isEmpty()) {
            caughtUpOn = null;
            return;
        }
        Segment s = reader.segment();
        long now = System.nanoTime();
        if (caughtUpOn != s) {
            caughtUpOn = s;
            caughtUpSince = now;
        }
        if (s.committedBytes() >= ROLL_WHEN_CAUGHT_UP_BYTES || now - caughtUpSince >= ROLL_WHEN_IDLE_NANOS) {
            caughtUpOn = null;
            writer.roll();
        }
    }

    private void failure(String what, Throwable e) {
        String message = what + ": " + describe(e);
        if (!message.equals(lastError)) {
            LOG.warn("{}", message);
        }
        lastError = message;
        lastErrorAt = Instant.now();
    }

    /** The exception and its causes in one line, e.g. the connection refusal under a client exception. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            String part = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (text.indexOf(part) < 0) {
                text.append(text.length() == 0 ? "" : " <- ").append(part);
            }
        }
        return text.toString();
    }

    private void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Waits for a newly spooled frame (or a stop), at most {@code millis}. */
    private void awaitData(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!signalled) {
                signal.wait(millis);
            }
            signalled = false;
        }
    }

    /**
     * Waits before the next attempt; new data does not cut it short (that would hammer a server that
     * is down), a stop does, so the grace period is not overslept.
     */
    private void retryPause(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (stopSignal) {
            for (long left = until - System.nanoTime(); left > 0 && !stopping; left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(stopSignal, left);
            }
        }
        if (stopping) {
            long toDeadline = stopDeadline - System.nanoTime();
            if (toDeadline > 0) {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(toDeadline) + 1, millis));
            }
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("closing a spool reader failed", e);
            }
            reader = null;
        }
    }
}
