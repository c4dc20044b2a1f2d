package io.citytwin.ingest.history.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.SyntheticReadings;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHistoryStoreTest {

    private static final long T0 = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private EmbeddedHistoryStore store;

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            get(store.close());
        }
    }

    @Test
    void aRangeReadReturnsTheSensorsPointsInsideItOldestFirst() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        // Written newest first and interleaved with another sensor, to show order comes from the index.
        List<HistoryRecord> batch = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            batch.add(record("aq-1", Quantity.PM25, T0 + i * 1000, i));
            batch.add(record("aq-2", Quantity.PM25, T0 + i * 1000, 100 + i));
        }
        get(store.append(batch));

        List<HistoryPoint> points = get(store.query(new HistoryQuery("aq-1", Quantity.PM25, T0 + 2000, T0 + 5000, 100)));
        assertThat(points).extracting(HistoryPoint::timestampMillis)
                .containsExactly(T0 + 2000, T0 + 3000, T0 + 4000, T0 + 5000);
        assertThat(points).extracting(HistoryPoint::value).containsExactly(2.0, 3.0, 4.0, 5.0);
        assertThat(points).allMatch(p -> p.sensorId().equals("aq-1") && p.quantity() == Quantity.PM25);
        assertThat(get(store.query(new HistoryQuery("aq-1", Quantity.PM25, T0, T0 + 9000, 3))))
                .extracting(HistoryPoint::timestampMillis).containsExactly(T0, T0 + 1000, T0 + 2000);
        assertThat(get(store.query(new HistoryQuery("aq-1", Quantity.NO2, T0, T0 + 9000, 100)))).isEmpty();
        assertThat(get(store.query(new HistoryQuery("aq", Quantity.PM25, T0, T0 + 9000, 100)))).isEmpty();
    }

    @Test
    void withoutAQuantityEveryQuantityOfTheSensorIsMergedByTime() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        get(store.append(List.of(
                record("ws-1", Quantity.TEMPERATURE, T0 + 3, 20),
                record("ws-1", Quantity.HUMIDITY, T0 + 1, 60),
                record("ws-1", Quantity.TEMPERATURE, T0 + 2, 21),
                record("ws-1", Quantity.RAINFALL, T0 + 4, 0.5),
                record("ws-1", Quantity.HUMIDITY, T0 + 5, 61),
                record("ws-10", Quantity.HUMIDITY, T0 + 3, 99))));

        List<HistoryPoint> all = get(store.query(new HistoryQuery("ws-1", null, T0, T0 + 10, 100)));
        assertThat(all).extracting(p -> p.quantity().canonicalName() + "@" + (p.timestampMillis() - T0))
                .containsExactly("humidity@1", "temperature@2", "temperature@3", "rainfall@4", "humidity@5");
        assertThat(get(store.query(new HistoryQuery("ws-1", null, T0, T0 + 10, 2)))).hasSize(2);
    }

    @Test
    void aRepeatedReadingIsStoredOnceWithTheLatestValue() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        get(store.append(List.of(record("wl-1", Quantity.WATER_LEVEL, T0, 1.25))));
        get(store.append(List.of(record("wl-1", Quantity.WATER_LEVEL, T0, 1.25),
                record("wl-1", Quantity.WATER_LEVEL, T0, 1.5))));

        assertThat(get(store.query(new HistoryQuery("wl-1", Quantity.WATER_LEVEL, T0, T0, 10))))
                .singleElement().extracting(HistoryPoint::value).isEqualTo(1.5);
        assertThat(store.stats().points()).isEqualTo(1);
    }

    @Test
    void historySurvivesCloseAndReopen() throws Exception {
        SyntheticReadings readings = new SyntheticReadings(10, T0, 1);
        List<HistoryRecord> written = new ArrayList<>();
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        for (int i = 0; i < 20; i++) {
            List<HistoryRecord> batch = readings.next(30);
            written.addAll(batch);
            get(store.append(batch));
        }
        get(store.close());

        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        assertThat(store.stats().points()).isEqualTo(written.size());
        assertThat(store.stats().replayedAtOpen()).isZero(); // a clean close leaves no log to replay
        for (int s = 0; s < 10; s++) {
            String sensor = SyntheticReadings.sensorId(s);
            List<HistoryPoint> expected = written.stream().filter(r -> r.reading().sensorId().equals(sensor))
                    .map(EmbeddedHistoryStoreTest::point)
                    .sorted(java.util.Comparator.comparingLong(HistoryPoint::timestampMillis)
                            .thenComparing(p -> p.quantity().canonicalName()))
                    .toList();
            assertThat(get(store.query(new HistoryQuery(sensor, null, Long.MIN_VALUE, Long.MAX_VALUE, 100_000))))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pointsOlderThanTheRetentionArePruned() throws Exception {
        AtomicLong now = new AtomicLong(T0);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir).withRetention(Duration.ofDays(1))
                .withPruneInterval(Duration.ofMillis(50)).withClock(clock));
        long day = Duration.ofDays(1).toMillis();
        get(store.append(List.of(
                record("aq-1", Quantity.PM25, T0 - 2 * day, 1),
                record("aq-1", Quantity.PM25, T0 - day / 2, 2),
                record("aq-1", Quantity.NO2, T0 - 3 * day, 3),
                record("aq-2", Quantity.PM25, T0 - 2 * day, 4),
                record("aq-2", Quantity.PM25, T0, 5))));

        await().atMost(10, TimeUnit.SECONDS).until(() -> store.stats().pruned() == 3);
        assertThat(get(store.query(new HistoryQuery("aq-1", null, Long.MIN_VALUE, Long.MAX_VALUE, 100))))
                .extracting(HistoryPoint::value).containsExactly(2.0);
        assertThat(get(store.query(new HistoryQuery("aq-2", null, Long.MIN_VALUE, Long.MAX_VALUE, 100))))
                .extracting(HistoryPoint::value).containsExactly(5.0);

        now.addAndGet(day);
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.stats().pruned() == 4);
        assertThat(store.stats().points()).isEqualTo(1);
    }

    @Test
    void checkpointsEmptyTheLogWhileTheStoreRuns() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir).withCheckpointInterval(Duration.ofMillis(100)));
        SyntheticReadings readings = new SyntheticReadings(5, T0, 2);
        for (int i = 0; i < 10; i++) {
            get(store.append(readings.next(15)));
        }
        assertThat(store.stats().logBytes()).isPositive();
        await().atMost(10, TimeUnit.SECONDS).until(() -> store.stats().logBytes() == 16);
        assertThat(store.stats().points()).isEqualTo(150);
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        assertThatThrownBy(() -> EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir)))
                .hasMessageContaining(dir.resolve("points.mv").toString());
    }

    @Test
    void afterCloseAppendsAndQueriesFail() throws Exception {
        EmbeddedHistoryStore closed = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        get(closed.close());
        Future<Void> append = closed.append(List.of(record("aq-1", Quantity.PM25, T0, 1)));
        Future<List<HistoryPoint>> query = closed.query(new HistoryQuery("aq-1", null, T0, T0, 1));
        assertThatThrownBy(() -> get(append)).hasMessageContaining("closed");
        assertThatThrownBy(() -> get(query)).hasMessageContaining("closed");
    }

    @Test
    void resultsArriveOnTheCallersContext() throws Exception {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(dir));
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<List<String>> threads = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                String caller = Thread.currentThread().getName();
                store.append(List.of(record("aq-1", Quantity.PM25, T0, 1)))
                        .compose(x -> {
                            String afterAppend = Thread.currentThread().getName();
                            return store.query(new HistoryQuery("aq-1", null, T0, T0, 1))
                                    .map(points -> List.of(caller, afterAppend, Thread.currentThread().getName()));
                        })
                        .onComplete(ar -> threads.complete(ar.result()));
            });
            assertThat(threads.get(10, TimeUnit.SECONDS)).hasSize(3).allMatch(n -> n.startsWith("vert.x-eventloop"))
                    .containsOnly(threads.get().get(0));
        } finally {
            vertx.close();
        }
    }

    static HistoryRecord record(String sensor, Quantity q, long time, double value) {
        return new HistoryRecord(new Reading(sensor, q, value, time, null), "MC-MO", "air_quality", false);
    }

    static HistoryPoint point(HistoryRecord r) {
        return new HistoryPoint(r.reading().sensorId(), r.reading().quantity(), r.reading().timestampMillis(),
                r.reading().value(), r.exercise());
    }

    static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
