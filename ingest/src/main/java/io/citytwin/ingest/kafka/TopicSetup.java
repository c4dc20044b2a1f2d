package io.citytwin.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Creates the telemetry topic when it is absent. Blocking: call it on a thread of the bridge, never
 * on an event loop.
 */
public final class TopicSetup {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * What was found or made.
   *
   * @param topic the topic name
   * @param partitions its partition count now
   * @param created whether this call created it
   */
  public record TopicState(String topic, int partitions, boolean created) {}

  private TopicSetup() {}

  /**
   * Makes sure {@link KafkaSettings#topic()} exists, creating it with the configured partitions
   * and replication factor; an existing topic is left unchanged, whatever its partition count.
   *
   * @throws KafkaBridgeException if it neither exists nor can be created, or the leaders of a new
   *     topic do not answer, within 30 s each
   */
  public static TopicState ensureExists(KafkaSettings settings) {
    Admin admin = KafkaClients.admin(settings);
    try {
      TopicState state = createOrFind(admin, settings);
      if (state.created()) {
        awaitLeaders(admin, state);
      }
      return state;
    } finally {
      admin.close(CLOSE_TIMEOUT);
    }
  }

  private static TopicState createOrFind(Admin admin, KafkaSettings settings) {
    Optional<Short> replication =
        settings.replicationFactor() == KafkaSettings.BROKER_DEFAULT_REPLICATION
            ? Optional.empty()
            : Optional.of((short) settings.replicationFactor());
    NewTopic topic =
        new NewTopic(settings.topic(), Optional.of(settings.partitions()), replication);
    try {
      get(admin.createTopics(List.of(topic)).all());
      return new TopicState(settings.topic(), settings.partitions(), true);
    } catch (ExecutionException e) {
      // Exists already, or we may not create topics: either way it is usable if it is there.
      Optional<TopicDescription> existing = describe(admin, settings.topic());
      if (existing.isPresent()) {
        return new TopicState(settings.topic(), existing.get().partitions().size(), false);
      }
      throw new KafkaBridgeException(
          "cannot create Kafka topic "
              + settings.topic()
              + " on "
              + settings.bootstrapServers()
              + ": "
              + e.getCause(),
          e.getCause());
    }
  }

  /**
   * Waits until the leader of every partition answers. A new topic shows in metadata a moment
   * before its leaders take writes; an idempotent producer whose first batch to a partition is
   * refused then while its next batches get in (the broker accepts any first sequence number from
   * a producer it does not know) retries that batch with out-of-order sequence errors until its
   * delivery timeout. Listing offsets goes to the leaders; it is repeated while the answer is
   * "not yet" (unknown topic, no leader), for at most 30 s.
   */
  private static void awaitLeaders(Admin admin, TopicState state) {
    Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
    for (int p = 0; p < state.partitions(); p++) {
      partitions.put(new TopicPartition(state.topic(), p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    for (long pauseMillis = 10; ; pauseMillis = Math.min(2 * pauseMillis, 500)) {
      try {
        get(admin.listOffsets(partitions).all());
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new KafkaBridgeException(
              "Kafka topic " + state.topic() + " was created but its leaders do not answer: "
                  + e.getCause(),
              e.getCause());
        }
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaBridgeException("interrupted while waiting for the Kafka topic", e);
      }
    }
  }

  private static Optional<TopicDescription> describe(Admin admin, String topic) {
    try {
      return Optional.of(get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic));
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  private static <T> T get(KafkaFuture<T> future)
      throws ExecutionException {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaBridgeException("interrupted while setting up the Kafka topic", e);
    } catch (TimeoutException e) {
      throw new ExecutionException(
          new KafkaBridgeException("Kafka did not answer within " + TIMEOUT, e));
    }
  }
}
