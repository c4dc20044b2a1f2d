package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.UnitConversion;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import static io.citytwin.ingest.telemetry.Fleet.NOW;
import static io.citytwin.ingest.telemetry.Fleet.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.telemetry.CorpusMessage.Form;
import io.citytwin.ingest.telemetry.CorpusMessage.Item;
import io.citytwin.ingest.telemetry.CorpusMessage.NameStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * A seeded corpus of 20,000 generated messages, about 60% of them broken in exactly one way the
 * generator knows, interleaved with valid ones, all through one {@link TelemetryIntake}: every bad
 * message must be rejected with the reason it was built to trigger, every valid one decoded to the
 * values it was built from, and the counters must match the tallies exactly.
 */
class TelemetryCorpusTest {

    /** A generated message and what the decoder must make of it. */
    record Case(String kind, String topic, byte[] payload, RejectReason expected, List<Reading> readings) {

        static Case bad(String kind, String topic, String payload, RejectReason expected) {
            return new Case(kind, topic, utf8(payload), expected, List.of());
        }

        @Override
        public String toString() {
            String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            return kind + " on " + topic + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private static final int TRIES = 20_000;
    private static final List<String> SENSOR_IDS = new ArrayList<>(new TreeSet<>(Fleet.SENSORS.keySet()));
    private static final List<String> JUNK_UNITS = List.of("furlong", "degC", "C", "Cel ", "ug/m^3", "km/hr", "dB",
            "m3", "%LEL", "%obs/ft", "lat", "V", "bar", "%");

    private final RejectionCounters counters = new RejectionCounters();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final TelemetryIntake intake = new TelemetryIntake(Fleet.DECODER, counters, deadLetters::add);
    private final Map<RejectReason, Long> expectedRejections = new EnumMap<>(RejectReason.class);
    private long expectedMessages;
    private long expectedReadings;
    private boolean aTryFailed;

    @Property(tries = TRIES, seed = "20261122", generation = GenerationMode.RANDOMIZED,
            edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
    void everyMessageEndsAsItWasBuilt(@ForAll("corpus") Case message) {
        try {
            check(message);
        } catch (AssertionError e) {
            aTryFailed = true; // report this sample, not the tallies it left unfinished
            throw e;
        }
    }

    private void check(Case message) {
        DecodeResult result = intake.process(message.topic(), message.payload(), NOW);
        if (message.expected() != null) {
            expectedRejections.merge(message.expected(), 1L, Long::sum);
            assertThat(result).as("%s", message).isInstanceOf(Rejection.class);
            Rejection rejection = (Rejection) result;
            assertThat(rejection.reason()).as("%s -> %s", message, rejection.detail()).isEqualTo(message.expected());
            DeadLetter letter = deadLetters.get(deadLetters.size() - 1);
            assertThat(letter.payload()).isEqualTo(message.payload());
            assertThat(letter.topic()).isEqualTo(message.topic());
            assertThat(letter.reason()).isEqualTo(message.expected());
            assertThat(letter.detail()).isNotBlank();
        } else {
            expectedMessages++;
            expectedReadings += message.readings().size();
            assertThat(result).as("%s -> %s", message, result).isInstanceOf(Decoded.class);
            List<Reading> actual = ((Decoded) result).readings();
            assertThat(actual).as("%s", message).hasSameSizeAs(message.readings());
            for (int i = 0; i < actual.size(); i++) {
                Reading got = actual.get(i);
                Reading want = message.readings().get(i);
                assertThat(got.sensorId()).isEqualTo(want.sensorId());
                assertThat(got.quantity()).as("%s", message).isEqualTo(want.quantity());
                assertThat(got.value()).as("%s", message)
                        .isCloseTo(want.value(), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(want.value()))));
                assertThat(got.timestampMillis()).as("%s", message).isEqualTo(want.timestampMillis());
                assertThat(got.position()).as("%s", message).isEqualTo(want.position());
            }
        }
    }

