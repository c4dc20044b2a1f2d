package io.citytwin.ingest.kafka;

import static io.citytwin.ingest.kafka.ProducerTuning.requireMillis;

import java.time.Duration;

/**
 * Consumer tuning of the Kafka source.
 *
 * <p>Between two polls the source may wait for the downstream, then back off, then commit, so
 * {@code maxPollInterval} must exceed {@code downstreamTimeout + retryBackoffMax + commitTimeout};
 * a consumer that polls later is expelled from the group by the broker.
 *
 * @param maxPollRecords records per poll, which is also the most handed downstream at once
 * @param pollTimeout how long an idle poll waits for records
 * @param downstreamTimeout how long the downstream may take for one batch before the attempt
 *     counts as failed and the batch is redelivered
 * @param retryBackoffMin first pause after a failed batch; doubles on every further failure
 * @param retryBackoffMax the longest pause between attempts
 * @param commitTimeout how long one offset commit may block the poll thread
 * @param maxPollInterval Kafka's {@code max.poll.interval.ms}
 */
public record ConsumerTuning(
    int maxPollRecords,
    Duration pollTimeout,
    Duration downstreamTimeout,
    Duration retryBackoffMin,
    Duration retryBackoffMax,
    Duration commitTimeout,
    Duration maxPollInterval) {

  /** 500 records, 500 ms poll, 60 s downstream, back-off 100 ms..10 s, 10 s commit, 5 min poll interval. */
  public static final ConsumerTuning DEFAULTS =
      new ConsumerTuning(
          500,
          Duration.ofMillis(500),
          Duration.ofSeconds(60),
          Duration.ofMillis(100),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofMinutes(5));

  public ConsumerTuning {
    if (maxPollRecords < 1) {
      throw new IllegalArgumentException(
          "kafka consumer max poll records must be at least 1, not " + maxPollRecords);
    }
    Duration oneMilli = Duration.ofMillis(1);
    requireMillis("kafka consumer poll timeout", pollTimeout, oneMilli);
    requireMillis("kafka consumer downstream timeout", downstreamTimeout, oneMilli);
    requireMillis("kafka consumer retry back-off min", retryBackoffMin, oneMilli);
    requireMillis("kafka consumer retry back-off max", retryBackoffMax, retryBackoffMin);
    requireMillis("kafka consumer commit timeout", commitTimeout, oneMilli);
    requireMillis("kafka consumer max poll interval", maxPollInterval, oneMilli);
    Duration between = downstreamTimeout.plus(retryBackoffMax).plus(commitTimeout);
    if (maxPollInterval.compareTo(between) <= 0) {
      throw new IllegalArgumentException(
          "kafka consumer max poll interval "
              + maxPollInterval
              + " must exceed downstream timeout + retry back-off max + commit timeout ("
              + between
              + ")");
    }
  }

  public ConsumerTuning withMaxPollRecords(int newMaxPollRecords) {
    return new ConsumerTuning(
        newMaxPollRecords, pollTimeout, downstreamTimeout, retryBackoffMin, retryBackoffMax,
        commitTimeout, maxPollInterval);
  }

  public ConsumerTuning withDownstreamTimeout(Duration newDownstreamTimeout) {
    return new ConsumerTuning(
        maxPollRecords, pollTimeout, newDownstreamTimeout, retryBackoffMin, retryBackoffMax,
        commitTimeout, maxPollInterval);
  }

  public ConsumerTuning withRetryBackoff(Duration newMin, Duration newMax) {
    return new ConsumerTuning(
        maxPollRecords, pollTimeout, downstreamTimeout, newMin, newMax, commitTimeout,
        maxPollInterval);
  }
}
