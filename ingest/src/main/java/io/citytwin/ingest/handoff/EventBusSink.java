package io.citytwin.ingest.handoff;

import io.citytwin.twin.telemetry.Reading;
import io.citytwin.twin.vertx.ReadingBatch;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.List;

/**
 * Hands readings over the local event bus to a consumer that replies once it is done with them:
 * the live twin ({@link TelemetryAddresses#READINGS}: applied) or the incident owner
 * ({@code IncidentAddresses.READINGS}: rules run, incident changes journaled). Both are
 * idempotent, so redelivered readings are harmless.
 */
public final class EventBusSink implements ReadingSink {
  private final Vertx vertx;
  private final String address;
  private final DeliveryOptions options;
  private final boolean exercise;

  /** A sink to the live twin. */
  public static EventBusSink twin(Vertx vertx, long timeoutMs) {
    return new EventBusSink(vertx, TelemetryAddresses.READINGS, timeoutMs);
  }

  public EventBusSink(Vertx vertx, String address, long timeoutMs) {
    this(vertx, address, timeoutMs, false);
  }

  /** @param exercise marks every batch as drill telemetry */
  public EventBusSink(Vertx vertx, String address, long timeoutMs, boolean exercise) {
    this.vertx = vertx;
    this.address = address;
    this.exercise = exercise;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs).setLocalOnly(true);
    ReadingBatch.registerCodec(vertx);
  }

  @Override
  public Future<Void> deliver(List<Reading> readings) {
    return vertx.eventBus()
        .request(address, new ReadingBatch(readings, System.currentTimeMillis(), exercise), options)
        .mapEmpty();
  }
}