    @AfterProperty
    void countersAreExact() {
        if (aTryFailed) {
            return;
        }
        long bad = expectedRejections.values().stream().mapToLong(Long::longValue).sum();
        assertThat(bad + expectedMessages).isEqualTo(TRIES);
        assertThat(bad).isGreaterThanOrEqualTo(10_000);
        for (RejectReason reason : RejectReason.values()) {
            assertThat(counters.count(reason)).as("%s", reason).isEqualTo(expectedRejections.getOrDefault(reason, 0L));
        }
        for (RejectReason reason : EnumSet.complementOf(EnumSet.of(RejectReason.INTERNAL_ERROR))) {
            assertThat(expectedRejections.getOrDefault(reason, 0L)).as("cases built for %s", reason).isGreaterThan(100);
        }
        assertThat(counters.count(RejectReason.INTERNAL_ERROR)).isZero();
        assertThat(counters.acceptedMessages()).isEqualTo(expectedMessages);
        assertThat(counters.acceptedReadings()).isEqualTo(expectedReadings);
        assertThat(deadLetters).hasSize((int) bad);
    }

    @Provide
    @SuppressWarnings("unchecked")
    Arbitrary<Case> corpus() { // also drives TelemetryCorpusMqttIT
        return Arbitraries.frequencyOf(
                Tuple.of(40, valid()),
                Tuple.of(5, notJson()),
                Tuple.of(4, tooDeep()),
                Tuple.of(6, notANumber()),
                Tuple.of(5, unknownQuantity()),
                Tuple.of(4, undeclaredQuantity()),
                Tuple.of(5, unitMismatch()),
                Tuple.of(5, outOfRange()),
                Tuple.of(5, badTimestamp()),
                Tuple.of(3, empty()),
                Tuple.of(3, unknownSensor()),
                Tuple.of(2, tooLarge()),
                Tuple.of(4, sensorMismatch()),
                Tuple.of(3, badTopic()),
                Tuple.of(6, invalidStructure()));
    }

    // ---- valid messages -------------------------------------------------------------------------

    private Arbitrary<Case> valid() {
        return messages().map(m -> new Case("valid " + m.form, m.topic(), utf8(m.render()), null, m.expectedReadings()));
    }

    private Arbitrary<CorpusMessage> messages() {
        return Arbitraries.oneOf(objectMessages(), senmlMessages());
    }

    private Arbitrary<CorpusMessage> objectMessages() {
        Arbitrary<Long> timestamps = Arbitraries.longs().between(NOW - 6L * 86_400_000, NOW + 4 * 60_000).injectNull(0.3);
        Arbitrary<Integer> isoOffsets = Arbitraries.integers().between(-48, 56).map(q -> q * 15).injectNull(0.5);
        Arbitrary<Position> positions = Combinators.combine(
                Arbitraries.doubles().between(-90, 90).ofScale(5),
                Arbitraries.doubles().between(-180, 180).ofScale(5)).as(Position::new).injectNull(0.7);
        return Combinators.combine(Arbitraries.of(SENSOR_IDS), seeds(), timestamps, isoOffsets, positions)
                .as((id, seed, ts, iso, pos) -> new CorpusMessage(id, Form.OBJECT, items(id, false, new Random(seed)),
                        ts, ts == null ? null : iso, pos, NameStyle.PLAIN, null));
    }

    private Arbitrary<CorpusMessage> senmlMessages() {
        Arbitrary<Long> baseTimes = Arbitraries.longs().between(NOW / 1000 - 6 * 86_400, NOW / 1000).injectNull(0.4);
        return Combinators.combine(Arbitraries.of(SENSOR_IDS), seeds(), baseTimes, Arbitraries.of(NameStyle.class))
                .as((id, seed, bt, style) -> new CorpusMessage(id, Form.SENML, items(id, true, new Random(seed)),
                        null, null, null, style, bt));
    }

