package io.citytwin.web.http;

import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.web.incidents.IncidentFilter;
import io.citytwin.web.incidents.IncidentService;
import io.citytwin.web.layers.LayerService;
import io.citytwin.web.metrics.DrillMetrics;
import io.citytwin.web.metrics.IncidentMetrics;
import io.citytwin.web.metrics.PrometheusText;
import io.citytwin.web.metrics.TelemetryMetrics;
import io.citytwin.web.push.LivePush;
import io.citytwin.web.scenarios.ScenarioService;
import io.citytwin.web.sensors.SensorFilter;
import io.citytwin.web.sensors.SensorService;
import io.citytwin.web.layers.UnknownLayerException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP routes: thin adapters from requests to the {@link LayerService}, {@link SensorService},
 * {@link IncidentService} and {@link ScenarioService} ports and back. Every handler runs on the
 * event loop and only waits on futures.
 *
 * <ul>
 *   <li>{@code GET /health}: {@code {"status": UP|DEGRADED|DOWN, "checks": {cim, ingest, history}}};
 *       503 only when the twin (city model) does not answer, see {@link Health}
 *   <li>{@code GET /metrics}: Prometheus text, see {@link TelemetryMetrics}, {@link IncidentMetrics}
 *       and {@link DrillMetrics}
 *   <li>{@code GET /ws}: WebSocket upgrade to the live push, see {@link LivePush}
 *   <li>{@code GET /api/layers}: 200 {@code {"city", "attribution", "layers": [...]}}
 *   <li>{@code GET /api/layers/{name}?bbox=minLon,minLat,maxLon,maxLat}: 200 GeoJSON; 400 bad
 *       bbox; 404 unknown layer
 *   <li>sensors, indicators and ingest: see {@link SensorRoutes}
 *   <li>incidents, their tasks, CAP and the Atom feed, CAP import: see {@link IncidentRoutes}
 *   <li>scenarios, drills and their after-action reports: see {@link DrillRoutes}; forecasts: see {@link ForecastRoutes}
 *   <li>{@code GET /api/openapi.json}: the OpenAPI 3 document
 *   <li>{@code /webjars/*}: WebJar resources; {@code /favicon.ico}: 301 to the dashboard's SVG
 *       icon; {@code /*}: the dashboard
 * </ul>
 */
public final class ApiRoutes {
  static final String GEOJSON = "application/geo+json; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  /** Health and metrics answer within this even when a service hangs. */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final LayerService layers;
  private final SensorService sensors;
  private final IncidentService incidents;
  private final ScenarioService scenarios;
  private final LivePush push;
  private final Buffer openApi;
  private final Instant started = Instant.now();
  private final LayerCache cache;

  /**
   * @param push the WebSocket hub {@code /ws} hands connections to (started by the caller)
   * @param openApi the OpenAPI document served as is
   */
  public ApiRoutes(Vertx vertx, LayerService layers, SensorService sensors, IncidentService incidents,
      ScenarioService scenarios, LivePush push, Buffer openApi) {
    this.vertx = vertx;
    this.layers = layers;
    this.sensors = sensors;
    this.incidents = incidents;
    this.scenarios = scenarios;
    this.push = push;
    this.openApi = openApi;
    this.cache = new LayerCache(vertx);
  }

  /** Drops the cached full layers; call on the server's context when the city was reloaded. */
  public void invalidateCache() {
    cache.clear();
  }

  public Router router() {
    Router router = Router.router(vertx);
    // HEAD is answered like GET without the body (monitors and curl -I use it).
    readOnly(router, "/health").handler(this::health);
    readOnly(router, "/metrics").handler(this::metrics);
    router.route("/ws").method(HttpMethod.GET).handler(this::webSocket);
    readOnly(router, "/api/layers").handler(this::layerList);
    readOnly(router, "/api/layers/:name").handler(this::layer);
    new SensorRoutes(sensors).mount(router);
    new IncidentRoutes(incidents).mount(router);
    new DrillRoutes(scenarios).mount(router);
    new ForecastRoutes(scenarios).mount(router);
    readOnly(router, "/api/openapi.json").handler(this::openApi);
    router.route("/api/*").handler(ctx -> ApiErrors.send(ctx, 404, "Not Found", "no API resource at " + ctx.request().path()));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    // Browsers ask for /favicon.ico on pages that name no icon (reports, JSON viewed in a tab).
    readOnly(router, "/favicon.ico").handler(ctx -> ctx.response().setStatusCode(301)
        .putHeader("Location", "/favicon.svg").putHeader("Cache-Control", "max-age=86400").end());
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    router.route().failureHandler(this::failure);
    return router;
  }

  private static io.vertx.ext.web.Route readOnly(Router router, String path) {
    return SensorRoutes.readOnly(router, path);
  }

  /** Paths of the routes under /api plus /health, /metrics and /ws, in OpenAPI form ({@code {name}}). */
  static List<String> documentedPaths(Router router) {
    return router.getRoutes().stream()
        .map(r -> r.getPath())
        .filter(p -> p != null && (p.startsWith("/api/") || List.of("/health", "/metrics", "/ws").contains(p))
            && !p.endsWith("/"))
        .map(p -> p.replaceAll(":([A-Za-z]+)", "{$1}"))
        .distinct()
        .toList();
  }

  /** Each documented path with the methods it is routed for (lower case, as OpenAPI names operations). */
  static Map<String, Set<String>> documentedOperations(Router router) {
    Map<String, Set<String>> ops = new TreeMap<>();
    Set<String> paths = Set.copyOf(documentedPaths(router));
    for (var r : router.getRoutes()) {
      String p = r.getPath() == null ? null : r.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      if (p != null && paths.contains(p) && r.methods() != null) {
        r.methods().forEach(m -> ops.computeIfAbsent(p, k -> new TreeSet<>()).add(m.name().toLowerCase(Locale.ROOT)));
      }
    }
    return ops;
  }

  private void health(RoutingContext ctx) {
    JsonObject body =
        new JsonObject()
            .put("service", "citytwin")
            .put("time", Instant.now().toString())
            .put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    Future<JsonObject> cim = probe(layers.summary(), "the city model");
    Future<JsonObject> ingest = probe(sensors.ingestStats(), "ingest");
    Future.join(cim, ingest).onComplete(ar -> {
      JsonObject checks = new JsonObject()
          .put("cim", Health.cim(cim))
          .put("ingest", Health.ingest(ingest))
          .put("history", Health.history(ingest));
      Health.Verdict verdict = Health.verdict(checks);
      body.put("status", verdict.status()).put("checks", checks);
      ctx.response().setStatusCode(verdict.httpStatus()).putHeader("Content-Type", JSON)
          .putHeader("Cache-Control", "no-store").end(body.encode());
    });
  }

  /** {@code f}, failing with a message naming {@code what} when it takes longer than the probe time-out. */
  private static <T> Future<T> probe(Future<T> f, String what) {
    return f.timeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).recover(e -> Future.failedFuture(
        e instanceof java.util.concurrent.TimeoutException
            ? new java.util.concurrent.TimeoutException("no answer from " + what + " within " + PROBE_TIMEOUT.toMillis() + " ms")
            : e));
  }

  private void metrics(RoutingContext ctx) {
    Future<JsonObject> stats = probe(sensors.ingestStats(), "ingest");
    Future<JsonArray> list = probe(sensors.sensors(SensorFilter.ALL), "the live twin");
    Future<JsonArray> book = probe(incidents.incidents(IncidentFilter.ALL), "the incidents");
    Future<JsonArray> drills = probe(scenarios.drills(), "the drills");
    Future.join(stats, list, book, drills).onComplete(ar -> {
      PrometheusText text = new PrometheusText();
      TelemetryMetrics.write(text, stats.succeeded() ? stats.result() : null,
          list.succeeded() ? list.result() : null, push.stats());
      IncidentMetrics.write(text, book.succeeded() ? book.result() : null);
      DrillMetrics.write(text, drills.succeeded() ? drills.result() : null);
      ctx.response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE)
          .putHeader("Cache-Control", "no-store").end(text.render());
    });
  }

  private void webSocket(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      ApiErrors.send(ctx, 400, "/ws is a WebSocket endpoint: connect with Upgrade: websocket");
      return;
    }
    ctx.request().toWebSocket().onSuccess(push::accept).onFailure(ctx::fail);
  }

  private void layerList(RoutingContext ctx) {
    layers
        .summary()
        .compose(s -> layers.layers().map(list -> new JsonObject()
            .put("city", s.getString("city"))
            .put("attribution", s.getString("attribution"))
            .put("layers", list)))
        .onSuccess(json -> ctx.response().putHeader("Content-Type", JSON).end(json.encode()))
        .onFailure(ctx::fail);
  }

  private void layer(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    List<String> bboxParams = ctx.queryParam("bbox");
    Optional<BoundingBox> bbox = Optional.empty();
    if (bboxParams.size() > 1) {
      ApiErrors.badParameter(ctx, "bbox", String.join("&", bboxParams), "given more than once");
      return;
    }
    if (bboxParams.size() == 1) {
      try {
        bbox = Optional.of(BoundingBox.parse(bboxParams.get(0)));
      } catch (IllegalArgumentException e) {
        ApiErrors.badParameter(ctx, "bbox", bboxParams.get(0), e.getMessage());
        return;
      }
    }
    if (bbox.isPresent()) {
      layers
          .layer(name, bbox)
          .onSuccess(geoJson -> ctx.response().putHeader("Content-Type", GEOJSON).end(geoJson))
          .onFailure(e -> layerFailure(ctx, e));
      return;
    }
    cache
        .get(name, () -> layers.layer(name, Optional.empty()))
        .onSuccess(entry -> sendCached(ctx, entry))
        .onFailure(e -> layerFailure(ctx, e));
  }

  private static void sendCached(RoutingContext ctx, LayerCache.Entry entry) {
    var response = ctx.response()
        .putHeader("Content-Type", GEOJSON)
        .putHeader("ETag", entry.etag())
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Vary", "Accept-Encoding");
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && ifNoneMatch.contains(entry.etag())) {
      response.setStatusCode(304).end();
    } else if (acceptsGzip(ctx.request().getHeader("Accept-Encoding"))) {
      // Already compressed: the server's compressor passes a response with Content-Encoding through.
      response.putHeader("Content-Encoding", "gzip").end(entry.gzip());
    } else {
      response.end(entry.raw());
    }
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] tokens = part.trim().split(";");
      if (tokens[0].trim().equalsIgnoreCase("gzip")) {
        for (int i = 1; i < tokens.length; i++) {
          String t = tokens[i].trim().replace(" ", "");
          if (t.equals("q=0") || t.matches("q=0\\.0*")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static void layerFailure(RoutingContext ctx, Throwable e) {
    if (e instanceof UnknownLayerException) {
      ApiErrors.send(ctx, 404, "Not Found", e.getMessage());
    } else {
      ctx.fail(e);
    }
  }

  private void openApi(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", JSON).end(openApi);
  }

  private void failure(RoutingContext ctx) {
    if (ctx.statusCode() == 404 || ctx.statusCode() == 405) {
      ctx.next();
      return;
    }
    int status = ctx.failure() instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      ApiErrors.send(ctx, 413, "the request body exceeds " + SensorRoutes.MAX_BODY_BYTES + " bytes");
      return;
    }
    if (status >= 400 && status < 500) {
      ApiErrors.send(ctx, status, ctx.failure() == null ? "request refused" : ctx.failure().getMessage());
      return;
    }
    Throwable t = ctx.failure();
    String message = t == null ? "request failed" : t.getClass().getSimpleName() + ": " + t.getMessage();
    ApiErrors.send(ctx, 500, "Internal Server Error", message);
  }
}
