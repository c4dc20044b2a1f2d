package io.citytwin.web.sensors;

import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/**
 * {@link SensorService} over the event bus: a client of the verticles answering {@link
 * TelemetryAddresses} (in this JVM or, clustered, on another node).
 *
 * <p>Failures are mapped as {@link BusClient} says: the contract's codes become {@link
 * io.citytwin.web.bus.ServiceException}s, no handler and a time-out are UNAVAILABLE naming the
 * address.
 */
public final class EventBusSensorService implements SensorService {
  private final BusClient bus;

  /** @param timeoutMs how long to wait for an answer before failing with UNAVAILABLE */
  public EventBusSensorService(Vertx vertx, long timeoutMs) {
    this.bus = new BusClient(vertx, timeoutMs);
  }

  public EventBusSensorService(Vertx vertx) {
    this(vertx, 10_000);
  }

  @Override
  public Future<JsonArray> sensors(SensorFilter filter) {
    JsonObject request = new JsonObject();
    if (filter.district() != null) {
      request.put("district", filter.district());
    }
    if (filter.kind() != null) {
      request.put("kind", filter.kind().code());
    }
    if (filter.status() != null) {
      request.put("status", filter.status().code());
    }
    return this.<JsonObject>request(TelemetryAddresses.SENSORS, request)
        .map(reply -> reply.getJsonArray("sensors", new JsonArray()));
  }

  @Override
  public Future<JsonObject> sensor(String id) {
    return request(TelemetryAddresses.SENSOR, id);
  }

  @Override
  public Future<JsonObject> register(Buffer body) {
    return request(TelemetryAddresses.REGISTER, body);
  }

  @Override
  public Future<JsonObject> indicators() {
    return request(TelemetryAddresses.INDICATORS, new JsonObject());
  }

  @Override
  public Future<JsonObject> history(HistoryRequest r) {
    JsonObject request = new JsonObject()
        .put("sensorId", r.sensorId())
        .put("from", r.from().toEpochMilli())
        .put("to", r.to().toEpochMilli());
    r.quantity().ifPresent(q -> request.put("quantity", q.canonicalName()));
    r.limit().ifPresent(l -> request.put("limit", l));
    return request(TelemetryAddresses.HISTORY, request);
  }

  @Override
  public Future<JsonObject> deadLetters(OptionalInt limit) {
    JsonObject request = new JsonObject();
    limit.ifPresent(l -> request.put("limit", l));
    return request(TelemetryAddresses.DEAD_LETTERS, request);
  }

  @Override
  public Future<JsonObject> ingestStats() {
    return request(TelemetryAddresses.INGEST_STATS, new JsonObject());
  }

  private <T> Future<T> request(String address, Object body) {
    return bus.request(address, body);
  }
}
