package io.citytwin.ingest.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Producer tuning of the Kafka sink. Acknowledgement and idempotence are not tunable: the sink
 * always uses {@code acks=all} and {@code enable.idempotence=true}.
 *
 * @param linger how long the producer waits to fill a batch ({@code linger.ms}); trades latency
 *     for fewer, larger requests
 * @param batchBytes upper bound of one partition batch in bytes ({@code batch.size})
 * @param compression {@code none}, {@code gzip}, {@code snappy}, {@code lz4} or {@code zstd}
 * @param maxBlock how long a send may block the sink's sender thread waiting for metadata or
 *     buffer space ({@code max.block.ms}) before that batch fails; never an event loop
 * @param deliveryTimeout how long a record may take from send to broker acknowledgement,
 *     retries included ({@code delivery.timeout.ms}); a batch future fails after at most this
 * @param maxQueuedBatches batches waiting for the sender thread; beyond it {@code deliver} fails at
 *     once, which is the back-pressure a slow or unreachable cluster exerts on the MQTT side
 */
public record ProducerTuning(
    Duration linger,
    int batchBytes,
    String compression,
    Duration maxBlock,
    Duration deliveryTimeout,
    int maxQueuedBatches) {

  /** The producer's request timeout, which {@code delivery.timeout.ms} must cover with linger. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final Set<String> COMPRESSIONS = Set.of("none", "gzip", "snappy", "lz4", "zstd");

  /** 5 ms linger, 64 KiB batches, lz4, 5 s max block, 2 min delivery timeout, 1,000 batches. */
  public static final ProducerTuning DEFAULTS =
      new ProducerTuning(
          Duration.ofMillis(5), 64 * 1024, "lz4", Duration.ofSeconds(5), Duration.ofMinutes(2), 1000);

  public ProducerTuning {
    requireMillis("kafka producer linger", linger, Duration.ZERO);
    requireMillis("kafka producer max block", maxBlock, Duration.ZERO);
    requireMillis("kafka producer delivery timeout", deliveryTimeout, Duration.ofMillis(1));
    if (batchBytes < 1) {
      throw new IllegalArgumentException(
          "kafka producer batch size must be at least 1 byte, not " + batchBytes);
    }
    if (!COMPRESSIONS.contains(compression)) {
      throw new IllegalArgumentException(
          "kafka producer compression '" + compression + "' is not one of " + COMPRESSIONS);
    }
    if (deliveryTimeout.compareTo(linger.plus(REQUEST_TIMEOUT)) < 0) {
      throw new IllegalArgumentException(
          "kafka producer delivery timeout "
              + deliveryTimeout
              + " must be at least linger + the 30 s request timeout ("
              + linger.plus(REQUEST_TIMEOUT)
              + ")");
    }
    if (maxQueuedBatches < 1) {
      throw new IllegalArgumentException(
          "kafka producer queue must hold at least 1 batch, not " + maxQueuedBatches);
    }
  }

  public ProducerTuning withLinger(Duration newLinger, int newBatchBytes) {
    return new ProducerTuning(
        newLinger, newBatchBytes, compression, maxBlock, deliveryTimeout, maxQueuedBatches);
  }

  public ProducerTuning withCompression(String newCompression) {
    return new ProducerTuning(
        linger, batchBytes, newCompression, maxBlock, deliveryTimeout, maxQueuedBatches);
  }

  public ProducerTuning withMaxBlock(Duration newMaxBlock) {
    return new ProducerTuning(
        linger, batchBytes, compression, newMaxBlock, deliveryTimeout, maxQueuedBatches);
  }

  static void requireMillis(String what, Duration value, Duration min) {
    Objects.requireNonNull(value, what);
    if (value.compareTo(min) < 0) {
      throw new IllegalArgumentException(what + " must be at least " + min + ", not " + value);
    }
    if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          what + " must be at most " + Duration.ofMillis(Integer.MAX_VALUE) + ", not " + value);
    }
  }
}