    /** Seeds for the procedural parts; drawn from jqwik's seeded source, so the corpus is reproducible. */
    private static Arbitrary<Long> seeds() {
        return Arbitraries.randomValue(Random::nextLong);
    }

    /**
     * A non-empty subset of the sensor's quantities with plausible values; for SenML in any
     * accepted unit (written as the exact inverse of the conversion) and at a relative time.
     */
    private static List<Item> items(String sensorId, boolean senml, Random random) {
        List<Quantity> declared = new ArrayList<>(Fleet.SENSORS.get(sensorId));
        declared.sort(Comparator.naturalOrder());
        List<Item> items = new ArrayList<>();
        for (Quantity q : declared) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            List<String> units = senml ? List.copyOf(q.conversions().keySet()) : List.of(q.canonicalUnit());
            String unit = units.get(random.nextInt(units.size()));
            double fraction = random.nextDouble();
            double canonical;
            if (q.wholeNumber()) {
                canonical = Math.floor(q.min() + fraction * (q.max() - q.min()));
            } else {
                double margin = (q.max() - q.min()) * 1e-3; // conversions must not round across a bound
                canonical = Math.round((q.min() + margin + fraction * (q.max() - q.min() - 2 * margin)) * 1000) / 1000.0;
            }
            UnitConversion c = q.conversionFrom(unit);
            double written = c == UnitConversion.IDENTITY ? canonical : canonical * c.divide() / c.multiply() - c.add();
            items.add(new Item(q, canonical, unit, written, senml ? -random.nextInt(3601) : 0));
        }
        if (items.isEmpty()) {
            Quantity q = declared.get(random.nextInt(declared.size()));
            items.add(new Item(q, q.wholeNumber() ? 1 : (q.min() + q.max()) / 2, q.canonicalUnit(),
                    q.wholeNumber() ? 1 : (q.min() + q.max()) / 2, 0));
        }
        return items;
    }

    // ---- one defect each --------------------------------------------------------------------

    private static Case bad(String kind, CorpusMessage m, String payload, RejectReason reason) {
        return Case.bad(kind, m.topic(), payload, reason);
    }

    /** Applies {@code defect} to a random valid message and a random index/choice. */
    private Arbitrary<Case> defect(Arbitrary<CorpusMessage> base, BiFunction<CorpusMessage, Random, Case> defect) {
        return Combinators.combine(base, seeds()).as((m, seed) -> defect.apply(m, new Random(seed)));
    }

    private Arbitrary<Case> notJson() {
        return defect(messages(), (m, r) -> {
            String json = m.render();
            switch (r.nextInt(5)) {
                case 0: return bad("truncated", m, json.substring(0, r.nextInt(json.length())), RejectReason.NOT_JSON);
                case 1: return bad("trailing", m, json + pick(r, " x", "}", "]", ",", " " + json, "\u0000"), RejectReason.NOT_JSON);
                case 2: return bad("garbage", m, pick(r, "@", "<", "x", "'", ")") + randomText(r, 60), RejectReason.NOT_JSON);
                case 3: return bad("single quotes", m, json.replace('"', '\''), RejectReason.NOT_JSON);
                default: return bad("missing comma", m, json.replaceFirst(",", " ").replaceFirst(":", " "),
                        json.indexOf(',') < 0 && json.indexOf(':') < 0 ? null : RejectReason.NOT_JSON);
            }
        });
    }

