package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.web.incidents.EventBusIncidentService;
import io.citytwin.web.layers.LayerService;
import io.citytwin.web.layers.UnknownLayerException;
import io.citytwin.web.push.LivePush;
import io.citytwin.web.push.PushSettings;
import io.citytwin.web.scenarios.EventBusScenarioService;
import io.citytwin.web.sensors.EventBusSensorService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The routes as adapters: request parsing and error mapping over a scripted {@link LayerService}. */
class ApiRoutesTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> calls = new ArrayList<>();
  private WebClient client;
  private int port;

  /** Answers from memory; fails where the test says so. */
  private final class ScriptedLayers implements LayerService {
    boolean twinDown;
    RuntimeException layerFailure;

    @Override
    public Future<JsonObject> summary() {
      return twinDown
          ? Future.failedFuture("no handlers for address citytwin.cim.summary")
          : Future.succeededFuture(new JsonObject().put("city", "Testville").put("attribution", "© OSM")
              .put("counts", new JsonObject().put("district", 2)));
    }

    @Override
    public Future<JsonArray> layers() {
      return Future.succeededFuture(new JsonArray().add(new JsonObject().put("name", "districts")));
    }

    @Override
    public Future<Buffer> layer(String name, Optional<BoundingBox> bbox) {
      calls.add(name + " " + bbox.map(b -> b.toEnvelope().toString()).orElse("all"));
      if (layerFailure != null) {
        return Future.failedFuture(layerFailure);
      }
      if (!name.equals("districts")) {
        return Future.failedFuture(new UnknownLayerException("unknown layer '" + name + "'"));
      }
      return Future.succeededFuture(Buffer.buffer("{\"type\":\"FeatureCollection\",\"features\":[]}"));
    }
  }

  private final ScriptedLayers layers = new ScriptedLayers();

  private void start() throws Exception {
    await(FakeTelemetry.testville().register(vertx));
    WebServerVerticle server = new WebServerVerticle(layers);
    await(vertx.deployVerticle(server, new io.vertx.core.DeploymentOptions()
        .setConfig(new JsonObject().put(WebServerVerticle.CONFIG_PORT, 0).put(WebServerVerticle.CONFIG_HOST, "127.0.0.1"))));
    port = server.actualPort();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  @Test
  void healthIsUpWhenTheTwinAnswersAndDownWith503WhenNot() throws Exception {
    start();
    JsonObject up = get("/health").bodyAsJsonObject();
    assertThat(up.getString("status")).isEqualTo("UP");
    assertThat(up.getJsonObject("checks").getJsonObject("cim").getString("city")).isEqualTo("Testville");
    layers.twinDown = true;
    HttpResponse<Buffer> down = get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(down.bodyAsJsonObject().getJsonObject("checks").getJsonObject("cim").getString("message"))
        .contains("citytwin.cim.summary");
  }

  @Test
  void aMalformedBboxIs400NamingTheParameterAndNeverReachesTheTwin() throws Exception {
    start();
    HttpResponse<Buffer> r = get("/api/layers/districts?bbox=7.4,43.7,7.5");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject error = r.bodyAsJsonObject();
    assertThat(error.getString("parameter")).isEqualTo("bbox");
    assertThat(error.getString("value")).isEqualTo("7.4,43.7,7.5");
    assertThat(error.getString("message"))
        .isEqualTo("query parameter 'bbox': expected 4 comma-separated numbers minLon,minLat,maxLon,maxLat but got 3");
    assertThat(get("/api/layers/districts?bbox=7.5,43.7,7.4,43.8").bodyAsJsonObject().getString("message"))
        .contains("minLon 7.5 is greater than maxLon 7.4");
    assertThat(get("/api/layers/districts?bbox=1,2,3,4&bbox=1,2,3,4").bodyAsJsonObject().getString("message"))
        .contains("given more than once");
    assertThat(calls).isEmpty();
  }

  @Test
  void passesTheParsedBboxToTheTwin() throws Exception {
    start();
    HttpResponse<Buffer> r = get("/api/layers/districts?bbox=7.41,43.72,7.43,43.74");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/geo+json");
    assertThat(calls).containsExactly("districts Env[7.41 : 7.43, 43.72 : 43.74]");
  }

  @Test
  void unknownLayersAndApiPathsAre404AndTwinFailuresAre500AsJson() throws Exception {
    start();
    HttpResponse<Buffer> unknown = get("/api/layers/trees");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("message")).isEqualTo("unknown layer 'trees'");
    assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
    assertThat(get("/api/nothing").bodyAsJsonObject().getString("message")).isEqualTo("no API resource at /api/nothing");
    layers.layerFailure = new IllegalStateException("renderer crashed");
    HttpResponse<Buffer> broken = get("/api/layers/districts");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.bodyAsJsonObject().getString("message")).isEqualTo("IllegalStateException: renderer crashed");
  }

  @Test
  void fullLayersAreFetchedOnceThenServedWithAnETag() throws Exception {
    start();
    HttpResponse<Buffer> first = get("/api/layers/districts");
    HttpResponse<Buffer> second = get("/api/layers/districts");
    assertThat(second.bodyAsString()).isEqualTo(first.bodyAsString());
    String etag = first.getHeader("ETag");
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(calls).containsExactly("districts all");
    HttpResponse<Buffer> notModified =
        await(client.get(port, "127.0.0.1", "/api/layers/districts").putHeader("If-None-Match", etag).send());
    assertThat(notModified.statusCode()).isEqualTo(304);
    // Failures are not cached: the twin is asked again.
    get("/api/layers/trees");
    get("/api/layers/trees");
    assertThat(calls).containsExactly("districts all", "trees all", "trees all");
  }

  @Test
  void theDefaultFaviconOfPagesWithoutAnIconIsTheDashboardsSvgIcon() throws Exception {
    start();
    HttpResponse<Buffer> r = await(client.get(port, "127.0.0.1", "/favicon.ico").followRedirects(false).send());
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.getHeader("Location")).isEqualTo("/favicon.svg");
    HttpResponse<Buffer> icon = get("/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.getHeader("Content-Type")).startsWith("image/svg+xml");
  }

  @Test
  void readsAcceptEncodingIncludingQZero() {
    assertThat(ApiRoutes.acceptsGzip("gzip, deflate, br")).isTrue();
    assertThat(ApiRoutes.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
    assertThat(ApiRoutes.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(ApiRoutes.acceptsGzip("gzip; q=0.000")).isFalse();
    assertThat(ApiRoutes.acceptsGzip("identity")).isFalse();
    assertThat(ApiRoutes.acceptsGzip(null)).isFalse();
  }

  @Test
  void everyApiRouteIsInTheOpenApiDocument() throws Exception {
    JsonObject doc = new JsonObject(WebServerVerticle.readOpenApi());
    assertThat(doc.getString("openapi")).startsWith("3.");
    EventBusSensorService sensors = new EventBusSensorService(vertx);
    EventBusIncidentService incidents = new EventBusIncidentService(vertx);
    EventBusScenarioService scenarios = new EventBusScenarioService(vertx);
    Router router = new ApiRoutes(vertx, layers, sensors, incidents, scenarios,
        new LivePush(vertx, sensors, incidents, scenarios, PushSettings.of(List.of())), Buffer.buffer()).router();
    List<String> served = ApiRoutes.documentedPaths(router);
    assertThat(served).contains("/health", "/metrics", "/ws", "/api/layers", "/api/layers/{name}", "/api/openapi.json",
        "/api/sensors", "/api/sensors/{id}", "/api/sensors/{id}/history", "/api/indicators",
        "/api/ingest/dead-letters", "/api/ingest/stats", "/api/scenarios", "/api/drills", "/api/drills/{id}",
        "/api/forecasts", "/api/forecasts/{id}",
        "/api/drills/{id}/report");
    JsonObject paths = doc.getJsonObject("paths");
    assertThat(paths.fieldNames()).containsExactlyInAnyOrderElementsOf(served);
    // Every routed method is documented (HEAD is GET without a body), and nothing more.
    ApiRoutes.documentedOperations(router).forEach((path, methods) -> {
      Set<String> documented = new TreeSet<>(paths.getJsonObject(path).fieldNames());
      Set<String> routed = new TreeSet<>(methods);
      routed.remove("head");
      assertThat(documented).as(path).isEqualTo(routed);
      documented.forEach(m -> assertThat(paths.getJsonObject(path).getJsonObject(m).getJsonObject("responses"))
          .as(path + " " + m + " responses").isNotEmpty());
    });
    assertRefsResolve(doc, doc);
  }

  /** Every "$ref" in the document points at something that exists in it. */
  private static void assertRefsResolve(JsonObject doc, Object node) {
    if (node instanceof JsonObject o) {
      String ref = o.getString("$ref");
      if (ref != null) {
        Object target = doc;
        for (String part : ref.substring(2).split("/")) {
          target = target instanceof JsonObject t ? t.getValue(part) : null;
        }
        assertThat(target).as(ref).isNotNull();
      }
      o.forEach(e -> assertRefsResolve(doc, e.getValue()));
    } else if (node instanceof JsonArray a) {
      a.forEach(e -> assertRefsResolve(doc, e));
    }
  }

  @Test
  void anInvalidPortFailsTheDeploymentWithTheKeyName() {
    Future<String> d = vertx.deployVerticle(new WebServerVerticle(layers),
        new io.vertx.core.DeploymentOptions().setConfig(new JsonObject().put(WebServerVerticle.CONFIG_PORT, 70000)));
    assertThat(d.toCompletionStage().toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableThat().withMessageContaining("http.port must be 0..65535, not 70000");
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return await(client.get(port, "127.0.0.1", uri).send());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
