package io.citytwin.ingest.history.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.SyntheticReadings;
import io.citytwin.ingest.testing.InfluxServer;
import io.citytwin.twin.telemetry.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no loss" scenario: readings are appended continuously (2,500 a second) while InfluxDB is
 * stopped for 60 s and started again on the same data; afterwards every appended reading is in
 * InfluxDB, counted per measurement. The only long test (about 85 s).
 */
class InfluxOutageIT {

    private static final int PER_TICK = 50;
    private static final long TICK_MILLIS = 20;
    private static final String DATABASE = "outage";

    @TempDir
    Path dir;

    @Test
    void everyReadingAppendedAroundA60SecondOutageEndsUpInInfluxDb() throws Exception {
        try (InfluxServer influx = InfluxServer.startForTest(dir.resolve("influx"))) {
            InfluxHistoryStore store = InfluxHistoryStore.open(InfluxHistoryOptions.of(influx.url(), DATABASE,
                    dir.resolve("spool")).withRetry(Duration.ofMillis(250), Duration.ofSeconds(2)));
            Map<Quantity, AtomicLong> acked = new EnumMap<>(Quantity.class);
            SyntheticReadings.QUANTITIES.forEach(q -> acked.put(q, new AtomicLong()));
            AtomicLong failed = new AtomicLong();
            SyntheticReadings readings = new SyntheticReadings(50, System.currentTimeMillis() - 3_600_000, 11);
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            load.scheduleAtFixedRate(() -> {
                List<HistoryRecord> batch = readings.next(PER_TICK);
                store.append(batch).onComplete(ar -> {
                    if (ar.failed()) {
                        failed.incrementAndGet();
                        return;
                    }
                    batch.forEach(r -> acked.get(r.reading().quantity()).incrementAndGet());
                });
            }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            try {
                Thread.sleep(10_000);
                influx.stop();
                long writtenBeforeOutage = store.stats().writtenPoints();
                Thread.sleep(60_000);
                SpoolStats duringOutage = store.stats();
                assertThat(duringOutage.writtenPoints()).as("nothing written while down").isEqualTo(writtenBeforeOutage);
                assertThat(duringOutage.pendingPoints()).as("a minute of load waits in the spool")
                        .isGreaterThan(50_000);
                assertThat(duringOutage.retries()).isPositive();
                assertThat(duringOutage.lastError()).contains("ConnectException");
                influx.start();
                Thread.sleep(10_000);
            } finally {
                load.shutdown();
                load.awaitTermination(10, TimeUnit.SECONDS);
            }
            InfluxHistoryStoreIT.awaitSent(store);
            InfluxHistoryStoreIT.get(store.close());
            SpoolStats end = store.stats();
            assertThat(failed.get()).as("failed appends").isZero();
            assertThat(end.pendingPoints()).as("left in the spool").isZero();
            assertThat(end.rejectedPoints()).isZero();
            long total = 0;
            for (Quantity q : SyntheticReadings.QUANTITIES) {
                assertThat(influx.count(DATABASE, q.canonicalName())).as("count(value) of %s", q.canonicalName())
                        .isEqualTo(acked.get(q).get());
                total += acked.get(q).get();
            }
            assertThat(total).as("readings appended").isGreaterThan(150_000);
        }
    }
}
