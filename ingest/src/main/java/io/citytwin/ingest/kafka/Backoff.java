package io.citytwin.ingest.kafka;

import java.time.Duration;

/** Exponential back-off: min, 2 min, 4 min, ... capped at max, back to min on reset. Not thread-safe. */
final class Backoff {

  private final long minMillis;
  private final long maxMillis;
  private long nextMillis;

  Backoff(Duration min, Duration max) {
    this.minMillis = min.toMillis();
    this.maxMillis = max.toMillis();
    if (minMillis < 1 || maxMillis < minMillis) {
      throw new IllegalArgumentException("back-off needs 1 ms <= min <= max: " + min + ", " + max);
    }
    this.nextMillis = minMillis;
  }

  /** The pause before the next attempt, in milliseconds; each call doubles the following one. */
  long nextMillis() {
    long delay = nextMillis;
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    return delay;
  }

  /** After a success: the next failure waits min again. */
  void reset() {
    nextMillis = minMillis;
  }
}
