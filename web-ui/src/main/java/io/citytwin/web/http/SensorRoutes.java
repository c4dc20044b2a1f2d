package io.citytwin.web.http;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.web.sensors.SensorFilter;
import io.citytwin.web.sensors.SensorService;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The telemetry routes under {@code /api}: thin adapters from requests to the {@link
 * SensorService} port. Service refusals keep their message and map to 400, 404, 409 or 503 (with
 * {@code Retry-After}); bad query parameters are 400 naming the parameter before the service is
 * asked.
 *
 * <ul>
 *   <li>{@code GET /api/sensors?district=&kind=&status=&format=json|geojson}
 *   <li>{@code POST /api/sensors}: JSON body up to {@value #MAX_BODY_BYTES} bytes; 201 with
 *       {@code Location}; 400, 409; 413 too large; 415 not JSON
 *   <li>{@code GET /api/sensors/{id}}, {@code GET /api/sensors/{id}/history?quantity=&from=&to=&limit=}
 *   <li>{@code GET /api/indicators}, {@code GET /api/ingest/dead-letters?limit=}, {@code GET /api/ingest/stats}
 * </ul>
 */
final class SensorRoutes {
  static final int MAX_BODY_BYTES = 16 * 1024;
  static final int MAX_DEAD_LETTERS = 10_000;
  private static final String JSON = "application/json; charset=utf-8";
  private static final List<String> KINDS = Arrays.stream(SensorKind.values()).map(SensorKind::code).toList();
  private static final List<String> STATUSES = Arrays.stream(SensorStatus.values()).map(SensorStatus::code).toList();

  private final SensorService sensors;

  SensorRoutes(SensorService sensors) {
    this.sensors = sensors;
  }

  void mount(Router router) {
    readOnly(router, "/api/sensors").handler(this::list);
    // Vert.x Web runs body handlers first; the body is bounded, so reading it before checking the
    // media type costs little.
    router.route("/api/sensors").method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(SensorRoutes::requireJson)
        .handler(this::register);
    readOnly(router, "/api/sensors/:id").handler(this::one);
    readOnly(router, "/api/sensors/:id/history").handler(this::history);
    readOnly(router, "/api/indicators").handler(ctx -> reply(ctx, sensors.indicators()));
    readOnly(router, "/api/ingest/dead-letters").handler(this::deadLetters);
    readOnly(router, "/api/ingest/stats").handler(ctx -> reply(ctx, sensors.ingestStats()));
  }

  static Route readOnly(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  private void list(RoutingContext ctx) {
    SensorFilter filter;
    boolean geoJson;
    try {
      QueryParams q = new QueryParams(ctx.queryParams());
      filter = new SensorFilter(
          q.text("district").orElse(null),
          q.oneOf("kind", "kind", SensorKind::fromCode, KINDS).orElse(null),
          q.oneOf("status", "status", SensorRoutes::status, STATUSES).orElse(null));
      geoJson = q.oneOf("format", "format", f -> Optional.of(f).filter(v -> v.equals("json") || v.equals("geojson")),
          List.of("json", "geojson")).orElse("json").equals("geojson");
    } catch (BadParameterException e) {
      ApiErrors.badParameter(ctx, e);
      return;
    }
    sensors.sensors(filter)
        .onSuccess(list -> {
          if (geoJson) {
            ctx.response().putHeader("Content-Type", ApiRoutes.GEOJSON).end(SensorFeatures.collection(list).encode());
          } else {
            ctx.response().putHeader("Content-Type", JSON).end(new JsonObject().put("sensors", list).encode());
          }
        })
        .onFailure(e -> fail(ctx, e));
  }

  private static Optional<SensorStatus> status(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    return Arrays.stream(SensorStatus.values()).filter(s -> s.code().equals(c)).findFirst();
  }

  static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (MediaTypes.isJson(MediaTypes.of(type))) {
      ctx.next();
    } else {
      ApiErrors.send(ctx, 415, "the body must be JSON (Content-Type: application/json), not "
          + MediaTypes.described(type));
    }
  }

  private void register(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    sensors.register(body == null ? Buffer.buffer() : body)
        .onSuccess(sensor -> ctx.response()
            .setStatusCode(201)
            .putHeader("Location", "/api/sensors/" + URLEncoder.encode(sensor.getString("id", ""), StandardCharsets.UTF_8)
                .replace("+", "%20"))
            .putHeader("Content-Type", JSON)
            .end(sensor.encode()))
        .onFailure(e -> fail(ctx, e));
  }

  private void one(RoutingContext ctx) {
    reply(ctx, sensors.sensor(ctx.pathParam("id")));
  }

  private void history(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    withParams(ctx, () -> sensors.history(HistoryParams.parse(id, ctx.queryParams(), Instant.now())));
  }

  private void deadLetters(RoutingContext ctx) {
    withParams(ctx, () -> {
      OptionalInt limit = new QueryParams(ctx.queryParams()).integer("limit", 1, MAX_DEAD_LETTERS);
      return sensors.deadLetters(limit);
    });
  }

  /** Parses and calls (a bad parameter is 400 before the service is asked), then replies. */
  private static void withParams(RoutingContext ctx, Supplier<Future<JsonObject>> call) {
    Future<JsonObject> result;
    try {
      result = call.get();
    } catch (BadParameterException e) {
      ApiErrors.badParameter(ctx, e);
      return;
    }
    reply(ctx, result);
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> result) {
    result
        .onSuccess(json -> ctx.response().putHeader("Content-Type", JSON).end(json.encode()))
        .onFailure(e -> fail(ctx, e));
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    ApiErrors.serviceFailure(ctx, e);
  }
}
