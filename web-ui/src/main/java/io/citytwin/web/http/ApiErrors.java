package io.citytwin.web.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The API's error body: {@code {"status": 400, "error": "Bad Request", "message": ..., "parameter": ...}}. */
final class ApiErrors {
  private ApiErrors() {}

  static void send(RoutingContext ctx, int status, String error, String message) {
    send(ctx, status, new JsonObject().put("status", status).put("error", error).put("message", message));
  }

  /** An error whose {@code error} member is the status's standard reason phrase. */
  static void send(RoutingContext ctx, int status, String message) {
    send(ctx, status, HttpResponseStatus.valueOf(status).reasonPhrase(), message);
  }

  static void badParameter(RoutingContext ctx, String parameter, String value, String problem) {
    send(
        ctx,
        400,
        new JsonObject()
            .put("status", 400)
            .put("error", "Bad Request")
            .put("parameter", parameter)
            .put("value", value)
            .put("message", "query parameter '" + parameter + "': " + problem));
  }

  static void badParameter(RoutingContext ctx, BadParameterException e) {
    badParameter(ctx, e.parameter(), e.value(), e.getMessage());
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
