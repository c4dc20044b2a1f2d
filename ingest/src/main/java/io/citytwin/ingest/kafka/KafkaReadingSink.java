package io.citytwin.ingest.kafka;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Hands readings to Kafka (scaled mode): one record per sensor of a batch, key = sensor id, value
 * in the {@link ReadingRecordCodec} format. The default partitioner hashes the key, so a sensor's
 * readings share a partition and stay in order as long as the partition count does not change.
 *
 * <p>Delivery: the producer is idempotent with {@code acks=all}. A {@link #deliver} future
 * succeeds once the broker acknowledged every record of the batch, and fails if any record failed,
 * was refused (sink closed, queue full) or was not acknowledged within {@link
 * ProducerTuning#deliveryTimeout()}. A failed batch may be partly written; the sender redelivers
 * it and the consuming side tolerates the duplicates.
 *
 * <p>Threading: nothing here blocks the caller. {@code KafkaProducer.send} can block for metadata
 * or buffer space up to {@link ProducerTuning#maxBlock()}, so every send happens on one dedicated
 * sender thread, in the order of the {@code deliver} calls, behind a bounded queue ({@link
 * ProducerTuning#maxQueuedBatches()}). When called on a Vert.x context, handlers of the returned
 * futures run on that context.
 */
public final class KafkaReadingSink implements ReadingSink {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final KafkaSettings settings;
  private final Producer<byte[], byte[]> producer;
  private final ThreadPoolExecutor sender;
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  /** Creates the producer; it connects lazily. Call {@link #close()} when done. */
  public KafkaReadingSink(KafkaSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.producer = KafkaClients.producer(settings);
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.producer().maxQueuedBatches()),
            task -> {
              Thread t = new Thread(task, "citytwin-kafka-sink-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Creates the topic if it is absent and loads its metadata, so that a missing or unreachable
   * cluster shows at start-up rather than as failing batches. Optional: {@link #deliver} works
   * without it.
   */
  public Future<TopicSetup.TopicState> start() {
    CompletableFuture<TopicSetup.TopicState> started = new CompletableFuture<>();
    try {
      sender.execute(
          () -> {
            try {
              TopicSetup.TopicState state = TopicSetup.ensureExists(settings);
              producer.partitionsFor(settings.topic());
              started.complete(state);
            } catch (RuntimeException e) {
              started.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      started.completeExceptionally(refusal());
    }
    return VertxFutures.onCallerContext(started);
  }

  /**
   * Sends the batch, one record per sensor; see the class comment for when the future completes.
   * Fails at once, without sending anything, if a reading's sensor id cannot be a record key.
   */
  @Override
  public Future<Void> deliver(List<Reading> readings) {
    if (readings.isEmpty()) {
      return Future.succeededFuture();
    }
    List<ProducerRecord<byte[], byte[]>> records;
    try {
      records = toRecords(readings);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    BatchAcknowledgement ack = new BatchAcknowledgement(records.size());
    try {
      sender.execute(() -> send(records, ack));
    } catch (RejectedExecutionException e) {
      ack.result.completeExceptionally(refusal());
    }
    return VertxFutures.onCallerContext(ack.result);
  }

  /**
   * Stops taking batches, sends those already queued, waits for their acknowledgements (at most
   * {@link ProducerTuning#deliveryTimeout()}), then closes the producer; batches still unacknowledged
   * then fail. Idempotent; does not block the caller.
   */
  public Future<Void> close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!closing.compareAndSet(null, done)) {
      return VertxFutures.onCallerContext(closing.get());
    }
    sender.shutdown();
    Thread closer =
        new Thread(
            () -> {
              try {
                long timeoutMillis = settings.producer().deliveryTimeout().toMillis();
                sender.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
                producer.close(settings.producer().deliveryTimeout());
                done.complete(null);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            },
            "citytwin-kafka-sink-close");
    closer.setDaemon(true);
    closer.start();
    return VertxFutures.onCallerContext(done);
  }

  private List<ProducerRecord<byte[], byte[]>> toRecords(List<Reading> readings) {
    List<SensorReadings> sensors = SensorReadings.bySensor(readings);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(sensors.size());
    for (SensorReadings sensor : sensors) {
      records.add(
          new ProducerRecord<>(
              settings.topic(),
              ReadingRecordCodec.key(sensor.sensorId()),
              ReadingRecordCodec.value(sensor)));
    }
    return records;
  }

  /** Runs on the sender thread; may block in {@code send} up to max.block.ms. */
  private void send(List<ProducerRecord<byte[], byte[]>> records, BatchAcknowledgement ack) {
    for (ProducerRecord<byte[], byte[]> record : records) {
      if (ack.result.isDone()) {
        return; // an earlier record failed, so the batch has: spare the rest the wait
      }
      try {
        producer.send(record, (metadata, e) -> ack.completed(record, e));
      } catch (RuntimeException e) {
        ack.completed(record, e);
        return;
      }
    }
  }

  private KafkaBridgeException refusal() {
    return closing.get() != null
        ? new KafkaBridgeException("the Kafka sink is closed")
        : new KafkaBridgeException(
            "the Kafka sink queue is full ("
                + settings.producer().maxQueuedBatches()
                + " batches waiting): Kafka at "
                + settings.bootstrapServers()
                + " is unreachable or slower than the input");
  }

  /** Completes a batch's future when its last record is acknowledged, or at the first failure. */
  private final class BatchAcknowledgement {

    final CompletableFuture<Void> result = new CompletableFuture<>();
    private final AtomicInteger pending;

    BatchAcknowledgement(int records) {
      this.pending = new AtomicInteger(records);
    }

    void completed(ProducerRecord<byte[], byte[]> record, Exception e) {
      if (e != null) {
        String sensor = new String(record.key(), StandardCharsets.US_ASCII);
        result.completeExceptionally(
            new KafkaBridgeException(
                "Kafka topic "
                    + settings.topic()
                    + " did not take the readings of sensor "
                    + sensor
                    + ": "
                    + e,
                e));
      } else if (pending.decrementAndGet() == 0) {
        result.complete(null);
      }
    }
  }
}
