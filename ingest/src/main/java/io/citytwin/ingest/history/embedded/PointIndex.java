package io.citytwin.ingest.history.embedded;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.twin.telemetry.Quantity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The points, in one H2 MVStore B-tree keyed by {@link SeriesKey}. A put of an existing key
 * replaces its value, which is what makes a repeated reading count once. MVStore writes its own
 * changes in the background about every second; {@link #checkpoint} makes everything put so far
 * durable, after which the write-ahead log that fed it may go.
 *
 * <p>Thread-safe: MVStore maps take concurrent reads and writes.
 */
final class PointIndex implements AutoCloseable {

    private static final String MAP_NAME = "points";
    private static final Comparator<Run> BY_HEAD =
            Comparator.comparingLong((Run r) -> r.cursor.getKey().timeMillis()).thenComparing(r -> r.quantity);

    private final MVStore store;
    private final MVMap<SeriesKey, StoredValue> points;

    private PointIndex(MVStore store, MVMap<SeriesKey, StoredValue> points) {
        this.store = store;
        this.points = points;
    }

    /**
     * Opens or creates the index file.
     *
     * @throws IOException naming the file when it is locked by another process or unreadable
     */
    static PointIndex open(Path file, int cacheMegabytes) throws IOException {
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes).compress().open();
        } catch (MVStoreException e) {
            throw new IOException("cannot open the history index " + file + ": " + e.getMessage(), e);
        }
        MVMap<SeriesKey, StoredValue> points = store.openMap(MAP_NAME, new MVMap.Builder<SeriesKey, StoredValue>()
                .keyType(IndexTypes.KeyType.INSTANCE).valueType(IndexTypes.ValueType.INSTANCE));
        return new PointIndex(store, points);
    }

    void putAll(List<HistoryPoint> batch) {
        for (HistoryPoint p : batch) {
            points.put(new SeriesKey(p.sensorId(), p.quantity().canonicalName(), p.timestampMillis()),
                    new StoredValue(p.value(), p.exercise()));
        }
    }

    /** Reads one sensor's points in range, oldest first; costs a B-tree descent per series read. */
    List<HistoryPoint> query(HistoryQuery q) {
        List<Run> runs = new ArrayList<>();
        for (Quantity quantity : q.quantity() == null ? Quantity.values() : new Quantity[] {q.quantity()}) {
            Cursor<SeriesKey, StoredValue> cursor = points.cursor(
                    new SeriesKey(q.sensorId(), quantity.canonicalName(), q.fromMillis()),
                    new SeriesKey(q.sensorId(), quantity.canonicalName(), q.toMillis()), false);
            if (cursor.hasNext()) {
                cursor.next();
                runs.add(new Run(quantity, cursor));
            }
        }
        List<HistoryPoint> result = new ArrayList<>(Math.min(q.limit(), 1024));
        // Merge the per-quantity runs by time: one run per quantity the sensor has in range.
        PriorityQueue<Run> heads = new PriorityQueue<>(Math.max(1, runs.size()), BY_HEAD);
        heads.addAll(runs);
        while (!heads.isEmpty() && result.size() < q.limit()) {
            Run run = heads.poll();
            StoredValue v = run.cursor.getValue();
            result.add(new HistoryPoint(q.sensorId(), run.quantity, run.cursor.getKey().timeMillis(), v.value(),
                    v.exercise()));
            if (run.cursor.hasNext()) {
                run.cursor.next();
                heads.add(run);
            }
        }
        return result;
    }

    private record Run(Quantity quantity, Cursor<SeriesKey, StoredValue> cursor) {}

    /**
     * Removes every point older than {@code cutoffMillis}, series by series: a descent per series
     * plus the removals, never a walk over the points kept.
     *
     * @return how many points were removed
     */
    long prune(long cutoffMillis) {
        long removed = 0;
        SeriesKey series = points.firstKey();
        while (series != null) {
            if (cutoffMillis > Long.MIN_VALUE) {
                Cursor<SeriesKey, StoredValue> old = points.cursor(
                        new SeriesKey(series.sensorId(), series.quantity(), Long.MIN_VALUE),
                        new SeriesKey(series.sensorId(), series.quantity(), cutoffMillis - 1), false);
                // The cursor walks a snapshot, so removing behind it is safe.
                while (old.hasNext()) {
                    points.remove(old.next());
                    removed++;
                }
            }
            series = points.higherKey(new SeriesKey(series.sensorId(), series.quantity(), Long.MAX_VALUE));
        }
        return removed;
    }

    /** Writes every change made so far and forces the file to the device. */
    void checkpoint() {
        store.commit();
        store.sync();
    }

    /** Number of points stored. */
    long size() {
        return points.sizeAsLong();
    }

    /** Writes pending changes and closes the file. */
    @Override
    public void close() {
        store.close();
    }
}
