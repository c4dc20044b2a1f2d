package io.citytwin.ingest.kafka;

import io.citytwin.ingest.handoff.ReadingSink;
import io.vertx.core.Future;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consumes the telemetry topic as a member of a consumer group (scaled mode) and hands each polled
 * batch to a downstream {@link ReadingSink} (in the app: apply to the live twin and append to
 * history).
 *
 * <p>Delivery is at least once. Offsets are committed only after the downstream's future for the
 * batch succeeded; auto-commit is off. When the downstream fails, throws or takes longer than
 * {@link ConsumerTuning#downstreamTimeout()}, nothing of the batch is committed: the consumer
 * rewinds each partition to the batch's first record and tries again after an exponential
 * back-off, until it succeeds or the partitions move to another member, which then starts from
 * the last commit. The downstream therefore sees duplicates and must apply them idempotently.
 * Each partition is handed on in offset order, so a sensor's readings arrive in the order they
 * were produced (possibly repeating a suffix after a retry).
 *
 * <p>Undecodable records go to the {@link UndecodableRecordHandler} with topic, partition, offset
 * and reason, are counted, and are committed with their batch: they never stop the stream.
 *
 * <p>Threading: the consumer lives on its own daemon thread; the downstream is called on it and
 * may complete its future on any thread. No method here blocks.
 */
public final class KafkaReadingSource {

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ConsumeLoop loop;
  private final Thread thread;
  private boolean startRequested;
  private boolean stopRequested;

  /**
   * Prepares the source; nothing connects before {@link #start()}.
   *
   * @param settings cluster, topic, group and tuning
   * @param downstream takes every decoded batch; called on the poll thread, one batch at a time.
   *     An attempt that outlives the downstream timeout is abandoned, not cancelled: the retry
   *     may then overlap with it
   * @param deadLetters takes every undecodable record
   */
  public KafkaReadingSource(
      KafkaSettings settings, ReadingSink downstream, UndecodableRecordHandler deadLetters) {
    Objects.requireNonNull(settings, "settings");
    this.loop =
        new ConsumeLoop(
            settings,
            () -> {
              TopicSetup.ensureExists(settings);
              return KafkaClients.consumer(settings);
            },
            Objects.requireNonNull(downstream, "downstream"),
            Objects.requireNonNull(deadLetters, "deadLetters"));
    this.thread = new Thread(loop, "citytwin-kafka-source-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Creates the topic if absent, joins the group and starts polling. The future succeeds once the
   * consumer has subscribed (partitions are assigned shortly after) and fails if the topic could
   * not be set up. Calling it again returns the same outcome.
   */
  public synchronized Future<Void> start() {
    if (!startRequested && !stopRequested) {
      startRequested = true;
      thread.start();
    }
    return VertxFutures.onCallerContext(loop.started);
  }

  /**
   * Stops polling, lets the batch in hand finish (at most the downstream timeout), commits what
   * the downstream completed, leaves the group and closes the consumer. The future completes when
   * all that is done; it fails if the loop had stopped on a fatal error. Idempotent.
   */
  public synchronized Future<Void> stop() {
    stopRequested = true;
    if (!startRequested) {
      loop.started.completeExceptionally(
          new KafkaBridgeException("the Kafka source was stopped before it started"));
      loop.terminated.complete(null);
    } else {
      loop.requestStop();
    }
    return VertxFutures.onCallerContext(loop.terminated);
  }

  /**
   * Completes when the poll loop has ended: normally after {@link #stop()}, exceptionally if a
   * non-retriable Kafka error (authorisation, configuration) ended it on its own.
   */
  public Future<Void> terminated() {
    return VertxFutures.onCallerContext(loop.terminated);
  }

  /** The partitions of the topic this member holds now; empty before the first assignment. */
  public Set<Integer> assignedPartitions() {
    return loop.assignedPartitions();
  }

  /** A snapshot of the counters. */
  public SourceStatistics statistics() {
    return loop.statistics();
  }
}
