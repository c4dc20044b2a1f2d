package io.citytwin.web.scenarios;

import io.citytwin.twin.vertx.SimAddresses;
import io.citytwin.web.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@link ScenarioService} over the event bus: a client of the verticle answering {@link
 * SimAddresses} (in this JVM or, clustered, on another node).
 *
 * <p>Failures are mapped as {@link BusClient} says: 400, 404, 409 and 503 become {@link
 * io.citytwin.web.bus.ServiceException}s with the replier's message; no handler and a time-out are
 * UNAVAILABLE naming the address.
 */
public final class EventBusScenarioService implements ScenarioService {
  private final BusClient bus;

  /** @param timeoutMs how long to wait for an answer before failing with UNAVAILABLE */
  public EventBusScenarioService(Vertx vertx, long timeoutMs) {
    this.bus = new BusClient(vertx, timeoutMs);
  }

  public EventBusScenarioService(Vertx vertx) {
    this(vertx, 10_000);
  }

  @Override
  public Future<JsonArray> scenarios() {
    return bus.<JsonObject>request(SimAddresses.SCENARIOS, new JsonObject())
        .map(reply -> reply.getJsonArray("scenarios", new JsonArray()));
  }

  @Override
  public Future<JsonObject> startDrill(DrillRequest request) {
    JsonObject body = new JsonObject()
        .put("scenario", request.scenarioId() != null ? request.scenarioId() : request.document());
    Double speed = request.speed();
    if (speed != null) {
      // Whole speeds travel as integers, as a client would write them.
      body.put("speed", speed == Math.rint(speed) ? (Object) speed.intValue() : speed);
    }
    if (request.scoreAfterSeconds() != null) {
      body.put("scoreAfterSeconds", request.scoreAfterSeconds());
    }
    return bus.request(SimAddresses.START_DRILL, body);
  }

  @Override
  public Future<JsonArray> drills() {
    return bus.<JsonObject>request(SimAddresses.DRILLS, new JsonObject())
        .map(reply -> reply.getJsonArray("drills", new JsonArray()));
  }

  @Override
  public Future<JsonObject> drill(String id) {
    return bus.request(SimAddresses.DRILL, id);
  }

  /** The contract replies with a String; a JSON report sent as a JSON value or bytes is taken too. */
  @Override
  public Future<String> report(String id, ReportFormat format) {
    return bus.<Object>request(SimAddresses.REPORT, new JsonObject().put("id", id).put("format", format.code()))
        .map(body -> {
          if (body instanceof String text) {
            return text;
          }
          if (body instanceof JsonObject json) {
            return json.encode();
          }
          if (body instanceof JsonArray json) {
            return json.encode();
          }
          if (body instanceof Buffer bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
          }
          throw new IllegalStateException(SimAddresses.REPORT + " answered a "
              + (body == null ? "null" : body.getClass().getSimpleName()) + ", not the report text");
        });
  }

  @Override
  public Future<JsonObject> startForecast(ForecastRequest request) {
    return bus.request(SimAddresses.START_FORECAST, request.toJson());
  }

  @Override
  public Future<JsonArray> forecasts() {
    return bus.<JsonObject>request(SimAddresses.FORECASTS, new JsonObject())
        .map(reply -> reply.getJsonArray("forecasts", new JsonArray()));
  }

  @Override
  public Future<JsonObject> forecast(String id) {
    return bus.request(SimAddresses.FORECAST, id);
  }
}
