package io.citytwin.ingest.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka client configurations derived from {@link KafkaSettings}; the one place for them. */
final class KafkaClients {

  /** Distinct client ids per process, so JMX registrations and broker logs tell clients apart. */
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private KafkaClients() {}

  static KafkaProducer<byte[], byte[]> producer(KafkaSettings settings) {
    ProducerTuning tuning = settings.producer();
    Map<String, Object> config = common(settings, "sink");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Idempotence keeps per-partition order with up to 5 requests in flight.
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, (int) tuning.linger().toMillis());
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, tuning.batchBytes());
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, tuning.compression());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, tuning.maxBlock().toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) tuning.deliveryTimeout().toMillis());
    config.put(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) ProducerTuning.REQUEST_TIMEOUT.toMillis());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings settings) {
    ConsumerTuning tuning = settings.consumer();
    Map<String, Object> config = common(settings, "source");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new group starts at the beginning: readings produced before the first twin node started
    // are still owed to the twin.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, tuning.maxPollRecords());
    config.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) tuning.maxPollInterval().toMillis());
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static Admin admin(KafkaSettings settings) {
    return Admin.create(common(settings, "admin"));
  }

  private static Map<String, Object> common(KafkaSettings settings, String role) {
    Map<String, Object> config = new HashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(
        CommonClientConfigs.CLIENT_ID_CONFIG,
        settings.clientId() + "-" + role + "-" + SEQUENCE.incrementAndGet());
    return config;
  }
}
