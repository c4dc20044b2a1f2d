package io.citytwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.app.config.CityTwinConfig;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.citytwin.geo.city.CityModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform as {@code citytwin run} starts it, on the demo city, on a free port. */
class PlatformIT {
  private static Platform platform;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    CityTwinConfig cfg =
        CityTwinConfig.load(
            Optional.empty(), Map.of(), Map.of("http.port", "0", "mqtt.port", "0", "data.dir", "target/it-data"));
    platform = Platform.start(cfg).toCompletionStage().toCompletableFuture().join();
  }

  @AfterAll
  static void stop() {
    platform.closeAndWait();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsUpWithTheDemoCityLoaded() throws Exception {
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getJsonObject("checks").getJsonObject("cim").getString("city")).isEqualTo("Monaco");
  }

  @Test
  void servesTheNineMonacoDistrictsAndTheClippedCity() throws Exception {
    assertThat(new JsonObject(get("/api/layers/districts").body()).getJsonArray("features")).hasSize(9);
    var pois = new JsonObject(get("/api/layers/pois").body()).getJsonArray("features");
    long hospitals =
        pois.stream().filter(f -> "hospital".equals(((JsonObject) f).getJsonObject("properties").getString("kind"))).count();
    long fireStations =
        pois.stream().filter(f -> "fire_station".equals(((JsonObject) f).getJsonObject("properties").getString("kind"))).count();
    assertThat(hospitals).isEqualTo(6);
    assertThat(fireStations).isEqualTo(2);
    assertThat(new JsonObject(get("/api/layers/buildings").body()).getJsonArray("features")).hasSize(1245);
  }

  @Test
  void aCityThatDoesNotExistFailsStartUpWithItsName() {
    CityTwinConfig cfg =
        CityTwinConfig.load(Optional.empty(), Map.of(), Map.of("http.port", "0", "mqtt.port", "0", "city", "atlantis"));
    Throwable err = Platform.start(cfg).toCompletionStage().toCompletableFuture().handle((p, e) -> e).join();
    assertThat(err).hasMessageContaining("atlantis");
  }

  @Test
  void aCitySpecFileOnDiskIsLoadedWithItsFilesRelativeToIt(@TempDir Path dir) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/cities/monaco/monaco-2026-03-10.osm.pbf")) {
      Files.copy(in, dir.resolve("extract.osm.pbf"));
    }
    Files.writeString(
        dir.resolve("city.json"),
        "{\"name\": \"Principality\", \"osm\": \"extract.osm.pbf\", \"boundaryRelation\": 2220322,"
            + " \"attribution\": \"© OpenStreetMap contributors, ODbL 1.0\","
            + " \"population\": {\"total\": 1000, \"source\": \"test\"}}");
    CityModel m = Platform.cityLoader(dir.resolve("city.json").toString()).call();
    assertThat(m.name()).isEqualTo("Principality");
    assertThat(m.population().total()).isEqualTo(1000);
    assertThat(m.buildings()).hasSize(1245);
  }
}
