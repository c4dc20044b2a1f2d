package io.citytwin.ingest.kafka;

import java.util.Objects;

/**
 * Where and how the Kafka bridge talks to Kafka. Every constructor validates and names the setting
 * that is wrong; start from {@link #defaults(String)} and change what differs.
 *
 * @param bootstrapServers comma-separated {@code host:port} list ({@code kafka.bootstrap})
 * @param topic the telemetry topic, a legal Kafka topic name
 * @param groupId the consumer group of the twin nodes; every node of one twin uses the same
 * @param clientId prefix of the Kafka {@code client.id} of each producer, consumer and admin client
 * @param partitions partitions of the topic when the bridge creates it; an existing topic is left
 *     as it is. Readings of one sensor stay in order because they share a partition, so changing
 *     the count of a live topic reorders sensors that move
 * @param replicationFactor replicas of the topic when the bridge creates it, or {@link
 *     #BROKER_DEFAULT_REPLICATION} for the broker's {@code default.replication.factor}
 * @param producer producer tuning
 * @param consumer consumer tuning
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    String groupId,
    String clientId,
    int partitions,
    int replicationFactor,
    ProducerTuning producer,
    ConsumerTuning consumer) {

  public static final String DEFAULT_TOPIC = "citytwin.telemetry";
  public static final String DEFAULT_GROUP = "citytwin-twin";
  public static final String DEFAULT_CLIENT_ID = "citytwin";
  /**
   * Twelve partitions let up to twelve twin nodes share the stream and divide evenly over 1, 2, 3,
   * 4 or 6 nodes.
   */
  public static final int DEFAULT_PARTITIONS = 12;
  /** Leave the replication factor to the broker. */
  public static final int BROKER_DEFAULT_REPLICATION = -1;

  private static final int MAX_TOPIC_LENGTH = 249;

  public KafkaSettings {
    requireBootstrap(bootstrapServers);
    requireTopic(topic);
    requireText("kafka group id", groupId);
    requireText("kafka client id", clientId);
    if (partitions < 1) {
      throw new IllegalArgumentException("kafka partitions must be at least 1, not " + partitions);
    }
    if (replicationFactor != BROKER_DEFAULT_REPLICATION
        && (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "kafka replication factor must be 1.."
              + Short.MAX_VALUE
              + " or "
              + BROKER_DEFAULT_REPLICATION
              + " (broker default), not "
              + replicationFactor);
    }
    Objects.requireNonNull(producer, "kafka producer tuning");
    Objects.requireNonNull(consumer, "kafka consumer tuning");
  }

  /** The defaults (topic {@value #DEFAULT_TOPIC}, group {@value #DEFAULT_GROUP}) for a cluster. */
  public static KafkaSettings defaults(String bootstrapServers) {
    return new KafkaSettings(
        bootstrapServers,
        DEFAULT_TOPIC,
        DEFAULT_GROUP,
        DEFAULT_CLIENT_ID,
        DEFAULT_PARTITIONS,
        BROKER_DEFAULT_REPLICATION,
        ProducerTuning.DEFAULTS,
        ConsumerTuning.DEFAULTS);
  }

  public KafkaSettings withTopic(String newTopic) {
    return new KafkaSettings(
        bootstrapServers, newTopic, groupId, clientId, partitions, replicationFactor, producer,
        consumer);
  }

  public KafkaSettings withGroupId(String newGroupId) {
    return new KafkaSettings(
        bootstrapServers, topic, newGroupId, clientId, partitions, replicationFactor, producer,
        consumer);
  }

  public KafkaSettings withClientId(String newClientId) {
    return new KafkaSettings(
        bootstrapServers, topic, groupId, newClientId, partitions, replicationFactor, producer,
        consumer);
  }

  /** Partitions and replication factor for creating the topic. */
  public KafkaSettings withPartitions(int newPartitions, int newReplicationFactor) {
    return new KafkaSettings(
        bootstrapServers, topic, groupId, clientId, newPartitions, newReplicationFactor, producer,
        consumer);
  }

  public KafkaSettings withProducer(ProducerTuning newProducer) {
    return new KafkaSettings(
        bootstrapServers, topic, groupId, clientId, partitions, replicationFactor, newProducer,
        consumer);
  }

  public KafkaSettings withConsumer(ConsumerTuning newConsumer) {
    return new KafkaSettings(
        bootstrapServers, topic, groupId, clientId, partitions, replicationFactor, producer,
        newConsumer);
  }

  private static void requireBootstrap(String servers) {
    requireText("kafka bootstrap servers", servers);
    for (String server : servers.split(",", -1)) {
      String s = server.strip();
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new IllegalArgumentException(
            "kafka bootstrap servers: '" + s + "' is not host:port (in '" + servers + "')");
      }
      int port;
      try {
        port = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(
            "kafka bootstrap servers: '" + s + "' has no port 1..65535 (in '" + servers + "')");
      }
    }
  }

  /** Kafka's own rule: 1..249 characters of {@code a-z A-Z 0-9 . _ -}, not "." or "..". */
  private static void requireTopic(String name) {
    requireText("kafka topic", name);
    if (name.length() > MAX_TOPIC_LENGTH) {
      throw new IllegalArgumentException(
          "kafka topic is " + name.length() + " characters, the limit is " + MAX_TOPIC_LENGTH);
    }
    if (name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("kafka topic cannot be '" + name + "'");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!legal) {
        throw new IllegalArgumentException(
            String.format(
                "kafka topic '%s' has illegal character U+%04X at index %d (allowed: a-z A-Z 0-9 . _ -)",
                name, (int) c, i));
      }
    }
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
