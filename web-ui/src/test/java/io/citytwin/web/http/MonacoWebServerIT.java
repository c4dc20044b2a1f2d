package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityImporter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The server on the real demo city: Monaco imported from the bundled OSM extract (ODbL). */
class MonacoWebServerIT {
  private static TestServer server;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(() -> CityImporter.importBuiltIn("monaco"));
    client = WebClient.create(server.vertx(),
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void healthAndLayerListDescribeMonaco() throws Exception {
    assertThat(get("/health").bodyAsJsonObject().getString("status")).isEqualTo("UP");
    JsonObject list = get("/api/layers").bodyAsJsonObject();
    assertThat(list.getString("city")).containsIgnoringCase("monaco");
    assertThat(list.getString("attribution")).contains("© OpenStreetMap contributors");
    Map<String, JsonObject> layers = new HashMap<>();
    list.getJsonArray("layers").forEach(o -> layers.put(((JsonObject) o).getString("name"), (JsonObject) o));
    assertThat(layers.get("districts").getInteger("featureCount")).isEqualTo(9);
    assertThat(layers.get("buildings").getInteger("featureCount")).isBetween(1240, 1250);
    assertThat(layers.get("population").getBoolean("synthetic")).isTrue();
    JsonArray bbox = layers.get("districts").getJsonArray("bbox");
    assertThat(bbox.getDouble(0)).isBetween(7.40, 7.41);
    assertThat(bbox.getDouble(3)).isBetween(43.75, 43.76);
  }

  @Test
  void districtsAreTheNineQuartiersAndThePalaceIsInMonacoVille() throws Exception {
    String body = get("/api/layers/districts").bodyAsString();
    JsonArray features = new JsonObject(body).getJsonArray("features");
    assertThat(features).hasSize(9);
    JsonObject monacoVille = null;
    for (Object f : features) {
      if (((JsonObject) f).getString("id").equals("district/MC-MO")) {
        monacoVille = (JsonObject) f;
      }
    }
    assertThat(monacoVille).isNotNull();
    Geometry polygon = new GeoJsonReader().read(monacoVille.getJsonObject("geometry").encode());
    // Prince's Palace of Monaco.
    assertThat(polygon.contains(new GeometryFactory().createPoint(new Coordinate(7.4203, 43.7314)))).isTrue();
  }

  @Test
  void poisHoldSixHospitalsAndTwoFireStations() throws Exception {
    JsonArray pois = get("/api/layers/pois").bodyAsJsonObject().getJsonArray("features");
    Map<String, Integer> kinds = new HashMap<>();
    pois.forEach(f -> kinds.merge(((JsonObject) f).getJsonObject("properties").getString("kind"), 1, Integer::sum));
    assertThat(kinds).containsEntry("hospital", 6).containsEntry("fire_station", 2);
  }

  @Test
  void populationAddsUpToTheCityTotal() throws Exception {
    JsonObject fc = get("/api/layers/population").bodyAsJsonObject();
    assertThat(fc.getBoolean("synthetic")).isTrue();
    int total = fc.getJsonArray("features").stream()
        .mapToInt(f -> ((JsonObject) f).getJsonObject("properties").getInteger("residents")).sum();
    assertThat(total).isEqualTo(39_050);
  }

  @Test
  void bboxAroundMonacoVilleReducesBuildingsToThoseIntersectingIt() throws Exception {
    int all = get("/api/layers/buildings").bodyAsJsonObject().getJsonArray("features").size();
    String bbox = "7.4185,43.7295,7.4245,43.7335";
    String body = get("/api/layers/buildings?bbox=" + bbox).bodyAsString();
    Geometry read = new GeoJsonReader().read(body);
    assertThat(read.getNumGeometries()).isPositive().isLessThan(all / 4);
    Geometry box = new GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(7.4185, 7.4245, 43.7295, 43.7335));
    for (int i = 0; i < read.getNumGeometries(); i++) {
      assertThat(read.getGeometryN(i).intersects(box)).isTrue();
    }
  }

  private static HttpResponse<Buffer> get(String uri) throws Exception {
    return TestServer.await(client.get(uri).send());
  }
}
