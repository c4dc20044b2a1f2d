package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.web.metrics.Exposition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incidents on {@code /ws} with the default configuration: the hello carries the active incidents,
 * {@code incident} and {@code task} events are forwarded as published; and incidents in {@code
 * /metrics} over HTTP.
 */
class IncidentPushTest {
  private TestServer server;
  private FakeIncidents fake;
  private WsProbe client;

  @BeforeEach
  void start() throws Exception {
    fake = FakeIncidents.testville(Instant.now());
    fake.add(FakeIncidents.floodDrill(Instant.now()));
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), fake, new JsonObject());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  @Test
  void theHelloCarriesTheActiveIncidentsWithTheirTasks() throws Exception {
    client = WsProbe.connect(server.vertx(), server.port(), false);
    JsonObject hello = client.next();
    assertThat(hello.getString("type")).isEqualTo("hello");
    JsonArray incidents = hello.getJsonArray("incidents");
    assertThat(incidents.stream().map(i -> ((JsonObject) i).getString("id"))).containsExactly("INC-X", "INC-1");
    assertThat(incidents.getJsonObject(1)).isEqualTo(FakeIncidents.summary(fake.incidents.get("INC-1")));
    assertThat(fake.requestsTo(IncidentAddresses.LIST)).containsExactly(new JsonObject().put("active", true));
    assertThat(hello.getJsonArray("sensors")).hasSize(4);
    assertThat(hello.containsKey("unavailable")).isFalse();
  }

  @Test
  void incidentAndTaskEventsAreForwardedAsPublished() throws Exception {
    client = WsProbe.connect(server.vertx(), server.port(), false);
    client.next("hello");
    JsonObject fire = fake.incidents.get("INC-1");
    JsonObject task = fake.task("INC-1", "T-2").copy().put("status", "acknowledged");
    FakeIncidents.publishTask(server.vertx(), "acknowledged", task, fire);
    JsonObject taskFrame = client.next();
    assertThat(taskFrame).isEqualTo(new JsonObject().put("type", "task").put("change", "acknowledged").put("task", task)
        .put("incident", FakeIncidents.brief(fire)));
    FakeIncidents.publishIncident(server.vertx(), "resolved", fire.copy().put("status", "resolved"));
    JsonObject incidentFrame = client.next();
    assertThat(incidentFrame.getString("type")).isEqualTo("incident");
    assertThat(incidentFrame.getJsonObject("incident").getString("status")).isEqualTo("resolved");
    assertThat(client.received).isEmpty();
  }

  @Test
  void theHelloNamesTheIncidentsWhenTheyDoNotAnswer() throws Exception {
    TestServer.await(fake.unregister(IncidentAddresses.LIST));
    client = WsProbe.connect(server.vertx(), server.port(), false);
    JsonObject hello = client.next();
    assertThat(hello.containsKey("incidents")).isFalse();
    assertThat(hello.getJsonObject("unavailable")).isEqualTo(new JsonObject()
        .put("incidents", "no service answers on citytwin.incidents.list (is it deployed?)"));
  }

  @Test
  void metricsCountTheIncidentBookAndReportItDownWhenItDoesNotAnswer() throws Exception {
    Exposition e = Exposition.parse(metrics());
    assertThat(e.value("citytwin_scrape_source_up", "source", "incidents")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "fire", "status", "dispatched", "exercise", "false")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "gas_leak", "status", "closed", "exercise", "false")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents_active", "exercise", "true")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks", "agency", "police", "status", "acknowledged")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "ems", "level", "1")).isEqualTo(1);
    assertThat(fake.requestsTo(IncidentAddresses.LIST)).containsExactly(new JsonObject());

    TestServer.await(fake.unregister(IncidentAddresses.LIST));
    Exposition down = Exposition.parse(metrics());
    assertThat(down.value("citytwin_scrape_source_up", "source", "incidents")).isZero();
    assertThat(down.value("citytwin_scrape_source_up", "source", "twin")).isEqualTo(1);
    assertThat(down.samples("citytwin_incidents")).isEmpty();
    assertThat(down.samples("citytwin_tasks")).isEmpty();
  }

  private String metrics() throws Exception {
    return TestServer.await(WebClient.create(server.vertx()).get(server.port(), "127.0.0.1", "/metrics").send())
        .bodyAsString();
  }
}
