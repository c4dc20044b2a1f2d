package io.citytwin.twin.wal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a {@link SegmentLog}: appends from any thread are queued and written by one
 * thread in groups (one write call, at most one fsync, for everything that queued up meanwhile),
 * which is what keeps small concurrent appends cheap.
 *
 * <p>An append's future completes after its frame is in the file and its {@code afterWrite} action
 * has run. With a sync interval of zero the group is also forced to the device before any future
 * of the group completes; otherwise the writer forces the file at most that long after a write,
 * and a power loss or operating-system crash can lose appends acknowledged in that window (a crash
 * of this process cannot).
 */
public final class GroupCommitLog {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);
    private static final int MAX_GROUP_BYTES = 4 << 20;
    private static final int MAX_TASKS_PER_ROUND = 4096;

    private final SegmentLog log;
    private final long syncIntervalNanos;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Promise<Void> stopped = Promise.promise();
    private final Thread thread;
    private boolean closing;
    private boolean unsynced;
    private long lastSync = System.nanoTime();

    private sealed interface Task permits Append, Roll, Stop {}

    private record Append(ByteBuffer frame, int records, Runnable afterWrite, Promise<Void> promise,
            CallerContext caller) implements Task {}

    private record Roll(Promise<Segment> promise) implements Task {}

    private record Stop() implements Task {}

    /**
     * Starts the writer thread.
     *
     * @param syncInterval zero to force every group to the device before acknowledging it; otherwise
     *     the longest time written data may stay unforced
     */
    public GroupCommitLog(SegmentLog log, Duration syncInterval, String threadName) {
        if (syncInterval.isNegative()) {
            throw new IllegalArgumentException("sync interval must not be negative: " + syncInterval);
        }
        this.log = log;
        this.syncIntervalNanos = syncInterval.toNanos();
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues one frame.
     *
     * @param afterWrite runs on the writer thread once the frame is written (and forced, with a
     *     zero sync interval), before the future completes; frames' actions run in log order
     * @return completes on the caller's context; fails if the write failed (nothing was kept) or
     *     the log is closed
     */
    public Future<Void> append(byte[] payload, int records, Runnable afterWrite) {
        ByteBuffer frame;
        try {
            frame = SegmentLog.frame(payload, records);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        Promise<Void> promise = Promise.promise();
        if (!enqueue(new Append(frame, records, afterWrite, promise, CallerContext.current()))) {
            return Future.failedFuture(new IllegalStateException("history store is closed"));
        }
        return promise.future();
    }

    /**
     * Seals the active segment once every append queued before this call is written, and starts a
     * new one. The future (completed on the writer thread) holds the new active segment: every
     * earlier append lies in a lower segment and has had its {@code afterWrite} run.
     */
    public Future<Segment> roll() {
        Promise<Segment> promise = Promise.promise();
        if (!enqueue(new Roll(promise))) {
            return Future.failedFuture(new IllegalStateException("history store is closed"));
        }
        return promise.future();
    }

    /**
     * Writes and forces everything queued, then stops the writer thread; later appends fail. The
     * future completes on the writer thread. Does not close the {@link SegmentLog}.
     */
    public Future<Void> close() {
        enqueue(new Stop());
        return stopped.future();
    }

    private synchronized boolean enqueue(Task task) {
        // Under the lock, so nothing can be queued behind the Stop and never be answered.
        if (closing) {
            return false;
        }
        if (task instanceof Stop) {
            closing = true;
        }
        queue.add(task);
        return true;
    }

    private void run() {
        List<Task> round = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                Task first = unsynced
                        ? queue.poll(Math.max(0, lastSync + syncIntervalNanos - System.nanoTime()), TimeUnit.NANOSECONDS)
                        : queue.take();
                if (first != null) {
                    round.add(first);
                    queue.drainTo(round, MAX_TASKS_PER_ROUND);
                    stop = process(round);
                    round.clear();
                }
                if (unsynced && System.nanoTime() - lastSync >= syncIntervalNanos) {
                    syncQuietly();
                }
            }
            if (unsynced) {
                log.sync();
            }
            stopped.complete();
        } catch (IOException | RuntimeException | InterruptedException e) {
            stopped.fail(e);
        }
    }

    /** Handles one round of tasks in order; true when it ended with the stop request. */
    private boolean process(List<Task> tasks) {
        List<Append> group = new ArrayList<>();
        long groupBytes = 0;
        for (Task task : tasks) {
            if (task instanceof Append a) {
                if (!group.isEmpty() && groupBytes + a.frame().remaining() > MAX_GROUP_BYTES) {
                    commit(group);
                    group.clear();
                    groupBytes = 0;
                }
                group.add(a);
                groupBytes += a.frame().remaining();
                continue;
            }
            commit(group);
            group.clear();
            groupBytes = 0;
            if (task instanceof Roll r) {
                try {
                    r.promise().complete(log.roll());
                } catch (IOException | RuntimeException e) {
                    r.promise().fail(e);
                }
            } else {
                return true;
            }
        }
        commit(group);
        return false;
    }

    private void commit(List<Append> group) {
        if (group.isEmpty()) {
            return;
        }
        ByteBuffer[] frames = new ByteBuffer[group.size()];
        long records = 0;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = group.get(i).frame();
            records += group.get(i).records();
        }
        try {
            log.append(frames, records);
            if (syncIntervalNanos == 0) {
                log.sync();
                lastSync = System.nanoTime();
            } else {
                unsynced = true;
            }
        } catch (IOException | RuntimeException e) {
            group.forEach(a -> a.caller().fail(a.promise(), e));
            return;
        }
        for (Append a : group) {
            try {
                a.afterWrite().run();
            } catch (RuntimeException e) {
                a.caller().fail(a.promise(), e);
                continue;
            }
            a.caller().complete(a.promise(), null);
        }
    }

    private void syncQuietly() {
        try {
            log.sync();
        } catch (IOException e) {
            // Nobody waits for an interval sync; the appends it covers were acknowledged already.
            LOG.error("forcing {} to the device failed; appends of the last interval may not survive a power loss",
                    log.directory(), e);
        }
        unsynced = false;
        lastSync = System.nanoTime();
    }
}
