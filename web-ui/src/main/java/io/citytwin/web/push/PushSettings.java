package io.citytwin.web.push;

import java.time.Duration;
import java.util.List;

/**
 * How {@link LivePush} forwards events.
 *
 * @param addresses event-bus addresses whose publications (JSON objects, or JSON text) are
 *     forwarded to every client as they are; each payload carries its own {@code type}
 * @param writeQueueMaxBytes bytes a client may have waiting in its socket's write queue before
 *     frames for it are dropped; keep it above the size of a hello snapshot
 * @param maxPendingFrames frames held for a client while its snapshot is being fetched; more are
 *     dropped (and another snapshot follows)
 * @param minResyncInterval least time between two snapshots sent to one client, so a client that
 *     is always too slow gets a snapshot now and then instead of a snapshot loop
 */
public record PushSettings(
    List<String> addresses, int writeQueueMaxBytes, int maxPendingFrames, Duration minResyncInterval) {

  public PushSettings {
    addresses = List.copyOf(addresses);
    if (writeQueueMaxBytes < 1024) {
      throw new IllegalArgumentException("writeQueueMaxBytes must be at least 1024, not " + writeQueueMaxBytes);
    }
    if (maxPendingFrames < 1) {
      throw new IllegalArgumentException("maxPendingFrames must be at least 1, not " + maxPendingFrames);
    }
    if (minResyncInterval.isNegative()) {
      throw new IllegalArgumentException("minResyncInterval must not be negative, not " + minResyncInterval);
    }
  }

  /** Defaults around {@code addresses}: 1 MiB write queue, 1000 pending frames, 5 s between resyncs. */
  public static PushSettings of(List<String> addresses) {
    return new PushSettings(addresses, 1 << 20, 1000, Duration.ofSeconds(5));
  }

  public PushSettings withWriteQueueMaxBytes(int bytes) {
    return new PushSettings(addresses, bytes, maxPendingFrames, minResyncInterval);
  }

  public PushSettings withMinResyncInterval(Duration interval) {
    return new PushSettings(addresses, writeQueueMaxBytes, maxPendingFrames, interval);
  }
}
