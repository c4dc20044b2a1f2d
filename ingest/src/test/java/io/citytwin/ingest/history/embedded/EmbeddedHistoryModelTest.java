package io.citytwin.ingest.history.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The store against a plain in-memory model: after random batches (with repeats, across a close and
 * reopen), every random query answers what the model does.
 */
class EmbeddedHistoryModelTest {

    private static final List<String> SENSORS = List.of("a", "a.b", "a:1", "b", "b-2");
    private static final List<Quantity> QUANTITIES = List.of(Quantity.PM25, Quantity.NO2, Quantity.TEMPERATURE);

    record Query(String sensor, Quantity quantity, long from, long to, int limit) {}

    @Property(tries = 40, seed = "31337")
    void queriesAnswerWhatTheModelDoes(@ForAll("batches") List<List<HistoryRecord>> batches,
            @ForAll("queries") List<Query> queries) throws Exception {
        Path dir = Files.createTempDirectory("history-model");
        // key "sensor|quantity" -> time -> point; a repeat replaces, like the store
        Map<String, TreeMap<Long, HistoryPoint>> model = new TreeMap<>();
        try {
            // Times are a few ms around the epoch: with the clock there, retention prunes none of them.
            EmbeddedHistoryOptions options = EmbeddedHistoryOptions.in(dir).withClock(Clock.fixed(Instant.EPOCH,
                    ZoneOffset.UTC));
            EmbeddedHistoryStore store = EmbeddedHistoryStore.open(options);
            int half = batches.size() / 2;
            for (int i = 0; i < batches.size(); i++) {
                if (i == half) {
                    EmbeddedHistoryStoreTest.get(store.close());
                    store = EmbeddedHistoryStore.open(options);
                }
                EmbeddedHistoryStoreTest.get(store.append(batches.get(i)));
                for (HistoryRecord r : batches.get(i)) {
                    HistoryPoint p = EmbeddedHistoryStoreTest.point(r);
                    model.computeIfAbsent(p.sensorId() + "|" + p.quantity(), k -> new TreeMap<>())
                            .put(p.timestampMillis(), p);
                }
            }
            for (Query q : queries) {
                List<HistoryPoint> actual = EmbeddedHistoryStoreTest.get(
                        store.query(new HistoryQuery(q.sensor(), q.quantity(), q.from(), q.to(), q.limit())));
                assertThat(actual).as("%s", q).containsExactlyElementsOf(expected(model, q));
            }
            EmbeddedHistoryStoreTest.get(store.close());
        } finally {
            delete(dir);
        }
    }

    private static List<HistoryPoint> expected(Map<String, TreeMap<Long, HistoryPoint>> model, Query q) {
        List<HistoryPoint> points = new ArrayList<>();
        for (Quantity quantity : q.quantity() == null ? QUANTITIES : List.of(q.quantity())) {
            TreeMap<Long, HistoryPoint> series = model.get(q.sensor() + "|" + quantity);
            if (series != null) {
                points.addAll(series.subMap(q.from(), true, q.to(), true).values());
            }
        }
        points.sort(Comparator.comparingLong(HistoryPoint::timestampMillis)
                .thenComparing(p -> p.quantity().canonicalName()));
        return points.subList(0, Math.min(q.limit(), points.size()));
    }

    @Provide
    Arbitrary<List<List<HistoryRecord>>> batches() {
        Arbitrary<HistoryRecord> record = Combinators.combine(Arbitraries.of(SENSORS), Arbitraries.of(QUANTITIES),
                        Arbitraries.longs().between(-20, 20), Arbitraries.integers().between(0, 50),
                        Arbitraries.of(true, false))
                .as((sensor, quantity, time, value, exercise) ->
                        new HistoryRecord(new Reading(sensor, quantity, value, time, null), "", "", exercise));
        return record.list().ofMinSize(1).ofMaxSize(30).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Query>> queries() {
        Arbitrary<Long> time = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.longs().between(-25, 25)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE)));
        return Combinators.combine(Arbitraries.of(SENSORS), Arbitraries.of(QUANTITIES).injectNull(0.3), time, time,
                        Arbitraries.integers().between(1, 40))
                .as((sensor, quantity, a, b, limit) -> new Query(sensor, quantity, Math.min(a, b), Math.max(a, b), limit))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
