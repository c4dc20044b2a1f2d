package io.citytwin.ingest.history.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.history.AppendingChild;
import io.citytwin.ingest.history.ChildProcess;
import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.SyntheticReadings;
import io.citytwin.ingest.testing.InfluxServer;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The InfluxDB store against a real influxd: what is appended is in InfluxDB, once, even across restarts. */
class InfluxHistoryStoreIT {

    private static final long T0 = System.currentTimeMillis() - Duration.ofHours(1).toMillis();

    @TempDir
    static Path serverDir;

    private static InfluxServer influx;

    @TempDir
    Path dir;

    private String database;

    @BeforeAll
    static void startInflux() throws IOException {
        influx = InfluxServer.startForTest(serverDir);
    }

    @AfterAll
    static void stopInflux() {
        if (influx != null) {
            influx.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void database(TestInfo test) {
        database = "it_" + test.getTestMethod().orElseThrow().getName();
    }

    @Test
    void appendedReadingsAreInInfluxDbAndReadBackThroughTheStore() throws Exception {
        SyntheticReadings readings = new SyntheticReadings(20, T0, 3);
        List<HistoryRecord> written = new ArrayList<>();
        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()));
        try {
            List<Future<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                List<HistoryRecord> batch = readings.next(99);
                written.addAll(batch);
                acks.add(store.append(batch));
            }
            get(Future.all(acks));
            awaitSent(store);
            assertCountsMatch(written);
            assertThat(store.stats().writtenPoints()).isEqualTo(written.size());

            String sensor = SyntheticReadings.sensorId(7);
            List<HistoryPoint> expected = points(written, sensor);
            assertThat(get(store.query(new HistoryQuery(sensor, null, Long.MIN_VALUE, Long.MAX_VALUE, 100_000))))
                    .containsExactlyElementsOf(expected);
            List<HistoryPoint> pm25 = expected.stream().filter(p -> p.quantity() == Quantity.PM25).toList();
            long from = pm25.get(3).timestampMillis();
            long to = pm25.get(9).timestampMillis();
            assertThat(get(store.query(new HistoryQuery(sensor, Quantity.PM25, from, to, 100))))
                    .containsExactlyElementsOf(pm25.subList(3, 10));
            assertThat(get(store.query(new HistoryQuery(sensor, null, from, Long.MAX_VALUE, 5))))
                    .containsExactlyElementsOf(expected.stream().filter(p -> p.timestampMillis() >= from).limit(5)
                            .toList());
        } finally {
            get(store.close());
        }
        assertThat(walFiles(dir.resolve("spool"))).as("a fully sent spool is deleted at close").isEmpty();
    }

    @Test
    void repeatedReadingsDoNotInflateCounts() throws Exception {
        List<HistoryRecord> batch = new SyntheticReadings(10, T0, 4).next(300);
        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()));
        try {
            get(store.append(batch));
            get(store.append(batch));
            get(store.append(batch.subList(100, 200)));
            awaitSent(store);
            assertThat(store.stats().writtenPoints()).isEqualTo(700);
            assertCountsMatch(batch);
        } finally {
            get(store.close());
        }
    }

    @Test
    void aSpoolLeftWhileInfluxDbWasUnreachableIsSentByTheNextStore() throws Exception {
        List<HistoryRecord> batch = new SyntheticReadings(10, T0, 5).next(2000);
        InfluxHistoryStore unreachable = InfluxHistoryStore.open(options(deadUrl()).withCloseTimeout(Duration.ZERO));
        get(unreachable.append(batch));
        await().atMost(10, TimeUnit.SECONDS).until(() -> unreachable.stats().retries() > 0);
        assertThat(unreachable.stats().lastError()).contains("ConnectException");
        get(unreachable.close());
        assertThat(unreachable.stats().pendingPoints()).isEqualTo(2000);
        assertThat(walFiles(dir.resolve("spool"))).isNotEmpty();

        InfluxHistoryStore next = InfluxHistoryStore.open(options(influx.url()));
        try {
            assertThat(next.stats().pendingPoints()).isEqualTo(2000);
            awaitSent(next);
            assertCountsMatch(batch);
        } finally {
            get(next.close());
        }
    }

    @Test
    void aKilledProcessesSpoolIsReplayedAfterTheRestart() throws Exception {
        long start = T0 + 1;
        Path spool = dir.resolve("spool");
        // The child cannot reach InfluxDB, so everything it acknowledged is only in its spool.
        BitSet acked = ChildProcess.runAndKill(dir.resolve("child.out"), 200, "influx", spool.toString(),
                Long.toString(start), deadUrl().toString(), database);

        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()));
        try {
            assertThat(store.stats().pendingPoints()).isGreaterThanOrEqualTo((long) acked.cardinality()
                    * AppendingChild.BATCH);
            awaitSent(store);
            Map<String, Set<String>> stored = new HashMap<>();
            for (int s = 0; s < AppendingChild.SENSORS; s++) {
                String sensor = SyntheticReadings.sensorId(s);
                for (HistoryPoint p : get(store.query(new HistoryQuery(sensor, null, Long.MIN_VALUE, Long.MAX_VALUE,
                        HistoryQuery.MAX_LIMIT)))) {
                    stored.computeIfAbsent(sensor, k -> new HashSet<>()).add(p.quantity() + "@" + p.timestampMillis());
                }
            }
            SyntheticReadings readings = new SyntheticReadings(AppendingChild.SENSORS, start, AppendingChild.SEED);
            List<String> missing = new ArrayList<>();
            for (int n = 0; n <= acked.length(); n++) {
                List<HistoryRecord> batch = readings.next(AppendingChild.BATCH);
                for (HistoryRecord r : acked.get(n) ? batch : List.<HistoryRecord>of()) {
                    String key = r.reading().quantity() + "@" + r.reading().timestampMillis();
                    if (!stored.getOrDefault(r.reading().sensorId(), Set.of()).contains(key)) {
                        missing.add(r.reading().sensorId() + " " + key);
                    }
                }
            }
            assertThat(missing).as("acknowledged readings not in InfluxDB").isEmpty();
        } finally {
            get(store.close());
        }
    }

    @Test
    void aDatabaseDroppedWhileRunningIsCreatedAgain() throws Exception {
        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()));
        try {
            List<HistoryRecord> first = new SyntheticReadings(5, T0, 6).next(30);
            get(store.append(first));
            awaitSent(store);
            influx.query(database, "DROP DATABASE \"" + database + "\"");
            List<HistoryRecord> second = new SyntheticReadings(5, T0 + 100_000, 7).next(30);
            get(store.append(second));
            awaitSent(store);
            assertCountsMatch(second);
        } finally {
            get(store.close());
        }
    }

    @Test
    void pointsInfluxDbRefusesAreSetAsideAndCountedNeverDropped() throws Exception {
        influx.query(database, "CREATE DATABASE \"" + database + "\"");
        // "value" becomes a string field of pm25 in this shard, so float points conflict.
        assertThat(influx.write(database, "pm25,sensor=other value=\"text\" " + T0 + "\n")).isEqualTo(204);
        HistoryRecord refused = new HistoryRecord(new Reading("aq-1", Quantity.PM25, 3, T0 + 1, null), "", "", false);
        HistoryRecord fine = new HistoryRecord(new Reading("aq-1", Quantity.NO2, 4, T0 + 1, null), "", "", false);
        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()).withMaxPointsPerWrite(1));
        try {
            get(store.append(List.of(refused)));
            get(store.append(List.of(fine)));
            awaitSent(store);
            assertThat(store.stats().rejectedPoints()).isEqualTo(1);
            assertThat(store.stats().writtenPoints()).isEqualTo(1);
            assertThat(store.stats().lastError()).contains("field type conflict").contains("rejected");
            try (Stream<Path> kept = Files.list(dir.resolve("spool").resolve("rejected"))) {
                assertThat(kept.map(InfluxHistoryStoreIT::read)).singleElement()
                        .isEqualTo("pm25,exercise=false,sensor=aq-1 value=3.0 " + (T0 + 1) + "\n");
            }
            assertThat(influx.count(database, "no2")).isEqualTo(1);
        } finally {
            get(store.close());
        }
    }

    @Test
    void sensorIdsAreBoundNeverSpliced() throws Exception {
        InfluxHistoryStore store = InfluxHistoryStore.open(options(influx.url()));
        try {
            String odd = "gw-3:zone.7_b-12";
            get(store.append(List.of(new HistoryRecord(new Reading(odd, Quantity.SMOKE, 0.5, T0, null), "", "smoke",
                    false))));
            awaitSent(store);
            assertThat(get(store.query(new HistoryQuery(odd, Quantity.SMOKE, T0, T0, 10))))
                    .extracting(HistoryPoint::value).containsExactly(0.5);
            for (String hostile : List.of("x' OR sensor =~ /.*/ --", "\" OR 1=1", "gw-3:zone.7_b-1")) {
                assertThat(get(store.query(new HistoryQuery(hostile, null, Long.MIN_VALUE, Long.MAX_VALUE, 10))))
                        .as(hostile).isEmpty();
            }
        } finally {
            get(store.close());
        }
    }

    private InfluxHistoryOptions options(URI url) {
        return InfluxHistoryOptions.of(url, database, dir.resolve("spool"))
                .withRetry(Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private void assertCountsMatch(List<HistoryRecord> distinct) {
        Map<Quantity, Set<String>> expected = new HashMap<>();
        for (HistoryRecord r : distinct) {
            expected.computeIfAbsent(r.reading().quantity(), q -> new HashSet<>())
                    .add(r.reading().sensorId() + "@" + r.reading().timestampMillis());
        }
        for (Quantity q : Quantity.values()) {
            assertThat(influx.count(database, q.canonicalName())).as("count(value) of %s", q.canonicalName())
                    .isEqualTo(expected.getOrDefault(q, Set.of()).size());
        }
    }

    private static List<HistoryPoint> points(List<HistoryRecord> records, String sensor) {
        return records.stream().filter(r -> r.reading().sensorId().equals(sensor))
                .map(r -> new HistoryPoint(sensor, r.reading().quantity(), r.reading().timestampMillis(),
                        r.reading().value(), r.exercise()))
                .sorted(Comparator.comparingLong(HistoryPoint::timestampMillis)
                        .thenComparing(p -> p.quantity().canonicalName()))
                .toList();
    }

    static void awaitSent(InfluxHistoryStore store) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> store.stats().pendingPoints() == 0);
    }

    /** A loopback URL nothing listens on: connections are refused at once. */
    static URI deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    static List<Path> walFiles(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.toString().endsWith(".wal")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
