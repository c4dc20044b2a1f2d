package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.SimAddresses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scenario and drill routes over real HTTP against {@link FakeScenarios} consumers on the
 * event-bus contract: what reaches the bus, what comes back with which media type, how each
 * failure code and each bad parameter or body surfaces, and the report's content negotiation.
 */
class DrillRoutesTest {
  private static final Instant STARTED = Instant.parse("2026-11-24T08:00:00Z");
  private static final String JSON = "application/json; charset=utf-8";

  private TestServer server;
  private FakeScenarios fake;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    fake = FakeScenarios.testville();
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), new FakeIncidents(), fake, new JsonObject());
    client = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** A finished drill of the fire scenario, with its score. */
  private void finishedDrill(String id) {
    fake.add(FakeScenarios.drill(id, fake.scenarios.get(0), "running", STARTED, 60, 0, 30));
    fake.finish(id, FakeScenarios.score(125.0), STARTED.plusSeconds(31));
  }

  @Test
  void listsTheBuiltInScenariosAsTheServiceAnswersThem() throws Exception {
    HttpResponse<Buffer> r = get("/api/scenarios");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("scenarios", new JsonArray(List.copyOf(fake.scenarios))));
    assertThat(fake.requestsTo(SimAddresses.SCENARIOS)).hasSize(1);
    HttpResponse<Buffer> head = TestServer.await(client.request(HttpMethod.HEAD, "/api/scenarios").send());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body() == null ? 0 : head.body().length()).isZero();
  }

  @Test
  void startingABuiltInDrillIs201WithItsLocationAndPassesIdAndSpeed() throws Exception {
    HttpResponse<Buffer> r = post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\", \"speed\": 300}");
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(r.getHeader("Location")).isEqualTo("/api/drills/DRILL-1");
    JsonObject drill = r.bodyAsJsonObject();
    assertThat(drill).isEqualTo(fake.drills.get("DRILL-1"));
    assertThat(drill.getString("status")).isEqualTo("running");
    assertThat(drill.getInteger("steps")).isEqualTo(30);
    assertThat(drill.getDouble("speed")).isEqualTo(300.0);
    assertThat(fake.requestsTo(SimAddresses.START_DRILL)).containsExactly(
        new JsonObject().put("scenario", "testville-fire-drill").put("speed", 300));

    // It is now listed, newest first, and can be fetched by the Location.
    fake.add(FakeScenarios.drill("DRILL-0", fake.scenarios.get(1), "finished", STARTED.minusSeconds(86_400), 60, 72, 72));
    assertThat(get("/api/drills").bodyAsJsonObject().getJsonArray("drills").stream().map(d -> ((JsonObject) d).getString("id")))
        .containsExactly("DRILL-1", "DRILL-0");
    HttpResponse<Buffer> one = get(r.getHeader("Location"));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.bodyAsJsonObject()).isEqualTo(drill);
    assertThat(fake.requestsTo(SimAddresses.DRILL)).containsExactly("DRILL-1");
  }

  @Test
  void aWholeScenarioDocumentIsPassedOnForTheServiceToValidate() throws Exception {
    JsonObject document = new JsonObject().put("id", "posted-fire").put("name", "Fire at the school").put("type", "building_fire")
        .put("mode", "drill").put("location", new JsonObject().put("building", "w1")).put("duration", "PT10M").put("step", "PT1M")
        .put("seed", 7).put("parameters", new JsonObject().put("ignitionMw", 2.5));
    HttpResponse<Buffer> r = post("/api/drills", "application/json; charset=UTF-8", new JsonObject().put("scenario", document).encode());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getJsonObject("scenario").getString("id")).isEqualTo("posted-fire");
    assertThat(fake.requestsTo(SimAddresses.START_DRILL)).containsExactly(new JsonObject().put("scenario", document));
  }

  @Test
  void theServicesRefusalsKeepTheirCodeAndMessage() throws Exception {
    assertError(post("/api/drills", "application/json", "{\"scenario\": {\"name\": \"no type\"}}"), 400,
        "scenario.type: missing; expected one of chemical_release, flood, building_fire, traffic_incident, evacuation, epidemic");
    assertError(post("/api/drills", "application/json", "{\"scenario\": \"testville-epidemic\"}"), 400,
        "scenario testville-epidemic: type epidemic cannot be drilled");
    assertError(post("/api/drills", "application/json", "{\"scenario\": \"atlantis\"}"), 400,
        "scenario: no built-in scenario 'atlantis'");
    assertThat(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\"}").statusCode()).isEqualTo(201);
    assertError(post("/api/drills", "application/json", "{\"scenario\": \"testville-flood\"}"), 409,
        "drill DRILL-1 is running; one drill at a time");
    assertError(get("/api/drills/DRILL-9"), 404, "unknown drill 'DRILL-9'");
    assertThat(fake.requestsTo(SimAddresses.START_DRILL)).hasSize(5);
  }

  @Test
  void badBodiesAre400415Or413AndNeverReachTheBus() throws Exception {
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"fire drill\"}"), "scenario",
        "request body: field 'scenario': 'fire drill' is not a scenario id (1-64 characters of A-Z a-z 0-9 . _ -)");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"" + "a".repeat(65) + "\"}"), "scenario",
        "request body: field 'scenario': 'aaaa");
    assertBad(post("/api/drills", "application/json", "{\"speed\": 60}"), "scenario",
        "request body: field 'scenario': required: the id of a built-in scenario or a whole scenario document");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": [\"testville-fire-drill\"]}"), "scenario",
        "request body: field 'scenario': must be the id of a built-in scenario (a string) or a scenario document (an object), not an array");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\", \"speed\": \"fast\"}"), "speed",
        "request body: field 'speed': must be a number of simulated seconds per real second, not a string");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\", \"speed\": 0}"), "speed",
        "request body: field 'speed': must be 1..3600 simulated seconds per real second, not 0");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\", \"speed\": 3601}"), "speed",
        "request body: field 'speed': must be 1..3600");
    assertBad(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\", \"seed\": 1}"), "seed",
        "request body: field 'seed': unknown member; expected scenario, speed");
    assertError(post("/api/drills", "application/json", "[\"testville-fire-drill\"]"), 400,
        "request body: expected a JSON object, got array");
    assertError(post("/api/drills", "application/json", ""), 400,
        "request body: a JSON object {\"scenario\": id or scenario document, \"speed\"?: 1..3600} is required");
    assertThat(post("/api/drills", "application/json", "{\"scenario\":").bodyAsJsonObject().getString("message"))
        .startsWith("request body: not JSON: ");
    assertError(post("/api/drills", "text/plain", "testville-fire-drill"), 415,
        "the body must be JSON (Content-Type: application/json), not 'text/plain'");
    assertError(TestServer.await(client.post("/api/drills").sendBuffer(Buffer.buffer("{}"))), 415,
        "the body must be JSON (Content-Type: application/json), not a body without Content-Type");
    String huge = new JsonObject().put("scenario", new JsonObject().put("type", "flood")
        .put("description", "x".repeat(DrillRoutes.MAX_BODY_BYTES))).encode();
    assertError(post("/api/drills", "application/json", huge), 413, "the request body exceeds 262144 bytes");
    assertThat(fake.requestsTo(SimAddresses.START_DRILL)).isEmpty();
  }

  @Test
  void aScenarioDocumentJustUnderTheLimitIsAccepted() throws Exception {
    JsonObject document = new JsonObject().put("type", "flood").put("description", "");
    int room = DrillRoutes.MAX_BODY_BYTES - new JsonObject().put("scenario", document).encode().length();
    document.put("description", "x".repeat(room));
    String body = new JsonObject().put("scenario", document).encode();
    assertThat(body.length()).isEqualTo(DrillRoutes.MAX_BODY_BYTES);
    assertThat(post("/api/drills", "application/json", body).statusCode()).isEqualTo(201);
  }

  @Test
  void idsThePlatformCannotHaveIssuedAre400BeforeTheBus() throws Exception {
    assertBad(get("/api/drills/DRILL%201"), "parameter", "id", "path parameter 'id': 'DRILL 1' is not an id");
    assertBad(get("/api/drills/-1/report"), "parameter", "id", "path parameter 'id': '-1' is not an id");
    assertBad(get("/api/drills/" + "D".repeat(129)), "parameter", "id", "path parameter 'id': 'DDDD");
    assertThat(fake.requestsTo(SimAddresses.DRILL)).isEmpty();
    assertThat(fake.requestsTo(SimAddresses.REPORT)).isEmpty();
  }

  @Test
  void theReportComesInTheFormatAskedForByParameterOrByAccept() throws Exception {
    finishedDrill("DRILL-7");
    HttpResponse<Buffer> html = get("/api/drills/DRILL-7/report?format=html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(html.getHeader("Vary")).isEqualTo("Accept");
    assertThat(html.bodyAsString()).isEqualTo(FakeScenarios.htmlReport("DRILL-7"));
    HttpResponse<Buffer> markdown = get("/api/drills/DRILL-7/report?format=MarkDown");
    assertThat(markdown.getHeader("Content-Type")).isEqualTo("text/markdown; charset=utf-8");
    assertThat(markdown.bodyAsString()).isEqualTo(FakeScenarios.markdownReport("DRILL-7"));
    HttpResponse<Buffer> json = get("/api/drills/DRILL-7/report?format=json");
    assertThat(json.getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(json.bodyAsJsonObject().getJsonObject("drill").getJsonObject("score"))
        .isEqualTo(FakeScenarios.score(125.0));

    // Without ?format the Accept header decides; no preference is JSON; ?format wins over Accept.
    assertThat(accepting(null).getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(accepting("*/*").getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(accepting("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").getHeader("Content-Type"))
        .isEqualTo("text/html; charset=utf-8");
    assertThat(accepting("text/*;q=0.5, text/markdown").getHeader("Content-Type")).isEqualTo("text/markdown; charset=utf-8");
    assertThat(accepting("application/json;q=0.2, text/*;q=0.3").getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(TestServer.await(client.get("/api/drills/DRILL-7/report?format=markdown").putHeader("Accept", "text/html").send())
        .getHeader("Content-Type")).isEqualTo("text/markdown; charset=utf-8");
    assertThat(fake.requestsTo(SimAddresses.REPORT).stream().map(q -> ((JsonObject) q).getString("format")))
        .containsExactly("html", "markdown", "json", "json", "json", "html", "markdown", "html", "markdown");
    assertThat(fake.requestsTo(SimAddresses.REPORT)).allMatch(q -> ((JsonObject) q).getString("id").equals("DRILL-7"));
  }

  @Test
  void aReportNobodyCanAcceptOrAnUnknownFormatIsRefusedBeforeTheBus() throws Exception {
    finishedDrill("DRILL-7");
    HttpResponse<Buffer> r = accepting("application/pdf, image/*");
    assertError(r, 406, "the report is served as application/json, text/html or text/markdown, and Accept:"
        + " 'application/pdf, image/*' admits none of them; or ask with ?format=json|html|markdown");
    assertError(accepting("application/json;q=0, text/*;q=0"), 406,
        "the report is served as application/json, text/html or text/markdown, and Accept:"
            + " 'application/json;q=0, text/*;q=0' admits none of them; or ask with ?format=json|html|markdown");
    assertBad(get("/api/drills/DRILL-7/report?format=pdf"), "parameter", "format",
        "query parameter 'format': unknown format 'pdf'; expected one of json, html, markdown");
    assertBad(get("/api/drills/DRILL-7/report?format=json&format=html"), "parameter", "format",
        "query parameter 'format': given more than once");
    assertThat(fake.requestsTo(SimAddresses.REPORT)).isEmpty();
  }

  @Test
  void aReportBeforeTheDrillHasFinishedIs409AndAnUnknownDrill404() throws Exception {
    fake.add(FakeScenarios.drill("DRILL-3", fake.scenarios.get(0), "scoring", STARTED, 60, 30, 30));
    assertError(get("/api/drills/DRILL-3/report?format=html"), 409,
        "drill DRILL-3 is scoring; its report is written when it has finished");
    assertError(get("/api/drills/DRILL-4/report"), 404, "unknown drill 'DRILL-4'");
  }

  @Test
  void anAbsentOrFailingScenarioServiceIs503WithRetryAfterOr500() throws Exception {
    fake.failures.put(SimAddresses.DRILLS, new Object[] {503, "the scenario engine is loading the city"});
    HttpResponse<Buffer> loading = get("/api/drills");
    assertError(loading, 503, "the scenario engine is loading the city");
    assertThat(loading.getHeader("Retry-After")).isEqualTo("5");
    TestServer.await(fake.unregister(SimAddresses.SCENARIOS));
    assertError(get("/api/scenarios"), 503, "no service answers on citytwin.sim.scenarios (is it deployed?)");
    TestServer.await(fake.unregister(SimAddresses.START_DRILL));
    assertError(post("/api/drills", "application/json", "{\"scenario\": \"testville-fire-drill\"}"), 503,
        "no service answers on citytwin.sim.drills.start (is it deployed?)");
    fake.failures.put(SimAddresses.DRILL, new Object[] {500, "IllegalStateException in the runner"});
    HttpResponse<Buffer> broken = get("/api/drills/DRILL-1");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.bodyAsJsonObject().getString("message")).contains("IllegalStateException in the runner");
  }

  private HttpResponse<Buffer> accepting(String accept) throws Exception {
    HttpRequest<Buffer> request = client.get("/api/drills/DRILL-7/report");
    if (accept != null) {
      request.putHeader("Accept", accept);
    }
    return TestServer.await(request.send());
  }

  private static void assertBad(HttpResponse<Buffer> r, String field, String messageStart) {
    assertBad(r, "field", field, messageStart);
  }

  private static void assertBad(HttpResponse<Buffer> r, String member, String name, String messageStart) {
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString(member)).isEqualTo(name);
    assertThat(r.bodyAsJsonObject().getString("message")).startsWith(messageStart);
  }

  private static void assertError(HttpResponse<Buffer> r, int status, String message) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo(JSON);
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo(message);
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return TestServer.await(client.get(uri).send());
  }

  private HttpResponse<Buffer> post(String uri, String contentType, String body) throws Exception {
    return TestServer.await(client.post(uri).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)));
  }
}
