package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.testing.KafkaBroker;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;

/** Readings, settings and offset look-ups shared by the bridge's integration tests. */
final class BridgeFixtures {

  static final long BASE_TIME = 1_763_800_000_000L;

  private BridgeFixtures() {}

  /** Settings for one test: its own topic and group, quick retries, small polls. */
  static KafkaSettings settings(KafkaBroker broker, String name, int partitions) {
    return KafkaSettings.defaults(broker.bootstrapServers())
        .withTopic("telemetry-" + name)
        .withGroupId("twin-" + name)
        .withPartitions(partitions, 1)
        .withConsumer(
            ConsumerTuning.DEFAULTS
                .withMaxPollRecords(25)
                .withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)));
  }

  /**
   * {@code rounds} batches; batch {@code k} holds reading {@code k} of every sensor, sensors in a
   * seeded random order, so sensors interleave but each one's readings have rising timestamps.
   */
  static List<List<Reading>> batches(int sensors, int rounds, long seed) {
    return batches(sensors, 0, rounds, seed);
  }

  /** Rounds {@code from} (inclusive) to {@code to} (exclusive) of {@link #batches(int, int, long)}. */
  static List<List<Reading>> batches(int sensors, int from, int to, long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < sensors; s++) {
      ids.add("sensor-" + s);
    }
    List<List<Reading>> batches = new ArrayList<>();
    for (int k = from; k < to; k++) {
      Collections.shuffle(ids, random);
      List<Reading> batch = new ArrayList<>();
      for (String id : ids) {
        batch.add(new Reading(id, Quantity.TEMPERATURE, k % 50, BASE_TIME + k * 1000L, null));
      }
      batches.add(batch);
    }
    return batches;
  }

  static List<Reading> flatten(List<List<Reading>> batches) {
    return batches.stream().flatMap(List::stream).toList();
  }

  /** Delivers every batch and waits until Kafka acknowledged all of them. */
  static void deliverAll(KafkaReadingSink sink, List<List<Reading>> batches) throws Exception {
    List<Future<Void>> acks = new ArrayList<>();
    for (List<Reading> batch : batches) {
      acks.add(sink.deliver(batch));
    }
    for (Future<Void> ack : acks) {
      get(ack);
    }
  }

  static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Each sensor's readings in arrival order. */
  static Map<String, List<Reading>> bySensor(List<Reading> readings) {
    Map<String, List<Reading>> result = new LinkedHashMap<>();
    readings.forEach(r -> result.computeIfAbsent(r.sensorId(), k -> new ArrayList<>()).add(r));
    return result;
  }

  /** The partition the default partitioner picks for a sensor. */
  static int partitionOf(String sensorId, int partitions) {
    return BuiltInPartitioner.partitionForKey(
        sensorId.getBytes(StandardCharsets.US_ASCII), partitions);
  }

  /** The group's committed offset per partition (partitions without a commit are absent). */
  static Map<Integer, Long> committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<Integer, Long> result = new HashMap<>();
    offsets.forEach(
        (p, o) -> {
          if (o != null) {
            result.put(p.partition(), o.offset());
          }
        });
    return result;
  }

  /** The end offset of every partition of the topic, empty partitions included. */
  static Map<Integer, Long> endOffsets(Admin admin, String topic, int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<Integer, Long> result = new HashMap<>();
    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
        .forEach((p, info) -> result.put(p.partition(), info.offset()));
    return result;
  }

  /** Every sensor's readings arrived in the order they were produced. */
  static void assertPerSensorOrder(List<Reading> arrived) {
    bySensor(arrived)
        .forEach(
            (sensor, readings) ->
                assertThat(readings)
                    .as("readings of %s in arrival order", sensor)
                    .isSortedAccordingTo(
                        (a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis())));
  }
}
