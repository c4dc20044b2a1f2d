package io.citytwin.ingest.handoff;

import io.citytwin.twin.telemetry.Reading;
import io.citytwin.twin.vertx.ReadingBatch;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.List;

/**
 * Hands readings to the live twin over the local event bus; completes when the twin has applied
 * them. The twin is idempotent, so redelivered readings are harmless.
 */
public final class TwinSink implements ReadingSink {
  private final Vertx vertx;
  private final DeliveryOptions options;

  public TwinSink(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs).setLocalOnly(true);
    ReadingBatch.registerCodec(vertx);
  }

  @Override
  public Future<Void> deliver(List<Reading> readings) {
    return vertx.eventBus()
        .request(TelemetryAddresses.READINGS, new ReadingBatch(readings, System.currentTimeMillis()), options)
        .mapEmpty();
  }
}
