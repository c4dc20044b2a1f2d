package io.citytwin.web.http;

import io.citytwin.web.bus.ServiceException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The API's error body: {@code {"status": 400, "error": "Bad Request", "message": ..., "parameter"
 * or "field": ..., "value": ...}}.
 */
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
    badParameter(ctx, new BadParameterException(parameter, value, problem));
  }

  /**
   * 400 naming the query or path parameter ({@code parameter}) or body member ({@code field}), its
   * {@code value} (when there is one) and what is wrong with it.
   */
  static void badParameter(RoutingContext ctx, BadParameterException e) {
    BadParameterException.Source source = e.source();
    JsonObject body = new JsonObject().put("status", 400).put("error", "Bad Request");
    if (e.parameter() == null) {
      send(ctx, 400, body.put("message", "request body: " + e.getMessage()));
      return;
    }
    body.put(source.member, e.parameter());
    if (e.value() != null) {
      body.put("value", e.value());
    }
    send(ctx, 400, body.put("message", source.label + " '" + e.parameter() + "': " + e.getMessage()));
  }

  /**
   * A failed service call: refusals ({@link ServiceException}) keep their status and message, with
   * {@code Retry-After} when the service is unavailable; anything else goes to the router's failure
   * handler (500).
   */
  static void serviceFailure(RoutingContext ctx, Throwable e) {
    if (e instanceof ServiceException s) {
      if (s.problem() == ServiceException.Problem.UNAVAILABLE) {
        ctx.response().putHeader("Retry-After", "5");
      }
      send(ctx, s.problem().httpStatus(), s.getMessage());
    } else {
      ctx.fail(e);
    }
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
