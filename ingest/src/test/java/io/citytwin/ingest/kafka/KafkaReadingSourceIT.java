package io.citytwin.ingest.kafka;

import static io.citytwin.ingest.kafka.BridgeFixtures.batches;
import static io.citytwin.ingest.kafka.BridgeFixtures.bySensor;
import static io.citytwin.ingest.kafka.BridgeFixtures.committed;
import static io.citytwin.ingest.kafka.BridgeFixtures.deliverAll;
import static io.citytwin.ingest.kafka.BridgeFixtures.endOffsets;
import static io.citytwin.ingest.kafka.BridgeFixtures.flatten;
import static io.citytwin.ingest.kafka.BridgeFixtures.get;
import static io.citytwin.ingest.kafka.BridgeFixtures.partitionOf;
import static io.citytwin.ingest.kafka.BridgeFixtures.settings;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.testing.KafkaBroker;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The source's at-least-once contract against a real broker. */
class KafkaReadingSourceIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static KafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    admin = broker.admin();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    admin.close();
    broker.close();
  }

  @Test
  void aFailingDownstreamGetsTheRecordsAgainAndNothingIsCommittedUntilItSucceeds()
      throws Exception {
    KafkaSettings settings = settings(broker, "retry", 3);
    List<Reading> sent = produce(settings, batches(12, 10, 11));
    List<Map<Integer, Long>> committedWhileFailing = new CopyOnWriteArrayList<>();
    RecordingDownstream twin =
        new RecordingDownstream(
            (attempt, readings) -> {
              if (attempt > 3) {
                return Future.succeededFuture();
              }
              committedWhileFailing.add(committedNow(settings));
              if (attempt == 2) {
                throw new IllegalStateException("twin threw");
              }
              return Future.failedFuture(new IllegalStateException("twin busy"));
            });
    KafkaReadingSource source = new KafkaReadingSource(settings, twin, r -> {});

    get(source.start());
    await().atMost(PATIENCE).until(() -> twin.acceptedCount() >= sent.size());
    await().atMost(PATIENCE).until(() -> allCommitted(settings, 3));
    get(source.stop());

    assertThat(committedWhileFailing).hasSize(3).allMatch(Map::isEmpty);
    List<List<Reading>> attempts = twin.attempts();
    assertThat(attempts.get(0)).isNotEmpty();
    for (int failed = 0; failed < 3; failed++) {
      assertThat(twin.accepted()).containsAll(attempts.get(failed));
    }
    assertThat(twin.accepted()).containsExactlyInAnyOrderElementsOf(sent);
    BridgeFixtures.assertPerSensorOrder(twin.accepted());
    SourceStatistics stats = source.statistics();
    assertThat(stats.downstreamFailures()).isEqualTo(3);
    assertThat(stats.lastFailure())
        .isEqualTo("downstream: java.lang.IllegalStateException: twin busy");
  }

  @Test
  void aMemberStoppedMidStreamIsSucceededAtItsLastCommitWithoutLoss() throws Exception {
    KafkaSettings settings = settings(broker, "resume", 2);
    List<Reading> sent = produce(settings, batches(10, 30, 12));
    Promise<Void> inFlight = Promise.promise();
    RecordingDownstream first =
        new RecordingDownstream(
            (attempt, readings) -> attempt <= 2 ? Future.succeededFuture() : inFlight.future());
    KafkaReadingSource a = new KafkaReadingSource(settings, first, r -> {});
    get(a.start());
    await().atMost(PATIENCE).until(() -> first.attempts().size() == 3);
    Map<Integer, Long> commitBeforeStop = committedNow(settings);

    Future<Void> stopped = a.stop();
    inFlight.fail("twin shut down mid-batch");
    get(stopped);

    assertThat(committedNow(settings)).isEqualTo(commitBeforeStop).isNotEmpty();
    List<Reading> unfinished = first.attempts().get(2);
    RecordingDownstream second = RecordingDownstream.accepting();
    KafkaReadingSource b = new KafkaReadingSource(settings, second, r -> {});
    get(b.start());
    int owed = sent.size() - first.acceptedCount();
    await().atMost(PATIENCE).until(() -> second.acceptedCount() >= owed);
    await().atMost(PATIENCE).until(() -> allCommitted(settings, 2));
    get(b.stop());

    assertThat(unfinished).isNotEmpty();
    assertThat(second.accepted()).containsAll(unfinished);
    assertThat(second.accepted()).doesNotContainAnyElementsOf(first.accepted());
    List<Reading> union = new ArrayList<>(first.accepted());
    union.addAll(second.accepted());
    assertThat(union).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void twoMembersSplitThePartitionsAndARebalanceLosesAndRepeatsNothing() throws Exception {
    KafkaSettings settings = settings(broker, "split", 4);
    List<Reading> sent = produce(settings, batches(40, 20, 13));
    // A slow twin keeps batches in flight while the second member joins.
    RecordingDownstream first = new RecordingDownstream((attempt, readings) -> slowly());
    RecordingDownstream second = RecordingDownstream.accepting();
    KafkaReadingSource a = new KafkaReadingSource(settings, first, r -> {});
    KafkaReadingSource b = new KafkaReadingSource(settings, second, r -> {});
    get(a.start());
    await().atMost(PATIENCE).until(() -> first.acceptedCount() >= 100);

    get(b.start());
    await().atMost(PATIENCE).until(() -> splitEvenly(a.assignedPartitions(), b.assignedPartitions()));
    Set<Integer> ofB = b.assignedPartitions();
    await().atMost(PATIENCE)
        .until(() -> first.acceptedCount() + second.acceptedCount() >= sent.size());
    await().atMost(PATIENCE).until(() -> allCommitted(settings, 4));
    get(a.stop());
    get(b.stop());

    List<Reading> union = new ArrayList<>(first.accepted());
    union.addAll(second.accepted());
    assertThat(union).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(bySensor(union)).isEqualTo(bySensor(sent));
    assertThat(second.accepted()).isNotEmpty()
        .allMatch(r -> ofB.contains(partitionOf(r.sensorId(), 4)));
  }

  @Test
  void undecodableRecordsAreDeadLetteredOnceAndTheStreamGoesOn() throws Exception {
    KafkaSettings settings = settings(broker, "garbage", 2);
    TopicSetup.ensureExists(settings);
    List<Reading> valid = new ArrayList<>();
    Set<String> garbageAt = new HashSet<>();
    try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
      for (int p = 0; p < 2; p++) { // each partition starts with garbage, retried below
        garbageAt.add(at(raw.send(new ProducerRecord<>(settings.topic(), p, null, bytes("?"))).get()));
      }
      for (int i = 0; i < 60; i++) {
        Reading r = new Reading("s-" + (i % 6), Quantity.HUMIDITY, i, i, null);
        valid.add(r);
        raw.send(record(settings.topic(), r)).get();
        if (i % 10 == 9) {
          for (ProducerRecord<byte[], byte[]> g : garbage(settings.topic(), i)) {
            garbageAt.add(at(raw.send(g).get()));
          }
        }
      }
    }
    List<UndecodableRecord> deadLetters = new CopyOnWriteArrayList<>();
    RecordingDownstream twin =
        new RecordingDownstream(
            (attempt, readings) ->
                attempt == 1 ? Future.failedFuture("not yet") : Future.succeededFuture());
    KafkaReadingSource source = new KafkaReadingSource(settings, twin, deadLetters::add);

    get(source.start());
    await().atMost(PATIENCE).until(() -> twin.acceptedCount() >= valid.size());
    await().atMost(PATIENCE).until(() -> allCommitted(settings, 2));
    get(source.stop());

    assertThat(twin.accepted()).containsExactlyInAnyOrderElementsOf(valid);
    assertThat(deadLetters).extracting(d -> d.partition() + "@" + d.offset())
        .containsExactlyInAnyOrderElementsOf(garbageAt);
    assertThat(deadLetters).allMatch(d -> d.topic().equals(settings.topic()));
    assertThat(deadLetters).extracting(UndecodableRecord::reason)
        .anyMatch(reason -> reason.equals("record has no key (the sensor id)"))
        .anyMatch(reason -> reason.equals("record of sensor s-1 has no value"))
        .anyMatch(reason -> reason.startsWith("record key '?"))
        .anyMatch(reason -> reason.endsWith("unsupported version 123, this codec reads 1"));
    assertThat(source.statistics().undecodableRecords()).isEqualTo(garbageAt.size());
    assertThat(source.statistics().downstreamFailures()).isEqualTo(1);
  }

  private static List<Reading> produce(KafkaSettings settings, List<List<Reading>> batches)
      throws Exception {
    KafkaReadingSink sink = new KafkaReadingSink(settings);
    try {
      get(sink.start());
      deliverAll(sink, batches);
    } finally {
      get(sink.close());
    }
    return flatten(batches);
  }

  private static Map<Integer, Long> committedNow(KafkaSettings settings) {
    try {
      return committed(admin, settings.groupId());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean allCommitted(KafkaSettings settings, int partitions) throws Exception {
    return committed(admin, settings.groupId())
        .equals(endOffsets(admin, settings.topic(), partitions));
  }

  private static boolean splitEvenly(Set<Integer> a, Set<Integer> b) {
    Set<Integer> all = new HashSet<>(a);
    all.addAll(b);
    return !a.isEmpty() && !b.isEmpty() && all.size() == a.size() + b.size() && all.size() == 4;
  }

  private static Future<Void> slowly() {
    return Future.fromCompletionStage(
        CompletableFuture.runAsync(
            () -> {}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)));
  }

  private static KafkaProducer<byte[], byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, Reading r) {
    SensorReadings sensor = new SensorReadings(r.sensorId(), List.of(r));
    return new ProducerRecord<>(
        topic, ReadingRecordCodec.key(r.sensorId()), ReadingRecordCodec.value(sensor));
  }

  /** Four kinds of garbage: no key, no value, a key that is no sensor id, a foreign version. */
  private static List<ProducerRecord<byte[], byte[]>> garbage(String topic, int i) {
    byte[] valid =
        ReadingRecordCodec.value(
            new SensorReadings("s-1", List.of(new Reading("s-1", Quantity.HUMIDITY, 1, i, null))));
    byte[] foreign = valid.clone();
    foreign[0] = 123;
    return List.of(
        new ProducerRecord<>(topic, null, valid),
        new ProducerRecord<>(topic, bytes("s-1"), null),
        new ProducerRecord<>(topic, new byte[] {(byte) 0xFF, 'x'}, valid),
        new ProducerRecord<>(topic, bytes("s-1"), foreign));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(US_ASCII);
  }

  private static String at(RecordMetadata metadata) {
    return metadata.partition() + "@" + metadata.offset();
  }
}
