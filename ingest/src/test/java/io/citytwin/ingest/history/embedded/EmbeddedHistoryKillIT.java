package io.citytwin.ingest.history.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.history.AppendingChild;
import io.citytwin.ingest.history.ChildProcess;
import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.SyntheticReadings;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantee of {@link EmbeddedHistoryStore}: a process killed without warning (SIGKILL, no
 * close, no checkpoint since open) loses no batch it acknowledged; at the next open the log is
 * replayed into the index.
 */
class EmbeddedHistoryKillIT {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedBatchSurvivesAKill() throws Exception {
        long start = System.currentTimeMillis();
        Path storeDir = dir.resolve("history");
        BitSet acked = ChildProcess.runAndKill(dir.resolve("child.out"), 300, "embedded", storeDir.toString(),
                Long.toString(start));

        EmbeddedHistoryStore store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(storeDir));
        try {
            assertThat(store.stats().replayedAtOpen()).as("points replayed from the log")
                    .isGreaterThanOrEqualTo((long) acked.cardinality() * AppendingChild.BATCH);
            Map<String, Set<String>> stored = new HashMap<>();
            for (int s = 0; s < AppendingChild.SENSORS; s++) {
                String sensor = SyntheticReadings.sensorId(s);
                for (HistoryPoint p : EmbeddedHistoryStoreTest.get(store.query(
                        new HistoryQuery(sensor, null, Long.MIN_VALUE, Long.MAX_VALUE, HistoryQuery.MAX_LIMIT)))) {
                    stored.computeIfAbsent(sensor, k -> new HashSet<>()).add(key(p.quantity().canonicalName(),
                            p.timestampMillis(), p.value()));
                }
            }
            SyntheticReadings readings = new SyntheticReadings(AppendingChild.SENSORS, start, AppendingChild.SEED);
            int missing = 0;
            for (int n = 0; n <= acked.length(); n++) {
                List<HistoryRecord> batch = readings.next(AppendingChild.BATCH);
                if (!acked.get(n)) {
                    continue;
                }
                for (HistoryRecord r : batch) {
                    Set<String> points = stored.getOrDefault(r.reading().sensorId(), Set.of());
                    if (!points.contains(key(r.reading().quantity().canonicalName(), r.reading().timestampMillis(),
                            r.reading().value()))) {
                        missing++;
                    }
                }
            }
            assertThat(missing).as("acknowledged readings missing after the kill, of %d",
                    acked.cardinality() * AppendingChild.BATCH).isZero();
        } finally {
            EmbeddedHistoryStoreTest.get(store.close());
        }
    }

    private static String key(String quantity, long time, double value) {
        return quantity + "@" + time + "=" + value;
    }
}
