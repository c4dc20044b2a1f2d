package io.citytwin.twin.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityModel;
import io.citytwin.twin.fixture.FixtureCity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CimVerticleTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
  private Vertx vertx;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  private void deploy() throws Exception {
    CityModel city = FixtureCity.testville();
    await(vertx.deployVerticle(new CimVerticle(() -> city, CLOCK)));
  }

  @Test
  void publishesLoadedWithTheSummaryOnceBuilt() throws Exception {
    var loaded = new java.util.concurrent.CompletableFuture<JsonObject>();
    vertx.eventBus().<JsonObject>consumer(CimAddresses.LOADED, m -> loaded.complete(m.body()));
    deploy();
    JsonObject summary = loaded.get(5, TimeUnit.SECONDS);
    assertThat(summary.getString("city")).isEqualTo("Testville");
    assertThat(summary.getJsonObject("counts").getInteger("building")).isEqualTo(4);
    assertThat(summary.getJsonObject("population").getBoolean("synthetic")).isTrue();
    assertThat(summary.getJsonArray("bbox")).isEqualTo(new JsonArray("[7.4,43.72,7.44,43.74]"));
  }

  @Test
  void answersSummaryEntityAndLayers() throws Exception {
    deploy();
    JsonObject summary = obj(CimAddresses.SUMMARY, "");
    assertThat(summary.getJsonObject("counts").getInteger("district")).isEqualTo(2);
    JsonObject poi = obj(CimAddresses.ENTITY, "poi/n11");
    assertThat(poi.getString("name")).isEqualTo("Caserne Est");
    assertThat(poi.getJsonObject("geometry").getString("type")).isEqualTo("Point");
    assertThat(poi.getJsonObject("attributes").getString("kind")).isEqualTo("fire_station");
    JsonArray layers = obj(CimAddresses.LAYERS, "").getJsonArray("layers");
    assertThat(layers).hasSize(5);
    assertThat(layers.getJsonObject(4).getBoolean("synthetic")).isTrue();
  }

  @Test
  void failsWithStatusCodesForBadIdsAndUnknownThings() throws Exception {
    deploy();
    assertThat(failure(CimAddresses.ENTITY, "poi/n999").failureCode()).isEqualTo(404);
    ReplyException bad = failure(CimAddresses.ENTITY, "nonsense");
    assertThat(bad.failureCode()).isEqualTo(400);
    assertThat(bad.getMessage()).contains("type/key");
    assertThat(failure(CimAddresses.LAYER, new JsonObject().put("name", "trees")).failureCode()).isEqualTo(404);
    ReplyException bbox = failure(CimAddresses.LAYER, new JsonObject().put("name", "roads").put("bbox", new JsonArray("[8,44,7,43]")));
    assertThat(bbox.failureCode()).isEqualTo(400);
    assertThat(bbox.getMessage()).startsWith("bbox minLon 8.0 is greater than maxLon 7.0");
  }

  @Test
  void rendersLayersAsGeoJsonWithAndWithoutBbox() throws Exception {
    deploy();
    JsonNode all = json(buffer(CimAddresses.LAYER, new JsonObject().put("name", "buildings")));
    JsonNode west = json(buffer(CimAddresses.LAYER,
        new JsonObject().put("name", "buildings").put("bbox", new JsonArray("[7.40,43.72,7.419,43.74]"))));
    assertThat(all.get("features")).hasSize(4);
    assertThat(west.get("features")).hasSize(2);
    // The full layer is rendered once and served from memory afterwards.
    Buffer first = buffer(CimAddresses.LAYER, new JsonObject().put("name", "roads"));
    Buffer second = buffer(CimAddresses.LAYER, new JsonObject().put("name", "roads"));
    assertThat(second).isEqualTo(first);
  }

  @Test
  void appliesCommandsAndPublishesEvents() throws Exception {
    deploy();
    var published = new java.util.concurrent.CompletableFuture<JsonObject>();
    vertx.eventBus().<JsonObject>consumer(CimAddresses.EVENTS, m -> published.complete(m.body()));
    JsonObject cmd = new JsonObject().put("command", "modify-property").put("entityId", "road/w200")
        .put("key", "status").put("value", "closed");
    JsonObject event = obj(CimAddresses.COMMAND, cmd);
    assertThat(event.getLong("revision")).isEqualTo(1L);
    assertThat(event.getString("timestamp")).isEqualTo("2026-11-22T08:00:00Z");
    assertThat(published.get(5, TimeUnit.SECONDS)).isEqualTo(event);
    JsonObject road = obj(CimAddresses.ENTITY, "road/w200");
    assertThat(road.getJsonObject("state").getJsonObject("properties").getString("status")).isEqualTo("closed");
    assertThat(obj(CimAddresses.SUMMARY, "").getLong("revision")).isEqualTo(1L);

    ReplyException rejected = failure(CimAddresses.COMMAND, cmd.copy().put("entityId", "road/w9"));
    assertThat(rejected.failureCode()).isEqualTo(400);
    assertThat(rejected.getMessage()).isEqualTo("unknown entity road/w9");
  }

  @Test
  void aFailingLoaderFailsTheDeploymentWithItsMessage() {
    Future<String> deployment = vertx.deployVerticle(new CimVerticle(() -> {
      throw new IllegalStateException("monaco.osm.pbf: truncated PBF blob");
    }));
    assertThat(deployment.toCompletionStage().toCompletableFuture())
        .failsWithin(java.time.Duration.ofSeconds(5))
        .withThrowableThat().withMessageContaining("monaco.osm.pbf: truncated PBF blob");
  }

  private JsonObject obj(String address, Object body) throws Exception {
    Message<JsonObject> reply = await(vertx.eventBus().request(address, body));
    return reply.body();
  }

  private Buffer buffer(String address, Object body) throws Exception {
    Message<Buffer> reply = await(vertx.eventBus().request(address, body));
    return reply.body();
  }

  private ReplyException failure(String address, Object body) throws Exception {
    try {
      await(vertx.eventBus().request(address, body));
    } catch (java.util.concurrent.ExecutionException e) {
      return (ReplyException) e.getCause();
    }
    throw new AssertionError("request to " + address + " should have failed");
  }

  private static JsonNode json(Buffer b) throws Exception {
    return new ObjectMapper().readTree(b.getBytes());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