    private Arbitrary<Case> tooDeep() {
        Arbitrary<Integer> depths = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(10_000)), Tuple.of(2, Arbitraries.integers().between(17, 10_000)));
        return Combinators.combine(messages(), depths, Arbitraries.integers().between(0, 2)).as((m, depth, where) -> {
            String nest = "[".repeat(depth) + "]".repeat(depth);
            if (where == 0) {
                return bad("deep array", m, nest, RejectReason.NESTING_TOO_DEEP);
            }
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                members.add(CorpusMessage.member("pm25", nest));
                return bad("deep value", m, CorpusMessage.object(members), RejectReason.NESTING_TOO_DEEP);
            }
            List<String> records = m.records();
            records.add("{\"n\":\"pm25\",\"v\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
            return bad("deep record", m, CorpusMessage.pack(records), RejectReason.NESTING_TOO_DEEP);
        });
    }

    private Arbitrary<Case> notANumber() {
        return defect(messages(), (m, r) -> {
            int i = r.nextInt(m.items.size());
            String token = pick(r, "\"35.2\"", "true", "false", "null", "NaN", "Infinity", "-Infinity", "1e999",
                    "-1e400", "{}", "[1]", "\"NaN\"", "\"\"");
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                members.set(m.memberIndexOfItem(i), CorpusMessage.member(m.items.get(i).quantity().canonicalName(), token));
                return bad("not a number", m, CorpusMessage.object(members), RejectReason.NOT_A_NUMBER);
            }
            List<String> records = m.records();
            String fragment = r.nextBoolean() ? "\"v\":" + token : pick(r, "\"vs\":\"high\"", "\"vb\":true", "\"vd\":\"aGkK\"");
            records.set(i, m.record(i, fragment));
            return bad("not a number", m, CorpusMessage.pack(records), RejectReason.NOT_A_NUMBER);
        });
    }

    private Arbitrary<Case> unknownQuantity() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(14)
                .filter(n -> Quantity.byName(n) == null && !Set.of("ts", "lat", "lon").contains(n));
        return Combinators.combine(messages(), names, seeds()).as((m, name, seed) -> {
            Random r = new Random(seed);
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                members.add(r.nextInt(members.size() + 1), CorpusMessage.member(name, "1"));
                return bad("unknown quantity", m, CorpusMessage.object(members), RejectReason.UNKNOWN_QUANTITY);
            }
            List<String> records = m.records();
            int i = r.nextInt(records.size());
            records.set(i, m.record(i, name, "", "\"v\":1", m.baseName()));
            return bad("unknown quantity", m, CorpusMessage.pack(records), RejectReason.UNKNOWN_QUANTITY);
        });
    }

    private Arbitrary<Case> undeclaredQuantity() {
        return defect(messages(), (m, r) -> {
            List<Quantity> others = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(Fleet.SENSORS.get(m.sensorId))));
            Quantity q = others.get(r.nextInt(others.size()));
            String value = Double.toString(q.wholeNumber() ? Math.floor(q.max() / 2) : (q.min() + q.max()) / 2);
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                members.add(CorpusMessage.member(q.canonicalName(), value));
                return bad("undeclared quantity", m, CorpusMessage.object(members), RejectReason.UNDECLARED_QUANTITY);
            }
            List<String> records = m.records();
            records.set(0, m.record(0, q.canonicalName(), q.canonicalUnit(), "\"v\":" + value, m.baseName()));
            return bad("undeclared quantity", m, CorpusMessage.pack(records), RejectReason.UNDECLARED_QUANTITY);
        });
    }

    private Arbitrary<Case> unitMismatch() {
        return defect(senmlMessages(), (m, r) -> {
            int i = r.nextInt(m.items.size());
            Quantity q = m.items.get(i).quantity();
            List<String> candidates = new ArrayList<>(JUNK_UNITS);
            for (Quantity other : Quantity.values()) {
                candidates.addAll(other.conversions().keySet());
            }
            candidates.removeAll(q.conversions().keySet());
            String unit = candidates.get(r.nextInt(candidates.size()));
            List<String> records = m.records();
            records.set(i, m.record(i, q.canonicalName(), unit, "\"v\":" + m.items.get(i).written(), m.baseName()));
            return bad("unit mismatch", m, CorpusMessage.pack(records), RejectReason.UNIT_MISMATCH);
        });
    }

    private Arbitrary<Case> outOfRange() {
        return defect(messages(), (m, r) -> {
            int i = r.nextInt(m.items.size());
            Quantity q = m.items.get(i).quantity();
            double span = q.max() - q.min();
            double value;
            int choice = r.nextInt(3);
            if (choice == 0) {
                value = q.max() + Math.max(1e-3, span * r.nextDouble() * 10);
            } else if (choice == 1 || !q.wholeNumber()) {
                value = q.min() - Math.max(1e-3, span * r.nextDouble() * 10);
            } else {
                value = Math.floor(q.max() / 3) + 0.5;
            }
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                members.set(m.memberIndexOfItem(i), CorpusMessage.member(q.canonicalName(), Double.toString(value)));
                return bad("out of range", m, CorpusMessage.object(members), RejectReason.OUT_OF_RANGE);
            }
            List<String> records = m.records();
            records.set(i, m.record(i, q.canonicalName(), q.canonicalUnit(), "\"v\":" + value, m.baseName()));
            return bad("out of range", m, CorpusMessage.pack(records), RejectReason.OUT_OF_RANGE);
        });
    }

    private Arbitrary<Case> badTimestamp() {
        return defect(messages(), (m, r) -> {
            if (m.form == Form.OBJECT) {
                List<String> members = m.members();
                if (m.timestampMillis != null) {
                    members.remove(0);
                }
                String ts = pick(r, "\"2999-01-01T00:00:00Z\"", "32472144000000", "\"2026-11-22T08:00:00\"",
                        "\"yesterday\"", Long.toString(NOW - 8L * 86_400_000 - r.nextInt(1_000_000)),
                        Long.toString(NOW / 1000), Long.toString(NOW + 6 * 60_000 + r.nextInt(1_000_000)),
                        "true", "NaN", "\"2026-13-01T00:00:00Z\"", "{}");
                members.add(r.nextInt(members.size() + 1), CorpusMessage.member("ts", ts));
                return bad("bad ts", m, CorpusMessage.object(members), RejectReason.BAD_TIMESTAMP);
            }
            List<String> records = m.records();
            String bt = pick(r, "3.25e10", Long.toString(NOW / 1000 - 8 * 86_400), "\"now\"", "Infinity");
            // Into the first measurement record: a base-only record's bt that nothing uses is harmless.
            String first = records.get(0);
            records.set(0, m.baseTimeSeconds != null
                    ? first.replace("\"bt\":" + m.baseTimeSeconds, "\"bt\":" + bt)
                    : "{\"bt\":" + bt + "," + first.substring(1));
            return bad("bad bt", m, CorpusMessage.pack(records), RejectReason.BAD_TIMESTAMP);
        });
    }

    private Arbitrary<Case> empty() {
        return Combinators.combine(Arbitraries.of(SENSOR_IDS), Arbitraries.of("{}", "[]", " { } ", "[ ]",
                "{\"ts\":" + NOW + "}", "{\"lat\":43.7,\"lon\":7.42}", "[{\"bn\":\"x:\"}]", "[{\"bt\":1.7953344e9,\"bver\":10}]"))
                .as((id, payload) -> Case.bad("empty", TelemetryTopic.topicFor(id), payload, RejectReason.EMPTY));
    }

    private Arbitrary<Case> unknownSensor() {
        return Combinators.combine(messages(), Arbitraries.integers().between(0, 1_000_000)).as((m, n) ->
                Case.bad("unknown sensor", TelemetryTopic.topicFor("ghost-" + n), m.render(), RejectReason.UNKNOWN_SENSOR));
    }

    private Arbitrary<Case> tooLarge() {
        int limit = DecoderLimits.DEFAULTS.maxPayloadBytes();
        return Combinators.combine(messages(), Arbitraries.integers().between(1, 5_000)).as((m, extra) -> {
            String json = m.render();
            return bad("too large", m, json + " ".repeat(limit - json.length() + extra), RejectReason.PAYLOAD_TOO_LARGE);
        });
    }

    private Arbitrary<Case> sensorMismatch() {
        // Full names (aq-001:pm25) under a foreign base would read as a sub-device path ending in aq-001.
        Arbitrary<CorpusMessage> packs = senmlMessages().filter(m -> m.nameStyle != NameStyle.FULL_NAME);
        return Combinators.combine(packs, Arbitraries.integers().between(0, 99_999)).as((m, n) -> {
            List<String> records = m.records();
            records.set(0, m.record(0, m.items.get(0).quantity().canonicalName(), null,
                    "\"v\":" + m.items.get(0).written(), "urn:dev:zz-" + n + ":"));
            return bad("sensor mismatch", m, CorpusMessage.pack(records), RejectReason.SENSOR_MISMATCH);
        });
    }

    private Arbitrary<Case> badTopic() {
        return defect(messages(), (m, r) -> {
            String topic = pick(r, "citytwin/v1/sensors/+/telemetry", "citytwin/v1/sensors/#",
                    "citytwin/v1/sensors/" + m.sensorId + "/status", "citytwin/v2/sensors/" + m.sensorId + "/telemetry",
                    "citytwin/v1/sensors/" + "x".repeat(65 + r.nextInt(100)) + "/telemetry",
                    "citytwin/v1/sensors//telemetry", "citytwin/v1/sensors/a b/telemetry", "");
            return Case.bad("bad topic", topic, m.render(), RejectReason.BAD_TOPIC);
        });
    }

    private Arbitrary<Case> invalidStructure() {
        return defect(messages(), (m, r) -> {
            switch (r.nextInt(4)) {
                case 0: return bad("top-level scalar", m, pick(r, "42", "\"pm25\"", "true", "null", "-1.5e3"),
                        RejectReason.INVALID_STRUCTURE);
                case 1:
                    if (m.form == Form.OBJECT) {
                        List<String> members = m.members();
                        members.add(members.get(r.nextInt(members.size())));
                        return bad("duplicate key", m, CorpusMessage.object(members), RejectReason.INVALID_STRUCTURE);
                    }
                    List<String> records = m.records();
                    records.add(r.nextInt(records.size() + 1), pick(r, "42", "\"x\"", "[]", "null"));
                    return bad("record not an object", m, CorpusMessage.pack(records), RejectReason.INVALID_STRUCTURE);
                case 2:
                    if (m.form == Form.OBJECT) {
                        List<String> members = m.members();
                        if (m.position != null) {
                            members.removeIf(s -> s.startsWith("\"lon\""));
                        } else {
                            members.add(0, "\"lat\":43.7");
                        }
                        return bad("lat without lon", m, CorpusMessage.object(members), RejectReason.INVALID_STRUCTURE);
                    }
                    List<String> withCrit = m.records();
                    int i = r.nextInt(withCrit.size());
                    withCrit.set(i, withCrit.get(i).replaceFirst("\\{", "{\"crit_\":1,"));
                    return bad("must-understand field", m, CorpusMessage.pack(withCrit), RejectReason.INVALID_STRUCTURE);
                default:
                    if (m.form == Form.OBJECT) {
                        return bad("array in object form", m, "[" + m.render() + "]", RejectReason.INVALID_STRUCTURE);
                    }
                    List<String> versioned = m.records();
                    versioned.set(0, versioned.get(0).replaceFirst("\\{", "{\"bver\":" + (11 + r.nextInt(100)) + ","));
                    return bad("future SenML version", m, CorpusMessage.pack(versioned), RejectReason.INVALID_STRUCTURE);
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String randomText(Random r, int maxLength) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxLength);
        for (int i = 0; i < n; i++) {
            sb.append((char) (r.nextInt(0x250)));
        }
        return sb.toString();
    }
}
