package io.citytwin.web.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;

/**
 * The {@code /health} verdict from the answers of the twin and of ingest. Pure.
 *
 * <p>Checks: {@code cim} (the city model answers), {@code ingest} (its MQTT client is connected),
 * {@code history} (the history store keeps up: DEGRADED while points are spooled behind a store
 * that reported an error). Each is {@code {status: UP|DEGRADED|DOWN, message?...}}.
 *
 * <p>Overall: DOWN with 503 only when the city model does not answer (the twin itself is down: the
 * dashboard and API are useless, a load balancer should look elsewhere); DEGRADED with 200 when
 * any other check is not UP (the map and the API still work, telemetry is late or missing, and
 * restarting the web server would not help); UP with 200 otherwise.
 */
final class Health {
  static final String UP = "UP";
  static final String DEGRADED = "DEGRADED";
  static final String DOWN = "DOWN";

  private Health() {}

  /** The overall status and HTTP status for a set of checks. */
  record Verdict(String status, int httpStatus) {}

  static JsonObject cim(AsyncResult<JsonObject> summary) {
    if (summary.failed()) {
      return down(summary.cause());
    }
    return new JsonObject().put("status", UP).put("city", summary.result().getString("city"))
        .put("counts", summary.result().getJsonObject("counts"));
  }

  static JsonObject ingest(AsyncResult<JsonObject> stats) {
    if (stats.failed()) {
      return down(stats.cause());
    }
    JsonObject mqtt = stats.result().getJsonObject("mqtt", new JsonObject());
    String broker = mqtt.getString("broker");
    boolean connected = Boolean.TRUE.equals(mqtt.getValue("connected"));
    JsonObject check = new JsonObject().put("status", connected ? UP : DOWN).put("broker", broker)
        .put("connected", connected);
    if (!connected) {
      check.put("message", "the MQTT client is not connected to " + (broker == null ? "its broker" : broker)
          + "; no telemetry arrives");
    }
    return check;
  }

  static JsonObject history(AsyncResult<JsonObject> stats) {
    if (stats.failed()) {
      return new JsonObject().put("status", DOWN)
          .put("message", "no statistics (ingest does not answer): " + stats.cause().getMessage());
    }
    JsonObject history = stats.result().getJsonObject("history");
    if (history == null) {
      return new JsonObject().put("status", DOWN).put("message", "ingest reports no history store");
    }
    JsonObject check = new JsonObject().put("store", history.getString("store"));
    long pending = history.getValue("pendingPoints") instanceof Number n ? n.longValue() : 0;
    Object lastError = history.getValue("lastError");
    if (pending > 0 && lastError != null) {
      check.put("pendingPoints", pending).put("lastError", lastError);
      if (history.getValue("lastErrorAt") != null) {
        check.put("lastErrorAt", history.getValue("lastErrorAt"));
      }
      return check.put("status", DEGRADED).put("message",
          pending + " points are spooled, waiting for the history store, which failed: " + lastError);
    }
    return check.put("status", UP);
  }

  static Verdict verdict(JsonObject checks) {
    if (!UP.equals(checks.getJsonObject("cim", new JsonObject()).getString("status"))) {
      return new Verdict(DOWN, 503);
    }
    for (String name : checks.fieldNames()) {
      if (!UP.equals(checks.getJsonObject(name).getString("status"))) {
        return new Verdict(DEGRADED, 200);
      }
    }
    return new Verdict(UP, 200);
  }

  private static JsonObject down(Throwable cause) {
    return new JsonObject().put("status", DOWN).put("message", String.valueOf(cause.getMessage()));
  }
}
