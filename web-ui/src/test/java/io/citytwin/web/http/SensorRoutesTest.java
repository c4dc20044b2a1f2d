package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The telemetry routes over real HTTP against {@link FakeTelemetry} consumers on the event-bus
 * contract: what reaches the bus, what comes back, and how each failure code surfaces.
 */
class SensorRoutesTest {
  private TestServer server;
  private FakeTelemetry fake;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    fake = FakeTelemetry.testville();
    server = TestServer.start(FixtureCity::testville, fake);
    client = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void listsSensorsWithTheirStateAndPassesFiltersToTheTwin() throws Exception {
    HttpResponse<Buffer> all = get("/api/sensors");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.getHeader("Content-Type")).startsWith("application/json");
    JsonArray sensors = all.bodyAsJsonObject().getJsonArray("sensors");
    assertThat(ids(sensors)).containsExactly("aq-w1", "aq-e1", "wl-e1", "cr-w1");
    assertThat(sensors.getJsonObject(0).getJsonObject("state").getJsonObject("latest").getJsonObject("pm25").getDouble("value"))
        .isEqualTo(12.5);

    JsonArray filtered = get("/api/sensors?district=district/T-E&kind=AIR_QUALITY&status=stale")
        .bodyAsJsonObject().getJsonArray("sensors");
    assertThat(ids(filtered)).containsExactly("aq-e1");
    assertThat(fake.requestsTo(TelemetryAddresses.SENSORS)).containsExactly(
        new JsonObject(),
        new JsonObject().put("district", "district/T-E").put("kind", "air_quality").put("status", "stale"));
  }

  @Test
  void badFiltersAre400NamingTheParameterAndNeverReachTheTwin() throws Exception {
    JsonObject kind = get("/api/sensors?kind=rocket").bodyAsJsonObject();
    assertThat(kind.getInteger("status")).isEqualTo(400);
    assertThat(kind.getString("parameter")).isEqualTo("kind");
    assertThat(kind.getString("value")).isEqualTo("rocket");
    assertThat(kind.getString("message")).startsWith("query parameter 'kind': unknown kind 'rocket'; expected one of air_quality, weather,");
    assertThat(get("/api/sensors?status=broken").bodyAsJsonObject().getString("message"))
        .isEqualTo("query parameter 'status': unknown status 'broken'; expected one of ok, stale, no-signal, faulty");
    assertThat(get("/api/sensors?format=kml").bodyAsJsonObject().getString("message"))
        .isEqualTo("query parameter 'format': unknown format 'kml'; expected one of json, geojson");
    assertThat(get("/api/sensors?district=a&district=b").bodyAsJsonObject().getString("message"))
        .isEqualTo("query parameter 'district': given more than once");
    assertThat(fake.requestsTo(TelemetryAddresses.SENSORS)).isEmpty();
  }

  @Test
  void geoJsonFormatIsAFeatureCollectionOfPointsCarryingTheState() throws Exception {
    HttpResponse<Buffer> r = get("/api/sensors?format=geojson&district=district/T-W");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/geo+json");
    Geometry points = new GeoJsonReader().read(r.bodyAsString());
    assertThat(points.getNumGeometries()).isEqualTo(2);
    assertThat(points.getGeometryN(0).getCoordinate().x).isEqualTo(7.408);
    assertThat(points.getGeometryN(0).getCoordinate().y).isEqualTo(43.731);
    JsonObject feature = r.bodyAsJsonObject().getJsonArray("features").getJsonObject(1);
    assertThat(feature.getString("id")).isEqualTo("cr-w1");
    JsonObject props = feature.getJsonObject("properties");
    assertThat(props.getString("status")).isEqualTo("faulty");
    assertThat(props.getString("lastRejectReason")).isEqualTo("out_of_range");
    assertThat(props.getString("kind")).isEqualTo("crowd_monitor");
    assertThat(props.getJsonObject("latest").getJsonObject("crowd_density").getString("unit")).isEqualTo("persons/m2");
    assertThat(props.fieldNames()).doesNotContain("lat", "lon", "state");
  }

  @Test
  void oneSensorOr404WithTheTwinsMessage() throws Exception {
    HttpResponse<Buffer> one = get("/api/sensors/wl-e1");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.bodyAsJsonObject().getJsonObject("state").getString("status")).isEqualTo("no-signal");
    HttpResponse<Buffer> missing = get("/api/sensors/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("Not Found");
    assertThat(missing.bodyAsJsonObject().getString("message")).isEqualTo("unknown sensor 'nope'");
  }

  @Test
  void registersASensorWith201AndLocationThen409ForTheSameId() throws Exception {
    String body = "{\"id\":\"aq-new\",\"kind\":\"air_quality\",\"lat\":43.73,\"lon\":7.41,\"name\":\"Port\"}";
    HttpResponse<Buffer> created = post("/api/sensors", "application/json", body);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.getHeader("Location")).isEqualTo("/api/sensors/aq-new");
    assertThat(created.bodyAsJsonObject().getString("name")).isEqualTo("Port");
    // The body reaches the registry unparsed.
    assertThat(fake.requestsTo(TelemetryAddresses.REGISTER)).containsExactly(Buffer.buffer(body));
    assertThat(get(created.getHeader("Location")).bodyAsJsonObject().getString("kind")).isEqualTo("air_quality");

    HttpResponse<Buffer> again = post("/api/sensors", "application/json; charset=utf-8", body);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("Conflict");
    assertThat(again.bodyAsJsonObject().getString("message")).isEqualTo("sensor id 'aq-new' is already registered");
  }

  @Test
  void anInvalidBodyIs400WithTheRegistrysMessage() throws Exception {
    HttpResponse<Buffer> r = post("/api/sensors", "application/json", "{\"id\":\"x1\",\"kind\":\"air_quality\",\"lat\":91.5,\"lon\":7.4}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("message"))
        .isEqualTo("request body: field 'lat': 91.5 is not a latitude (-90..90 degrees)");
    assertThat(post("/api/sensors", "application/json", "{\"id\":").bodyAsJsonObject().getString("message"))
        .startsWith("request body: ");
  }

  @Test
  void aBodyThatIsNotJsonIs415AndAnOversizedOne413() throws Exception {
    HttpResponse<Buffer> text = post("/api/sensors", "text/plain", "id=x");
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(text.bodyAsJsonObject().getString("message"))
        .isEqualTo("the body must be JSON (Content-Type: application/json), not 'text/plain'");
    HttpResponse<Buffer> none = TestServer.await(client.post("/api/sensors").sendBuffer(Buffer.buffer("{}")));
    assertThat(none.statusCode()).isEqualTo(415);
    String huge = "{\"id\":\"big\",\"kind\":\"air_quality\",\"lat\":43.7,\"lon\":7.4,\"name\":\"" + "x".repeat(20_000) + "\"}";
    HttpResponse<Buffer> big = post("/api/sensors", "application/json", huge);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.bodyAsJsonObject().getString("message")).isEqualTo("the request body exceeds 16384 bytes");
    assertThat(fake.requestsTo(TelemetryAddresses.REGISTER)).isEmpty();
  }

  @Test
  void historyPassesTheRangeInEpochMillisAndAcceptsIsoOffsetsAndMillis() throws Exception {
    fake.history.put("aq-w1", List.of(
        new JsonObject().put("ts", "2026-11-24T07:00:00Z").put("quantity", "pm25").put("value", 10.0).put("exercise", false),
        new JsonObject().put("ts", "2026-11-24T07:30:00Z").put("quantity", "temperature").put("value", 14.0).put("exercise", false),
        new JsonObject().put("ts", "2026-11-24T08:00:00Z").put("quantity", "pm25").put("value", 12.5).put("exercise", false)));
    long from = Instant.parse("2026-11-24T06:00:00Z").toEpochMilli();
    JsonObject h = get("/api/sensors/aq-w1/history?quantity=pm25&from=" + from + "&to=2026-11-24T09:00:00%2B01:00&limit=10")
        .bodyAsJsonObject();
    assertThat(h.getJsonArray("points")).hasSize(2);
    assertThat(fake.requestsTo(TelemetryAddresses.HISTORY)).containsExactly(new JsonObject()
        .put("sensorId", "aq-w1").put("from", from).put("to", Instant.parse("2026-11-24T08:00:00Z").toEpochMilli())
        .put("quantity", "pm25").put("limit", 10));
  }

  @Test
  void historyDefaultsToTheLast24Hours() throws Exception {
    long before = System.currentTimeMillis();
    assertThat(get("/api/sensors/aq-w1/history").statusCode()).isEqualTo(200);
    long after = System.currentTimeMillis();
    JsonObject sent = (JsonObject) fake.requestsTo(TelemetryAddresses.HISTORY).get(0);
    assertThat(sent.getLong("to")).isBetween(before, after);
    assertThat(sent.getLong("to") - sent.getLong("from")).isEqualTo(24 * 3600_000L);
    assertThat(sent.fieldNames()).containsExactlyInAnyOrder("sensorId", "from", "to");
    get("/api/sensors/aq-w1/history?to=2026-11-24T08:00:00Z");
    assertThat(((JsonObject) fake.requestsTo(TelemetryAddresses.HISTORY).get(1)).getLong("from"))
        .isEqualTo(Instant.parse("2026-11-23T08:00:00Z").toEpochMilli());
  }

  @Test
  void badHistoryParametersAre400NamingTheParameter() throws Exception {
    assertBadParameter("/api/sensors/aq-w1/history?from=yesterday", "from",
        "query parameter 'from': 'yesterday' is neither an ISO-8601 instant (e.g. 2026-11-24T08:00:00Z) nor epoch milliseconds");
    assertBadParameter("/api/sensors/aq-w1/history?to=2026-13-01T00:00:00Z", "to",
        "query parameter 'to': '2026-13-01T00:00:00Z' is neither an ISO-8601 instant (e.g. 2026-11-24T08:00:00Z) nor epoch milliseconds");
    assertBadParameter("/api/sensors/aq-w1/history?from=2026-11-24T09:00:00Z&to=2026-11-24T08:00:00Z", "from",
        "query parameter 'from': from 2026-11-24T09:00:00Z is after to 2026-11-24T08:00:00Z");
    assertBadParameter("/api/sensors/aq-w1/history?from=2999-01-01T00:00:00Z", "from",
        "query parameter 'from': from 2999-01-01T00:00:00Z is in the future (to defaults to now, ");
    assertBadParameter("/api/sensors/aq-w1/history?limit=0", "limit", "query parameter 'limit': must be 1..100000, not 0");
    assertBadParameter("/api/sensors/aq-w1/history?limit=100001", "limit", "query parameter 'limit': must be 1..100000, not 100001");
    assertBadParameter("/api/sensors/aq-w1/history?limit=ten", "limit", "query parameter 'limit': 'ten' is not a whole number");
    assertBadParameter("/api/sensors/aq-w1/history?quantity=pm3", "quantity",
        "query parameter 'quantity': unknown quantity 'pm3'; expected one of pm25, pm10,");
    assertThat(fake.requestsTo(TelemetryAddresses.HISTORY)).isEmpty();
  }

  @Test
  void historyRefusalsOfTheServiceKeepTheirCodeAndMessage() throws Exception {
    HttpResponse<Buffer> notOfSensor = get("/api/sensors/aq-w1/history?quantity=water_level");
    assertThat(notOfSensor.statusCode()).isEqualTo(400);
    assertThat(notOfSensor.bodyAsJsonObject().getString("message")).isEqualTo("sensor 'aq-w1' has no quantity 'water_level'");
    HttpResponse<Buffer> unknown = get("/api/sensors/ghost/history");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("message")).isEqualTo("unknown sensor 'ghost'");
  }

  @Test
  void indicatorsDeadLettersAndStatsAreTheServicesReplies() throws Exception {
    JsonObject indicators = get("/api/indicators").bodyAsJsonObject();
    assertThat(indicators.getJsonArray("districts")).isEqualTo(fake.districts);
    fake.deadLetters = new JsonObject().put("counters", new JsonObject().put("not_json", 3))
        .put("recent", new JsonArray().add(new JsonObject().put("reason", "not_json").put("topic", "t/1"))
            .add(new JsonObject().put("reason", "not_json").put("topic", "t/2")));
    JsonObject letters = get("/api/ingest/dead-letters?limit=1").bodyAsJsonObject();
    assertThat(letters.getJsonArray("recent")).hasSize(1);
    assertThat(letters.getJsonObject("counters").getInteger("not_json")).isEqualTo(3);
    assertThat(fake.requestsTo(TelemetryAddresses.DEAD_LETTERS)).containsExactly(new JsonObject().put("limit", 1));
    assertBadParameter("/api/ingest/dead-letters?limit=-5", "limit", "query parameter 'limit': must be 1..10000, not -5");
    assertThat(get("/api/ingest/stats").bodyAsJsonObject()).isEqualTo(fake.stats);
  }

  @Test
  void serviceFailuresMapTo503WithRetryAfterOr500() throws Exception {
    fake.failures.put(TelemetryAddresses.INDICATORS, new Object[] {503, "live twin is starting"});
    HttpResponse<Buffer> starting = get("/api/indicators");
    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
    assertThat(starting.bodyAsJsonObject().getString("message")).isEqualTo("live twin is starting");

    TestServer.await(fake.unregister(TelemetryAddresses.INGEST_STATS));
    HttpResponse<Buffer> absent = get("/api/ingest/stats");
    assertThat(absent.statusCode()).isEqualTo(503);
    assertThat(absent.bodyAsJsonObject().getString("message"))
        .isEqualTo("no service answers on citytwin.ingest.stats (is it deployed?)");

    fake.failures.put(TelemetryAddresses.SENSOR, new Object[] {500, "NullPointerException in the registry"});
    HttpResponse<Buffer> broken = get("/api/sensors/aq-w1");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.bodyAsJsonObject().getString("message")).contains("NullPointerException in the registry");
  }

  private void assertBadParameter(String uri, String parameter, String messageStart) throws Exception {
    HttpResponse<Buffer> r = get(uri);
    assertThat(r.statusCode()).as(uri).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("parameter")).as(uri).isEqualTo(parameter);
    assertThat(r.bodyAsJsonObject().getString("message")).as(uri).startsWith(messageStart);
  }

  private static List<String> ids(JsonArray sensors) {
    return sensors.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return TestServer.await(client.get(uri).send());
  }

  private HttpResponse<Buffer> post(String uri, String contentType, String body) throws Exception {
    return TestServer.await(client.post(uri).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)));
  }
}
