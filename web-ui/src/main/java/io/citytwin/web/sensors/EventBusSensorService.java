package io.citytwin.web.sensors;

import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.sensors.SensorServiceException.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/**
 * {@link SensorService} over the event bus: a client of the verticles answering {@link
 * TelemetryAddresses} (in this JVM or, clustered, on another node).
 *
 * <p>Failure mapping: a {@code ReplyException} with failure code 400, 404, 409 or 503 becomes the
 * matching {@link SensorServiceException} with the replier's message; no handler on the address
 * and a time-out become {@link Problem#UNAVAILABLE} naming the address; any other failure is
 * passed on unchanged.
 */
public final class EventBusSensorService implements SensorService {
  private final Vertx vertx;
  private final long timeoutMs;
  private final DeliveryOptions options;

  /** @param timeoutMs how long to wait for an answer before failing with UNAVAILABLE */
  public EventBusSensorService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
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
    return vertx.eventBus()
        .<T>request(address, body, options)
        .map(Message::body)
        .recover(e -> Future.failedFuture(translate(address, e)));
  }

  /** The failure callers see for a failed request to {@code address}. */
  Throwable translate(String address, Throwable e) {
    if (!(e instanceof ReplyException r)) {
      return e;
    }
    switch (r.failureType()) {
      case NO_HANDLERS:
        return new SensorServiceException(Problem.UNAVAILABLE,
            "no service answers on " + address + " (is it deployed?)");
      case TIMEOUT:
        return new SensorServiceException(Problem.UNAVAILABLE,
            "no answer on " + address + " within " + timeoutMs + " ms");
      default:
        break;
    }
    String message = r.getMessage() == null ? address + " failed with code " + r.failureCode() : r.getMessage();
    return switch (r.failureCode()) {
      case 400 -> new SensorServiceException(Problem.INVALID, message);
      case 404 -> new SensorServiceException(Problem.NOT_FOUND, message);
      case 409 -> new SensorServiceException(Problem.CONFLICT, message);
      case 503 -> new SensorServiceException(Problem.UNAVAILABLE, message);
      default -> e;
    };
  }
}
