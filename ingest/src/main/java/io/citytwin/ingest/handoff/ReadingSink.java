package io.citytwin.ingest.handoff;

import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where accepted readings go after decoding: the live twin and history (embedded mode) or Kafka
 * (scaled mode). Transports acknowledge a message to its sender only once the returned future has
 * succeeded, so an implementation completes it only after the readings are durably handed off
 * (applied and stored, or acknowledged by Kafka with acks=all). A failed future means nothing may
 * be assumed delivered; the sender will redeliver, so implementations must tolerate duplicates.
 *
 * <p>May be called from any thread; must not block the caller.
 */
@FunctionalInterface
public interface ReadingSink {

  /**
   * Hands a batch on.
   *
   * @param readings validated, normalised readings, possibly of several sensors; never empty
   */
  Future<Void> deliver(List<Reading> readings);
}
