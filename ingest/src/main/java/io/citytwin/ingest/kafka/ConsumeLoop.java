package io.citytwin.ingest.kafka;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The poll thread of a {@link KafkaReadingSource}: poll, decode, hand downstream, wait, commit.
 * Everything touching the consumer runs on this one thread; only {@link #requestStop()} and the
 * read-only views are called from others.
 *
 * <p>There is never a batch in flight while the consumer is polled, and rebalance callbacks run
 * only inside a poll, so a revocation always finds every batch either finished (its offsets
 * committed now) or failed and rewound (its offsets never committed): nothing in flight can be
 * skipped or acknowledged for another member.
 */
final class ConsumeLoop implements Runnable {

  private static final System.Logger LOG = System.getLogger(ConsumeLoop.class.getName());
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaSettings settings;
  private final ConsumerTuning tuning;
  private final ReadingSink downstream;
  private final UndecodableRecordHandler deadLetters;
  private final Backoff backoff;

  final CompletableFuture<Void> started = new CompletableFuture<>();
  final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile boolean stopping;
  private final Supplier<Consumer<byte[], byte[]>> connect;
  private volatile Consumer<byte[], byte[]> consumer;
  private volatile Set<Integer> assigned = Set.of();

  /** Done (handed downstream) but not yet committed; retried until committed or revoked. */
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  /** Highest offset per partition already dead-lettered, so a retried batch reports it once. */
  private final Map<TopicPartition, Long> reportedUpTo = new HashMap<>();

  private final LongAdder polledRecords = new LongAdder();
  private final LongAdder deliveredReadings = new LongAdder();
  private final LongAdder undecodableRecords = new LongAdder();
  private final LongAdder deadLetterFailures = new LongAdder();
  private final LongAdder downstreamFailures = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder commitFailures = new LongAdder();
  private volatile String lastFailure;

  /**
   * @param connect sets up the topic and creates the consumer; runs on the loop thread
   */
  ConsumeLoop(
      KafkaSettings settings,
      Supplier<Consumer<byte[], byte[]>> connect,
      ReadingSink downstream,
      UndecodableRecordHandler deadLetters) {
    this.settings = settings;
    this.connect = connect;
    this.tuning = settings.consumer();
    this.downstream = downstream;
    this.deadLetters = deadLetters;
    this.backoff = new Backoff(tuning.retryBackoffMin(), tuning.retryBackoffMax());
  }

  @Override
  public void run() {
    Throwable failure = null;
    try {
      consumer = connect.get();
      consumer.subscribe(List.of(settings.topic()), new Rebalance());
      started.complete(null);
      while (!stopping) {
        step();
      }
    } catch (RuntimeException | Error e) {
      failure = e;
      LOG.log(System.Logger.Level.ERROR, "Kafka source on " + settings.topic() + " failed", e);
    } finally {
      shutdown();
      started.completeExceptionally(failure != null ? failure : stoppedBeforeStart());
      if (failure == null) {
        terminated.complete(null);
      } else {
        terminated.completeExceptionally(failure);
      }
    }
  }

  /** Asks the loop to finish the batch in hand, commit what is done and close. Any thread. */
  void requestStop() {
    stopping = true;
    stopSignal.countDown();
    Consumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  Set<Integer> assignedPartitions() {
    return assigned;
  }

  SourceStatistics statistics() {
    return new SourceStatistics(
        polledRecords.sum(),
        deliveredReadings.sum(),
        undecodableRecords.sum(),
        deadLetterFailures.sum(),
        downstreamFailures.sum(),
        commits.sum(),
        commitFailures.sum(),
        lastFailure);
  }

  private void step() {
    ConsumerRecords<byte[], byte[]> polled;
    try {
      polled = consumer.poll(tuning.pollTimeout());
    } catch (WakeupException e) {
      return; // stop requested
    } catch (RetriableException e) {
      lastFailure = "poll: " + e;
      pause(backoff.nextMillis());
      return;
    }
    commitUncommitted(); // left over from a failed commit
    if (polled.isEmpty()) {
      return;
    }
    polledRecords.add(polled.count());
    PolledBatch batch = PolledBatch.decode(polled, this::reportUndecodable);
    if (handOff(batch.readings())) {
      uncommitted.putAll(batch.nextOffsets());
      commitUncommitted();
      backoff.reset();
    } else if (!stopping) {
      // Rewind so the next poll fetches the same records again; nothing of the batch is committed.
      batch.firstOffsets().forEach(consumer::seek);
      pause(backoff.nextMillis());
    }
  }

  /** Waits for the downstream to take the batch; true only if it succeeded in time. */
  private boolean handOff(List<Reading> readings) {
    if (readings.isEmpty()) {
      return true; // only undecodable records: consumed, nothing to hand on
    }
    try {
      Future<Void> delivery = downstream.deliver(readings);
      if (delivery == null) {
        throw new KafkaBridgeException("the downstream returned no future");
      }
      delivery
          .toCompletionStage()
          .toCompletableFuture()
          .get(tuning.downstreamTimeout().toMillis(), TimeUnit.MILLISECONDS);
      deliveredReadings.add(readings.size());
      return true;
    } catch (ExecutionException e) {
      downstreamFailed(e.getCause());
    } catch (TimeoutException e) {
      downstreamFailed(
          new KafkaBridgeException(
              "the downstream did not finish within " + tuning.downstreamTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
      downstreamFailed(e);
    } catch (RuntimeException e) {
      downstreamFailed(e);
    }
    return false;
  }

  private void downstreamFailed(Throwable cause) {
    downstreamFailures.increment();
    lastFailure = "downstream: " + cause;
  }

  private void reportUndecodable(ConsumerRecord<byte[], byte[]> record, String reason) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Long upTo = reportedUpTo.get(partition);
    if (upTo != null && record.offset() <= upTo) {
      return;
    }
    reportedUpTo.put(partition, record.offset());
    undecodableRecords.increment();
    try {
      deadLetters.accept(
          new UndecodableRecord(
              record.topic(),
              record.partition(),
              record.offset(),
              record.key(),
              record.value(),
              reason));
    } catch (RuntimeException e) {
      deadLetterFailures.increment();
    }
  }

  private void commitUncommitted() {
    if (!uncommitted.isEmpty() && commit(Map.copyOf(uncommitted))) {
      uncommitted.clear();
    }
  }

  /**
   * Commits synchronously; a wake-up (stop) is retried once, since it only means "stop soon". A
   * failure is counted and the records will be redelivered unless a later commit covers them.
   */
  private boolean commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    for (int attempt = 1; ; attempt++) {
      try {
        consumer.commitSync(offsets, tuning.commitTimeout());
        commits.increment();
        return true;
      } catch (WakeupException e) {
        if (attempt == 2) {
          return false;
        }
      } catch (KafkaException e) {
        commitFailures.increment();
        lastFailure = "commit: " + e;
        return false;
      }
    }
  }

  private void pause(long millis) {
    try {
      stopSignal.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
  }

  private void shutdown() {
    Consumer<byte[], byte[]> c = consumer;
    if (c == null) {
      return;
    }
    try {
      commitUncommitted();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "final Kafka commit failed", e);
    } finally {
      try {
        c.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "closing the Kafka consumer failed", e);
      }
      assigned = Set.of();
    }
  }

  private KafkaBridgeException stoppedBeforeStart() {
    return new KafkaBridgeException("the Kafka source was stopped before it started");
  }

  /** Runs inside {@code poll} (and {@code close}) on the loop thread. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      for (TopicPartition p : partitions) {
        OffsetAndMetadata offset = uncommitted.get(p);
        if (offset != null) {
          done.put(p, offset);
        }
      }
      if (!done.isEmpty()) {
        commit(done); // last chance: after this the partitions belong to another member
      }
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions); // already owned by another member: a commit would be refused
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Set<Integer> now = new HashSet<>(assigned);
      partitions.forEach(p -> now.add(p.partition()));
      assigned = Set.copyOf(now);
    }

    private void forget(Collection<TopicPartition> partitions) {
      Set<Integer> now = new HashSet<>(assigned);
      for (TopicPartition p : partitions) {
        uncommitted.remove(p);
        reportedUpTo.remove(p);
        now.remove(p.partition());
      }
      assigned = Set.copyOf(now);
    }
  }
}
