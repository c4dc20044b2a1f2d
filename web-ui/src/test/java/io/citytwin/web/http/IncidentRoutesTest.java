package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident routes over real HTTP against {@link FakeIncidents} consumers on the event-bus
 * contract: what reaches the bus, what comes back with which media type, and how each failure code
 * and each bad parameter or body surfaces.
 */
class IncidentRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

  private TestServer server;
  private FakeIncidents fake;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    fake = FakeIncidents.testville(NOW);
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), fake, new JsonObject());
    client = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void listsIncidentsNewestFirstWithoutTimelinesAndPassesFiltersToTheService() throws Exception {
    HttpResponse<Buffer> all = get("/api/incidents");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    JsonArray incidents = all.bodyAsJsonObject().getJsonArray("incidents");
    assertThat(ids(incidents)).containsExactly("INC-1", "INC-0");
    assertThat(incidents.getJsonObject(0).fieldNames()).contains("tasks", "area").doesNotContain("timeline", "evidence");

    assertThat(ids(get("/api/incidents?status=closed&type=gas_leak&active=false&exercise=false")
        .bodyAsJsonObject().getJsonArray("incidents"))).containsExactly("INC-0");
    assertThat(ids(get("/api/incidents?active=TRUE").bodyAsJsonObject().getJsonArray("incidents"))).containsExactly("INC-1");
    assertThat(fake.requestsTo(IncidentAddresses.LIST)).containsExactly(
        new JsonObject(),
        new JsonObject().put("status", "closed").put("type", "gas_leak").put("active", false).put("exercise", false),
        new JsonObject().put("active", true));
  }

  @Test
  void badFiltersAre400NamingTheParameterAndNeverReachTheService() throws Exception {
    assertBad(get("/api/incidents?status=burning"), "parameter", "status", "query parameter 'status': unknown status"
        + " 'burning'; expected one of open, dispatched, in_progress, resolved, closed, cancelled");
    assertBad(get("/api/incidents?type=meteor"), "parameter", "type", "query parameter 'type': unknown type 'meteor';"
        + " expected one of fire, flood, gas_leak, chemical_release, traffic_accident, crowd_crush_risk,"
        + " air_quality_episode, disease_cluster, infrastructure_failure, external_warning");
    assertBad(get("/api/incidents?active=yes"), "parameter", "active", "query parameter 'active': 'yes' is neither true nor false");
    assertBad(get("/api/incidents?exercise=true&exercise=false"), "parameter", "exercise",
        "query parameter 'exercise': given more than once");
    assertThat(get("/api/incidents?type=meteor").bodyAsJsonObject().getString("value")).isEqualTo("meteor");
    assertThat(fake.requestsTo(IncidentAddresses.LIST)).isEmpty();
  }

  @Test
  void oneIncidentCarriesItsTimelineForAfterActionReview() throws Exception {
    HttpResponse<Buffer> r = get("/api/incidents/INC-1");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject incident = r.bodyAsJsonObject();
    assertThat(incident).isEqualTo(fake.incidents.get("INC-1"));
    assertThat(incident.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("kind")))
        .containsExactly("opened", "dispatched", "dispatched", "dispatched", "dispatched", "acknowledged", "escalated");
    assertThat(fake.requestsTo(IncidentAddresses.GET)).containsExactly("INC-1");

    HttpResponse<Buffer> missing = get("/api/incidents/INC-404");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", 404).put("error", "Not Found")
        .put("message", "unknown incident 'INC-404'"));
  }

  @Test
  void idsThatThePlatformCannotHaveIssuedAre400BeforeTheBus() throws Exception {
    assertBad(get("/api/incidents/INC%201"), "parameter", "id", "path parameter 'id': 'INC 1' is not an id");
    assertBad(get("/api/incidents/-x/cap"), "parameter", "id", "path parameter 'id': '-x' is not an id");
    assertBad(get("/api/incidents/" + "A".repeat(129)), "parameter", "id", "path parameter 'id': 'AAAA");
    assertBad(post("/api/incidents/INC-1/tasks/T%3C1%3E/ack", null, null), "parameter", "taskId",
        "path parameter 'taskId': 'T<1>' is not an id");
    assertThat(fake.requestsTo(IncidentAddresses.GET)).isEmpty();
    assertThat(fake.requestsTo(IncidentAddresses.CAP)).isEmpty();
    assertThat(fake.requestsTo(IncidentAddresses.ACK)).isEmpty();
  }

  @Test
  void capIsTheBussXmlServedAsCapXml() throws Exception {
    HttpResponse<Buffer> r = get("/api/incidents/INC-1/cap");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/cap+xml; charset=utf-8");
    assertThat(r.bodyAsString()).isEqualTo(FakeIncidents.capOf("INC-1"));
    HttpResponse<Buffer> missing = get("/api/incidents/INC-404/cap");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.getHeader("Content-Type")).startsWith("application/json");
  }

  @Test
  void theAtomFeedLinksWhereTheClientReachedTheServer() throws Exception {
    HttpResponse<Buffer> direct = get("/api/incidents/feed.atom");
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.getHeader("Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
    String base = "http://127.0.0.1:" + server.port();
    assertThat(direct.bodyAsString()).contains("href=\"" + base + "/api/incidents/INC-1/cap\"").doesNotContain("INC-0");

    feed(client.get("/api/incidents/feed.atom").putHeader("X-Forwarded-Proto", "https")
        .putHeader("X-Forwarded-Host", "twin.example.org, proxy.internal:8080"));
    feed(client.get("/api/incidents/feed.atom").putHeader("X-Forwarded-Proto", "http")
        .putHeader("X-Forwarded-Host", "Twin.Example.org").putHeader("X-Forwarded-Port", "8081"));
    // Header junk is never echoed into the feed: the request's own Host is used instead.
    feed(client.get("/api/incidents/feed.atom").putHeader("X-Forwarded-Host", "evil.org\"><script>")
        .putHeader("X-Forwarded-Proto", "gopher"));
    assertThat(fake.requestsTo(IncidentAddresses.FEED)).containsExactly(
        new JsonObject().put("baseUrl", base),
        new JsonObject().put("baseUrl", "https://twin.example.org"),
        new JsonObject().put("baseUrl", "http://twin.example.org:8081"),
        new JsonObject().put("baseUrl", base));
  }

  @Test
  void acknowledgingSendsTheRestChannelAndAnswersTheJournaledTask() throws Exception {
    HttpResponse<Buffer> bare = post("/api/incidents/INC-1/tasks/T-4/ack", null, null);
    assertThat(bare.statusCode()).isEqualTo(200);
    assertThat(bare.bodyAsJsonObject().getString("status")).isEqualTo("acknowledged");
    assertThat(bare.bodyAsJsonObject().getString("ackChannel")).isEqualTo("rest");

    HttpResponse<Buffer> signed = post("/api/incidents/INC-1/tasks/T-2/ack", "application/json",
        "{\"by\": \"  Dr Rossi \", \"agency\": \"EMS\"}");
    assertThat(signed.statusCode()).isEqualTo(200);
    assertThat(signed.bodyAsJsonObject()).isEqualTo(fake.task("INC-1", "T-2"));
    assertThat(signed.bodyAsJsonObject().getString("ackedBy")).isEqualTo("Dr Rossi");
    // Again: the same task, unchanged.
    assertThat(post("/api/incidents/INC-1/tasks/T-2/ack", "application/json", "{}").bodyAsJsonObject())
        .isEqualTo(signed.bodyAsJsonObject());
    assertThat(fake.requestsTo(IncidentAddresses.ACK)).containsExactly(
        new JsonObject().put("incidentId", "INC-1").put("taskId", "T-4").put("channel", "rest"),
        new JsonObject().put("incidentId", "INC-1").put("taskId", "T-2").put("channel", "rest").put("agency", "ems")
            .put("by", "Dr Rossi"),
        new JsonObject().put("incidentId", "INC-1").put("taskId", "T-2").put("channel", "rest"));
  }

  @Test
  void ackRefusalsKeepTheirCodeAndMessage() throws Exception {
    assertError(post("/api/incidents/INC-1/tasks/T-77/ack", null, null), 404, "incident INC-1 has no task 'T-77'");
    assertError(post("/api/incidents/INC-9/tasks/T-1/ack", null, null), 404, "unknown incident 'INC-9'");
    assertError(post("/api/incidents/INC-1/tasks/T-1/ack", "application/json", "{\"agency\":\"police\"}"), 409,
        "task T-1 belongs to fire, not police");
    fake.task("INC-1", "T-4").put("status", "cancelled");
    assertError(post("/api/incidents/INC-1/tasks/T-4/ack", null, null), 409, "task T-4 is cancelled");
    assertThat(fake.task("INC-1", "T-1").getString("status")).isEqualTo("dispatched");
  }

  @Test
  void badAckBodiesAre400Or415AndNeverReachTheBus() throws Exception {
    String ack = "/api/incidents/INC-1/tasks/T-1/ack";
    assertBad(post(ack, "application/json", "{\"agency\":\"navy\"}"), "field", "agency",
        "request body: field 'agency': unknown agency 'navy'; expected one of fire, ems, police, traffic, utilities, health");
    assertBad(post(ack, "application/json", "{\"by\":\"x\",\"when\":\"now\"}"), "field", "when",
        "request body: field 'when': unknown member; expected agency, by");
    assertBad(post(ack, "application/json", "{\"by\":42}"), "field", "by", "request body: field 'by': must be a string");
    assertBad(post(ack, "application/json", "{\"by\":\"" + "x".repeat(201) + "\"}"), "field", "by",
        "request body: field 'by': at most 200 characters, got 201");
    assertError(post(ack, "application/json", "[\"fire\"]"), 400, "request body: expected a JSON object, got array");
    assertThat(post(ack, "application/json", "{\"by\":").bodyAsJsonObject().getString("message")).startsWith("request body: not JSON: ");
    assertError(post(ack, "text/plain", "fire"), 415,
        "the body, when given, must be JSON (Content-Type: application/json), not 'text/plain'");
    assertError(post(ack, "application/json", "{\"by\":\"" + "x".repeat(20_000) + "\"}"), 413,
        "the request body exceeds 16384 bytes");
    assertThat(fake.requestsTo(IncidentAddresses.ACK)).isEmpty();
  }

  @Test
  void resolveAndCloseFollowTheLifecycleWithTheirRemarks() throws Exception {
    HttpResponse<Buffer> resolved = post("/api/incidents/INC-1/resolve", "application/json",
        "{\"by\":\"cmdr Dupont\",\"note\":\"fire out, no casualties\"}");
    assertThat(resolved.statusCode()).isEqualTo(200);
    assertThat(resolved.bodyAsJsonObject().getString("status")).isEqualTo("resolved");
    assertError(post("/api/incidents/INC-1/resolve", null, null), 409, "incident INC-1 is resolved; it cannot become resolved");
    HttpResponse<Buffer> closed = post("/api/incidents/INC-1/close", null, null);
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.bodyAsJsonObject().getString("status")).isEqualTo("closed");
    assertError(post("/api/incidents/INC-404/close", null, null), 404, "unknown incident 'INC-404'");
    assertBad(post("/api/incidents/INC-0/close", "application/json", "{\"note\":false}"), "field", "note",
        "request body: field 'note': must be a string");
    assertThat(fake.requestsTo(IncidentAddresses.RESOLVE)).containsExactly(
        new JsonObject().put("incidentId", "INC-1").put("by", "cmdr Dupont").put("note", "fire out, no casualties"),
        new JsonObject().put("incidentId", "INC-1"));
    assertThat(fake.requestsTo(IncidentAddresses.CLOSE)).containsExactly(
        new JsonObject().put("incidentId", "INC-1"), new JsonObject().put("incidentId", "INC-404"));
  }

  @Test
  void aCapAlertIsImportedAsIsAnd201WithTheIncident() throws Exception {
    byte[] canada = sample("canada.cap");
    HttpResponse<Buffer> r = TestServer.await(client.post("/api/cap").putHeader("Content-Type", "application/cap+xml")
        .sendBuffer(Buffer.buffer(canada)));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.getHeader("Location")).isEqualTo("/api/incidents/INC-CAP-1");
    assertThat(r.bodyAsJsonObject().getJsonArray("incidents")).containsExactly("INC-CAP-1");
    assertThat(fake.requestsTo(IncidentAddresses.IMPORT_CAP)).containsExactly(Buffer.buffer(canada));
    assertThat(get("/api/incidents/INC-CAP-1").bodyAsJsonObject().getString("type")).isEqualTo("external_warning");

    // A valid alert without an info block opens nothing: 200, and the problems say why.
    HttpResponse<Buffer> empty = TestServer.await(client.post("/api/cap")
        .putHeader("Content-Type", "application/xml; charset=UTF-8").sendBuffer(Buffer.buffer(sample("no_optional_fields.cap"))));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.bodyAsJsonObject().getJsonArray("incidents")).isEmpty();
    assertThat(empty.bodyAsJsonObject().getJsonArray("problems")).contains("the alert has no info block: nothing to import");
    assertThat(empty.getHeader("Location")).isNull();
  }

  @Test
  void invalidUnsafeMistypedAndOversizedAlertsAreRefused() throws Exception {
    HttpResponse<Buffer> invalid = postCap("application/cap+xml", sample("invalid.cap"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsJsonObject().getString("message")).isNotBlank();

    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";
    HttpResponse<Buffer> unsafe = postCap("application/xml", xxe.getBytes());
    assertThat(unsafe.statusCode()).isEqualTo(400);
    assertThat(unsafe.bodyAsString()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
    assertThat(fake.requestsTo(IncidentAddresses.IMPORT_CAP)).hasSize(2);

    assertError(postCap("text/xml", sample("canada.cap")), 415, "the body must be a CAP alert (Content-Type:"
        + " application/cap+xml or application/xml), not 'text/xml'");
    assertError(TestServer.await(client.post("/api/cap").sendBuffer(Buffer.buffer(sample("canada.cap")))), 415,
        "the body must be a CAP alert (Content-Type: application/cap+xml or application/xml), not a body without Content-Type");
    byte[] huge = new byte[IncidentRoutes.MAX_CAP_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertError(postCap("application/cap+xml", huge), 413, "the CAP document exceeds 2097152 bytes");
    assertThat(fake.requestsTo(IncidentAddresses.IMPORT_CAP)).hasSize(2);
  }

  @Test
  void anAbsentOrFailingIncidentServiceIs503WithRetryAfterOr500() throws Exception {
    fake.failures.put(IncidentAddresses.CAP, new Object[] {503, "journal is replaying"});
    HttpResponse<Buffer> replaying = get("/api/incidents/INC-1/cap");
    assertThat(replaying.statusCode()).isEqualTo(503);
    assertThat(replaying.getHeader("Retry-After")).isEqualTo("5");
    assertThat(replaying.bodyAsJsonObject().getString("message")).isEqualTo("journal is replaying");

    TestServer.await(fake.unregister(IncidentAddresses.ACK));
    assertError(post("/api/incidents/INC-1/tasks/T-1/ack", null, null), 503,
        "no service answers on citytwin.incidents.ack (is it deployed?)");
    TestServer.await(fake.unregister(IncidentAddresses.FEED));
    assertError(get("/api/incidents/feed.atom"), 503, "no service answers on citytwin.incidents.feed (is it deployed?)");

    fake.failures.put(IncidentAddresses.LIST, new Object[] {500, "NullPointerException in the book"});
    HttpResponse<Buffer> broken = get("/api/incidents");
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.bodyAsJsonObject().getString("message")).contains("NullPointerException in the book");
  }

  static byte[] sample(String name) throws Exception {
    try (InputStream in = IncidentRoutesTest.class.getResourceAsStream("/io/citytwin/twin/cap/samples/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private void feed(HttpRequest<Buffer> request) throws Exception {
    assertThat(TestServer.await(request.send()).statusCode()).isEqualTo(200);
  }

  private static void assertBad(HttpResponse<Buffer> r, String member, String name, String messageStart) {
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString(member)).isEqualTo(name);
    assertThat(r.bodyAsJsonObject().getString("message")).startsWith(messageStart);
  }

  private static void assertError(HttpResponse<Buffer> r, int status, String message) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.bodyAsJsonObject().getInteger("status")).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo(message);
  }

  private static List<String> ids(JsonArray incidents) {
    return incidents.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return TestServer.await(client.get(uri).send());
  }

  private HttpResponse<Buffer> post(String uri, String contentType, String body) throws Exception {
    HttpRequest<Buffer> request = client.post(uri);
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return TestServer.await(body == null ? request.send() : request.sendBuffer(Buffer.buffer(body)));
  }

  private HttpResponse<Buffer> postCap(String contentType, byte[] body) throws Exception {
    return TestServer.await(client.post("/api/cap").putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)));
  }
}
