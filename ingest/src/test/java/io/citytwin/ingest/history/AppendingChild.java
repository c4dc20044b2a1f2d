package io.citytwin.ingest.history;

import io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryStore;
import io.citytwin.ingest.history.influx.InfluxHistoryOptions;
import io.citytwin.ingest.history.influx.InfluxHistoryStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * A process that appends readings until it is killed, for crash tests. Arguments:
 * {@code embedded DIR START_MILLIS} or {@code influx SPOOL_DIR START_MILLIS URL DATABASE}. After
 * each acknowledged batch it prints {@code acked <batch number>}; batch {@code n} holds
 * {@link #BATCH} records of {@code new SyntheticReadings(SENSORS, START_MILLIS, SEED)}, in order,
 * so the parent can regenerate exactly what was acknowledged.
 */
public final class AppendingChild {

    public static final int BATCH = 60;
    public static final int SENSORS = 20;
    public static final long SEED = 7;

    private AppendingChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        long start = Long.parseLong(args[2]);
        HistoryStore store = switch (args[0]) {
            // No checkpoint during the run: the kill must leave the log to replay.
            case "embedded" -> EmbeddedHistoryStore.open(
                    EmbeddedHistoryOptions.in(dir).withCheckpointInterval(Duration.ofHours(1)));
            case "influx" -> InfluxHistoryStore.open(InfluxHistoryOptions.of(URI.create(args[3]), args[4], dir));
            default -> throw new IllegalArgumentException(args[0]);
        };
        SyntheticReadings readings = new SyntheticReadings(SENSORS, start, SEED);
        // Several appends in flight, as an intake would have: a kill lands between and inside them.
        Semaphore window = new Semaphore(8);
        for (int n = 0; ; n++) {
            window.acquire();
            int batch = n;
            store.append(readings.next(BATCH)).onComplete(ar -> {
                if (ar.succeeded()) {
                    synchronized (System.out) {
                        System.out.println("acked " + batch);
                        System.out.flush();
                    }
                }
                window.release();
            });
        }
    }
}
