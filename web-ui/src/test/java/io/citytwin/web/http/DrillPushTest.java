package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.SimAddresses;
import io.citytwin.web.metrics.Exposition;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drills on {@code /ws} with the default configuration: the hello carries the drills in progress,
 * {@code sim-frame} events are forwarded as published; and drills in {@code /metrics} over HTTP.
 */
class DrillPushTest {
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  private TestServer server;
  private FakeScenarios fake;
  private WsProbe client;

  @BeforeEach
  void start() throws Exception {
    fake = FakeScenarios.testville();
    JsonObject fire = fake.scenarios.get(0);
    fake.add(FakeScenarios.drill("DRILL-3", fire, "running", T0, 60, 4, 30))
        .add(FakeScenarios.drill("DRILL-2", fire, "scoring", T0.minusSeconds(3600), 60, 30, 30))
        .add(FakeScenarios.drill("DRILL-1", fire, "failed", T0.minusSeconds(7200), 60, 2, 30).put("error", "city reloaded"))
        .add(FakeScenarios.drill("DRILL-0", fire, "running", T0.minusSeconds(86_400), 60, 30, 30))
        .finish("DRILL-0", FakeScenarios.score(null), T0.minusSeconds(80_000));
    server = TestServer.start(FixtureCity::testville, FakeTelemetry.testville(), new FakeIncidents(), fake, new JsonObject());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  @Test
  void theHelloCarriesTheDrillsInProgressNewestFirst() throws Exception {
    client = WsProbe.connect(server.vertx(), server.port(), false);
    JsonObject hello = client.next();
    assertThat(hello.getString("type")).isEqualTo("hello");
    assertThat(hello.getJsonArray("drills")).containsExactly(fake.drills.get("DRILL-3"), fake.drills.get("DRILL-2"));
    assertThat(hello.containsKey("unavailable")).isFalse();
    assertThat(fake.requestsTo(SimAddresses.DRILLS)).hasSize(1);
  }

  @Test
  void simFramesAreForwardedAsPublished() throws Exception {
    client = WsProbe.connect(server.vertx(), server.port(), false);
    client.next("hello");
    JsonObject frame = FakeScenarios.frame("DRILL-3", 5, 30, T0.plusSeconds(300),
        new JsonObject().put("burningBuildings", 1).put("smokeAreaM2", 5234.5),
        FakeScenarios.footprint("smoke", FakeIncidents.polygon(7.425, 43.725, 7.428, 43.725, 7.428, 43.727, 7.425, 43.725)));
    FakeScenarios.publishFrame(server.vertx(), frame);
    assertThat(client.next()).isEqualTo(frame);
    assertThat(client.received).isEmpty();
  }

  @Test
  void theHelloNamesTheDrillsWhenTheyDoNotAnswer() throws Exception {
    TestServer.await(fake.unregister(SimAddresses.DRILLS));
    client = WsProbe.connect(server.vertx(), server.port(), false);
    JsonObject hello = client.next();
    assertThat(hello.containsKey("drills")).isFalse();
    assertThat(hello.getJsonArray("sensors")).hasSize(4);
    assertThat(hello.getJsonObject("unavailable")).isEqualTo(new JsonObject()
        .put("drills", "no service answers on citytwin.sim.drills.list (is it deployed?)"));
  }

  @Test
  void metricsCountTheDrillsByStatusAndReportThemDownWhenTheyDoNotAnswer() throws Exception {
    Exposition e = Exposition.parse(metrics());
    assertThat(e.value("citytwin_scrape_source_up", "source", "drills")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "running")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "scoring")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "finished")).isEqualTo(1);
    assertThat(e.value("citytwin_drills", "status", "failed")).isEqualTo(1);

    TestServer.await(fake.unregister(SimAddresses.DRILLS));
    Exposition down = Exposition.parse(metrics());
    assertThat(down.value("citytwin_scrape_source_up", "source", "drills")).isZero();
    assertThat(down.value("citytwin_scrape_source_up", "source", "incidents")).isEqualTo(1);
    assertThat(down.samples("citytwin_drills")).isEmpty();
  }

  private String metrics() throws Exception {
    return TestServer.await(WebClient.create(server.vertx()).get(server.port(), "127.0.0.1", "/metrics").send())
        .bodyAsString();
  }
}
