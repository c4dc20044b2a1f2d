package io.citytwin.web.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** How the API's routes call a service and answer: parameters first, then the reply or the mapped failure. */
final class Replies {
  static final String JSON = "application/json; charset=utf-8";

  private Replies() {}

  /**
   * Parses and calls (a bad parameter or body is 400 before the service is asked), then replies
   * with {@code onSuccess} or the mapped failure ({@link ApiErrors#serviceFailure}).
   */
  static <T> void withParams(RoutingContext ctx, Supplier<Future<T>> call, Consumer<T> onSuccess) {
    Future<T> result;
    try {
      result = call.get();
    } catch (BadParameterException e) {
      ApiErrors.badParameter(ctx, e);
      return;
    }
    result.onSuccess(onSuccess::accept).onFailure(e -> ApiErrors.serviceFailure(ctx, e));
  }

  /** An id as one URL path segment (for {@code Location} headers). */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void sendJson(RoutingContext ctx, int status, JsonObject json) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(json.encode());
  }
}
