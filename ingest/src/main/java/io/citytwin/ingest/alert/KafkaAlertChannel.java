package io.citytwin.ingest.alert;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Alert channel to Kafka (scaled deployment): every task and incident event as JSON on topic
 * {@code citytwin.alerts}, keyed by incident id so one incident's messages stay ordered.
 * Idempotent producer, {@code acks=all}; sends happen on a dedicated thread because
 * {@code KafkaProducer.send} may block on metadata.
 */
public final class KafkaAlertChannel {
  public static final String TOPIC = "citytwin.alerts";

  private final KafkaProducer<byte[], byte[]> producer;
  private final String topic;
  private final String bootstrapServers;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "citytwin-kafka-alerts");
    t.setDaemon(true);
    return t;
  });

  public KafkaAlertChannel(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "citytwin-alerts");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.topic = topic;
    this.bootstrapServers = bootstrapServers;
  }

  /** Creates the topic when it is missing (brokers often refuse automatic creation). */
  public Future<Void> start() {
    Promise<Void> done = Promise.promise();
    sender.execute(() -> {
      try {
        io.citytwin.ingest.kafka.TopicSetup.ensureExists(
            io.citytwin.ingest.kafka.KafkaSettings.defaults(bootstrapServers).withTopic(topic));
        done.complete();
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    return done.future();
  }

  /** Sends one message keyed by {@code key}; completes when the broker acknowledged it. */
  public Future<Void> send(String key, JsonObject message) {
    Promise<Void> done = Promise.promise();
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
        message.toBuffer().getBytes());
    sender.execute(() -> {
      try {
        producer.send(record, (meta, e) -> {
          if (e == null) {
            done.tryComplete();
          } else {
            done.tryFail(e);
          }
        });
      } catch (RuntimeException e) {
        done.tryFail(e);
      }
    });
    return done.future();
  }

  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    sender.execute(() -> {
      producer.close(java.time.Duration.ofSeconds(5));
      done.complete();
    });
    sender.shutdown();
    return done.future();
  }
}
