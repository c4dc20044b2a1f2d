package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.metrics.Exposition;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /health} checks from the ingest statistics, and {@code /metrics} served over HTTP. */
class HealthAndMetricsTest {
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
  void upWhenTheTwinIngestAndHistoryAreWell() throws Exception {
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("UP");
    JsonObject checks = body.getJsonObject("checks");
    assertThat(checks.fieldNames()).containsExactlyInAnyOrder("cim", "ingest", "history");
    assertThat(checks.getJsonObject("ingest")).isEqualTo(new JsonObject()
        .put("status", "UP").put("broker", "tcp://127.0.0.1:1883").put("connected", true));
    assertThat(checks.getJsonObject("history")).isEqualTo(new JsonObject().put("store", "embedded").put("status", "UP"));
  }

  @Test
  void aDisconnectedBrokerDegradesWith200AndSaysWhich() throws Exception {
    fake.stats = FakeTelemetry.stats(false, "tcp://mqtt.example:1883", FakeTelemetry.embeddedHistory(10));
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
    JsonObject ingest = r.bodyAsJsonObject().getJsonObject("checks").getJsonObject("ingest");
    assertThat(ingest.getString("status")).isEqualTo("DOWN");
    assertThat(ingest.getString("message"))
        .isEqualTo("the MQTT client is not connected to tcp://mqtt.example:1883; no telemetry arrives");
  }

  @Test
  void historySpooledBehindAFailingStoreIsDegraded() throws Exception {
    JsonObject influx = new JsonObject().put("store", "influxdb").put("pendingPoints", 1500).put("spoolBytes", 90_000)
        .put("writtenPoints", 100).put("retries", 7).put("rejectedPoints", 0)
        .put("lastError", "java.net.ConnectException: Connection refused").put("lastErrorAt", "2026-11-24T08:00:00Z");
    fake.stats = FakeTelemetry.stats(true, "tcp://127.0.0.1:1883", influx);
    JsonObject body = get("/health").bodyAsJsonObject();
    assertThat(body.getString("status")).isEqualTo("DEGRADED");
    JsonObject history = body.getJsonObject("checks").getJsonObject("history");
    assertThat(history.getString("status")).isEqualTo("DEGRADED");
    assertThat(history.getString("message")).isEqualTo(
        "1500 points are spooled, waiting for the history store, which failed: java.net.ConnectException: Connection refused");
    assertThat(history.getString("lastErrorAt")).isEqualTo("2026-11-24T08:00:00Z");

    // Points in flight without an error are normal batching, not a problem.
    influx.remove("lastError");
    assertThat(get("/health").bodyAsJsonObject().getString("status")).isEqualTo("UP");
  }

  @Test
  void ingestNotAnsweringDegradesBothItsChecksButNotTheStatusCode() throws Exception {
    TestServer.await(fake.unregister(TelemetryAddresses.INGEST_STATS));
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject checks = r.bodyAsJsonObject().getJsonObject("checks");
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
    assertThat(checks.getJsonObject("cim").getString("status")).isEqualTo("UP");
    assertThat(checks.getJsonObject("ingest").getString("message"))
        .isEqualTo("no service answers on citytwin.ingest.stats (is it deployed?)");
    assertThat(checks.getJsonObject("history").getString("status")).isEqualTo("DOWN");
  }

  @Test
  void aHangingIngestIsReportedWithinTheProbeTimeOut() throws Exception {
    fake.silent.add(TelemetryAddresses.INGEST_STATS);
    HttpResponse<Buffer> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getJsonObject("checks").getJsonObject("ingest").getString("message"))
        .isEqualTo("no answer from ingest within 2000 ms");
  }

  @Test
  void metricsAreThePrometheusTextOfTheStatsAndTheFleet() throws Exception {
    HttpResponse<Buffer> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    Exposition e = Exposition.parse(r.bodyAsString());
    assertThat(e.value("citytwin_telemetry_accepted_messages_total")).isEqualTo(1200);
    assertThat(e.value("citytwin_telemetry_rejected_total", "reason", "not_json")).isEqualTo(7);
    for (String status : new String[] {"ok", "stale", "no-signal", "faulty"}) {
      assertThat(e.value("citytwin_sensors", "status", status)).as(status).isEqualTo(1);
    }
    assertThat(e.value("citytwin_history_points", "store", "embedded")).isZero();
    assertThat(e.value("citytwin_websocket_clients")).isZero();

    TestServer.await(fake.unregister(TelemetryAddresses.SENSORS));
    Exposition partial = Exposition.parse(get("/metrics").bodyAsString());
    assertThat(partial.value("citytwin_scrape_source_up", "source", "twin")).isZero();
    assertThat(partial.samples("citytwin_sensors")).isEmpty();
    assertThat(partial.value("citytwin_telemetry_accepted_messages_total")).isEqualTo(1200);
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return TestServer.await(client.get(uri).send());
  }
}
