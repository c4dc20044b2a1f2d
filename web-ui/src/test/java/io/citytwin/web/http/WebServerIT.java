package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The whole server (CIM verticle + web verticle on a random port) over real HTTP, on the fixture city. */
class WebServerIT {
  private static TestServer server;
  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(FixtureCity::testville);
    vertx = server.vertx();
    port = server.port();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void healthIsUpWithTheCity() throws Exception {
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(r.bodyAsJsonObject().getJsonObject("checks").getJsonObject("cim").getString("city")).isEqualTo("Testville");
  }

  @Test
  void answersHeadLikeGetWithoutABody() throws Exception {
    HttpResponse<Buffer> head = await(client.head("/api/layers/districts").send());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Content-Type")).startsWith("application/geo+json");
    assertThat(head.body()).isNull();
    assertThat(await(client.head("/health").send()).statusCode()).isEqualTo(200);
  }

  @Test
  void listsLayersWithCountsBboxAttributionAndTheSyntheticFlag() throws Exception {
    JsonObject body = get("/api/layers").bodyAsJsonObject();
    assertThat(body.getString("city")).isEqualTo("Testville");
    assertThat(body.getString("attribution")).contains("© OpenStreetMap contributors");
    JsonArray layers = body.getJsonArray("layers");
    assertThat(layers.stream().map(o -> ((JsonObject) o).getString("name")))
        .containsExactly("districts", "roads", "buildings", "pois", "population");
    JsonObject buildings = layers.getJsonObject(2);
    assertThat(buildings.getInteger("featureCount")).isEqualTo(4);
    assertThat(buildings.getJsonArray("bbox")).isEqualTo(new JsonArray("[7.405,43.725,7.438,43.738]"));
    assertThat(buildings.getBoolean("synthetic")).isFalse();
    assertThat(layers.getJsonObject(4).getBoolean("synthetic")).isTrue();
  }

  @Test
  void layersAreGeoJsonThatJtsReads() throws Exception {
    for (String name : new String[] {"districts", "roads", "buildings", "pois", "population"}) {
      HttpResponse<Buffer> r = get("/api/layers/" + name);
      assertThat(r.statusCode()).as(name).isEqualTo(200);
      assertThat(r.getHeader("Content-Type")).startsWith("application/geo+json");
      Geometry g = new GeoJsonReader().read(r.bodyAsString());
      assertThat(g.getNumGeometries()).as(name).isEqualTo(r.bodyAsJsonObject().getJsonArray("features").size());
      assertThat(g.isEmpty()).as(name).isFalse();
    }
  }

  @Test
  void bboxReducesTheFeatures() throws Exception {
    int all = get("/api/layers/buildings").bodyAsJsonObject().getJsonArray("features").size();
    JsonObject west = get("/api/layers/buildings?bbox=7.40,43.72,7.419,43.74").bodyAsJsonObject();
    assertThat(west.getJsonArray("features").size()).isEqualTo(2).isLessThan(all);
    assertThat(west.getJsonArray("filterBbox")).isEqualTo(new JsonArray("[7.4,43.72,7.419,43.74]"));
  }

  @Test
  void badBboxIs400AndUnknownLayerIs404() throws Exception {
    HttpResponse<Buffer> bad = get("/api/layers/roads?bbox=abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("parameter")).isEqualTo("bbox");
    HttpResponse<Buffer> unknown = get("/api/layers/trees");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("message")).contains("unknown layer 'trees'");
  }

  @Test
  void openApiDocumentIsJsonListingThePaths() throws Exception {
    HttpResponse<Buffer> r = get("/api/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject doc = r.bodyAsJsonObject();
    assertThat(doc.getString("openapi")).startsWith("3.");
    assertThat(doc.getJsonObject("paths").fieldNames())
        .contains("/health", "/api/layers", "/api/layers/{name}", "/api/openapi.json");
  }

  @Test
  void compressesResponsesWhenTheClientAcceptsGzip() throws Exception {
    String identity = get("/api/layers/buildings").bodyAsString();
    // The cached full layer (pre-compressed) and a filtered one (compressed by the server).
    for (String uri : new String[] {"/api/layers/buildings", "/api/layers/buildings?bbox=7.4,43.7,7.5,43.8", "/api/layers"}) {
      Object[] response = rawGet(uri, "gzip");
      assertThat(response[0]).as(uri).isEqualTo("gzip");
      String unzipped = gunzip((Buffer) response[1]);
      assertThat(new JsonObject(unzipped)).as(uri).isNotNull();
      if (uri.equals("/api/layers/buildings")) {
        assertThat(unzipped).isEqualTo(identity);
      }
    }
    Object[] plain = rawGet("/api/layers/buildings", "identity");
    assertThat(plain[0]).isNull();
    assertThat(((Buffer) plain[1]).toString()).isEqualTo(identity);
  }

  private static Object[] rawGet(String uri, String acceptEncoding) throws Exception {
    HttpClient raw = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false));
    try {
      return await(raw.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(port)
              .setURI(uri).addHeader("Accept-Encoding", acceptEncoding))
          .compose(req -> req.send())
          .compose(resp -> resp.body().map(body -> new Object[] {resp.getHeader("Content-Encoding"), body})));
    } finally {
      raw.close();
    }
  }

  private static String gunzip(Buffer gz) throws Exception {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.getBytes()))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void servesTheDashboardLeafletAndChartJsFromTheWebJars() throws Exception {
    HttpResponse<Buffer> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.bodyAsString()).contains("<div id=\"map\"").contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
    HttpResponse<Buffer> leaflet = get("/webjars/leaflet/1.9.4/dist/leaflet.js");
    assertThat(leaflet.statusCode()).isEqualTo(200);
    assertThat(leaflet.bodyAsString()).contains("Leaflet");
    assertThat(get("/js/dashboard.js").statusCode()).isEqualTo(200);
    assertThat(get("/js/telemetry.js").statusCode()).isEqualTo(200);
    // Chart.js for the history chart, also from its WebJar: the dashboard needs no internet.
    assertThat(index.bodyAsString()).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    HttpResponse<Buffer> chart = get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.bodyAsString()).contains("Chart.js v4.5.1");
    assertThat(get("/css/dashboard.css").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return await(client.get(uri).send());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return TestServer.await(f);
  }
}
