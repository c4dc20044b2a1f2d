package io.citytwin.ingest.history;

import io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryStore;
import io.citytwin.ingest.history.influx.InfluxHistoryOptions;
import io.citytwin.ingest.history.influx.InfluxHistoryStore;
import io.citytwin.ingest.testing.InfluxServer;
import io.vertx.core.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quick local measurement of append throughput (not a test; timings are never asserted):
 * {@code java -cp ... io.citytwin.ingest.history.AppendThroughput embedded|influx [seconds] [batch] [inFlight] [sensors]}
 * ({@code influx} starts its own influxd).
 * Appends batches of distinct readings with a bounded number of appends in flight, as an MQTT
 * intake with a QoS 1 window does, and prints readings per second acknowledged (for InfluxDB: spooled),
 * then for InfluxDB how long the server took to hold them all.
 */
public final class AppendThroughput {

    private AppendThroughput() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "embedded";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int inFlight = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int sensors = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        Path dir = Files.createTempDirectory("history-throughput");
        InfluxServer influx = null;
        HistoryStore store;
        switch (kind) {
            case "embedded" -> store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
            case "influx" -> {
                influx = InfluxServer.start(InfluxServer.binary().orElseThrow(), dir.resolve("influxd"));
                store = InfluxHistoryStore.open(InfluxHistoryOptions.of(influx.url(), "bench", dir.resolve("spool"))
                        .withCloseTimeout(Duration.ofMinutes(10)));
            }
            default -> throw new IllegalArgumentException("unknown store " + kind);
        }
        SyntheticReadings readings = new SyntheticReadings(sensors, System.currentTimeMillis(), 42);
        System.out.printf("%s store in %s: batches of %d, %d in flight, %d sensors, %d s%n", kind, dir, batch,
                inFlight, sensors, seconds);
        long loadStart = System.nanoTime();
        long appended = run(store, readings, batch, inFlight, seconds);
        long t = System.nanoTime();
        if (store instanceof InfluxHistoryStore s) {
            System.out.println("at end of load: " + s.stats());
        }
        store.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.MINUTES);
        System.out.printf("appended %,d readings; close took %d ms%n", appended, (System.nanoTime() - t) / 1_000_000);
        if (store instanceof InfluxHistoryStore s) {
            System.out.println("after close: " + s.stats());
            long counted = 0;
            for (var q : SyntheticReadings.QUANTITIES) {
                counted += influx.count("bench", q.canonicalName());
            }
            System.out.printf("InfluxDB holds %,d points; sending took %.1f s in all = %,.0f points/s%n", counted,
                    (System.nanoTime() - loadStart) / 1e9, counted / ((System.nanoTime() - loadStart) / 1e9));
            influx.close();
        }
        if (store instanceof EmbeddedHistoryStore) {
            EmbeddedHistoryStore reopened = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
            System.out.println("after reopen: " + reopened.stats());
            reopened.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    static long run(HistoryStore store, SyntheticReadings readings, int batch, int inFlight, int seconds)
            throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long nextReport = start + TimeUnit.SECONDS.toNanos(5);
        long lastAcked = 0;
        long lastReport = start;
        while (System.nanoTime() < end) {
            window.acquire();
            Future<Void> f = store.append(readings.next(batch));
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    acked.addAndGet(batch);
                } else {
                    failed.incrementAndGet();
                }
                window.release();
            });
            long now = System.nanoTime();
            if (now >= nextReport) {
                long a = acked.get();
                System.out.printf("  %,.0f readings/s%n", (a - lastAcked) * 1e9 / (now - lastReport));
                lastAcked = a;
                lastReport = now;
                nextReport = now + TimeUnit.SECONDS.toNanos(5);
            }
        }
        window.acquire(inFlight);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("overall: %,d readings acknowledged in %.1f s = %,.0f readings/s (%d failed batches)%n",
                acked.get(), secs, acked.get() / secs, failed.get());
        return acked.get();
    }
}
