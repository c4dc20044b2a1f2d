package io.citytwin.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.metrics.Exposition;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /ws} with real WebSocket clients: hello snapshot, forwarding, ordering, slow clients. */
class LivePushTest {
  private static final String INCIDENTS = "citytwin.test.incidents";

  private TestServer server;
  private FakeTelemetry fake;
  private final List<WsProbe> probes = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    fake = FakeTelemetry.testville();
    server = TestServer.start(FixtureCity::testville, fake, new JsonObject()
        .put("ws.addresses", new JsonArray().add(TelemetryAddresses.LIVE).add(INCIDENTS))
        .put("ws.writeQueueBytes", 16 * 1024)
        .put("ws.minResyncMs", 100));
  }

  @AfterEach
  void stop() throws Exception {
    for (WsProbe p : probes) {
      p.close();
    }
    server.close();
  }

  private WsProbe connect(boolean paused) throws Exception {
    WsProbe p = WsProbe.connect(server.vertx(), server.port(), paused);
    probes.add(p);
    return p;
  }

  @Test
  void aNewClientGetsTheSnapshotThenEveryPublicationAsIs() throws Exception {
    WsProbe client = connect(false);
    JsonObject hello = client.next();
    assertThat(hello.getString("type")).isEqualTo("hello");
    assertThat(hello.getBoolean("resync")).isFalse();
    assertThat(hello.getJsonArray("sensors")).hasSize(4);
    JsonObject first = hello.getJsonArray("sensors").getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo("aq-w1");
    assertThat(first.getJsonObject("state").getString("status")).isEqualTo("ok");
    assertThat(hello.getJsonArray("indicators")).isEqualTo(fake.districts);
    assertThat(hello.containsKey("unavailable")).isFalse();

    JsonObject frame = FakeTelemetry.liveFrame("wl-e1", "ok",
        new JsonObject().put("water_level", FakeTelemetry.value(1.8, "m", "2026-11-24T08:01:00Z")));
    FakeTelemetry.publishLive(server.vertx(), frame);
    assertThat(client.next()).isEqualTo(frame);

    // Any configured address; JSON text is forwarded verbatim; other addresses are not forwarded.
    server.vertx().eventBus().publish("citytwin.not.pushed", new JsonObject().put("type", "secret"));
    server.vertx().eventBus().publish(INCIDENTS, "{\"type\":\"incident\",\"id\":\"inc-1\"}");
    assertThat(client.next()).isEqualTo(new JsonObject().put("type", "incident").put("id", "inc-1"));
    assertThat(client.received).isEmpty();
  }

  @Test
  void eventsPublishedWhileTheSnapshotIsFetchedFollowItInOrder() throws Exception {
    fake.delays.put(TelemetryAddresses.INDICATORS, 300L);
    WsProbe client = connect(false);
    await().atMost(Duration.ofSeconds(5)).until(() -> !fake.requestsTo(TelemetryAddresses.INDICATORS).isEmpty());
    for (int i = 0; i < 3; i++) {
      FakeTelemetry.publishLive(server.vertx(), new JsonObject().put("type", "telemetry").put("seq", i));
    }
    assertThat(client.next().getString("type")).isEqualTo("hello");
    for (int i = 0; i < 3; i++) {
      assertThat(client.next().getInteger("seq")).isEqualTo(i);
    }
  }

  @Test
  void theHelloNamesASourceThatDidNotAnswer() throws Exception {
    TestServer.await(fake.unregister(TelemetryAddresses.INDICATORS));
    JsonObject hello = connect(false).next();
    assertThat(hello.getJsonArray("sensors")).hasSize(4);
    assertThat(hello.containsKey("indicators")).isFalse();
    assertThat(hello.getJsonObject("unavailable")).isEqualTo(new JsonObject()
        .put("indicators", "no service answers on citytwin.twin.indicators (is it deployed?)"));
  }

  @Test
  void aClientThatDoesNotReadLosesFramesWithoutHoldingUpOthersThenResyncs() throws Exception {
    WsProbe fast = connect(false);
    WsProbe slow = connect(true);
    assertThat(fast.next().getString("type")).isEqualTo("hello");
    await().atMost(Duration.ofSeconds(5)).until(() -> metric("citytwin_websocket_clients") == 2);

    // Frames big enough to fill the socket buffers of the client that reads nothing.
    String padding = randomText(new Random(42), 32 * 1024);
    int published = 0;
    while (metric("citytwin_websocket_frames_dropped_total") == 0) {
      assertThat(published).as("frames published before the slow client dropped any").isLessThan(4000);
      for (int i = 0; i < 25; i++, published++) {
        FakeTelemetry.publishLive(server.vertx(),
            new JsonObject().put("type", "telemetry").put("seq", published).put("padding", padding));
        // The fast client keeps up: each frame arrives before the next is published.
        assertThat(fast.next().getInteger("seq")).isEqualTo(published);
      }
    }
    assertThat(fast.received).isEmpty();

    // Once it reads again, the slow client gets what was queued, a fresh snapshot, then new frames.
    slow.resume();
    JsonObject resync = slow.next("hello");
    while (resync.getBoolean("resync") == Boolean.FALSE) {
      resync = slow.next("hello");
    }
    assertThat(resync.getJsonArray("sensors")).hasSize(4);
    assertThat(metric("citytwin_websocket_resyncs_total")).isEqualTo(1);
    FakeTelemetry.publishLive(server.vertx(), new JsonObject().put("type", "telemetry").put("seq", -1));
    assertThat(slow.next().getInteger("seq")).isEqualTo(-1);
    assertThat(fast.next().getInteger("seq")).isEqualTo(-1);
  }

  @Test
  void closedClientsAreForgotten() throws Exception {
    WsProbe a = connect(false);
    WsProbe b = connect(false);
    a.next();
    b.next();
    await().atMost(Duration.ofSeconds(5)).until(() -> metric("citytwin_websocket_clients") == 2);
    TestServer.await(a.ws.close());
    await().atMost(Duration.ofSeconds(5)).until(() -> metric("citytwin_websocket_clients") == 1);
    FakeTelemetry.publishLive(server.vertx(), new JsonObject().put("type", "telemetry").put("seq", 7));
    assertThat(b.next().getInteger("seq")).isEqualTo(7);
    assertThat(metric("citytwin_websocket_frames_sent_total")).isEqualTo(1);
  }

  @Test
  void plainHttpOnTheWebSocketPathIs400() throws Exception {
    var r = TestServer.await(WebClient.create(server.vertx()).get(server.port(), "127.0.0.1", "/ws").send());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("message")).isEqualTo("/ws is a WebSocket endpoint: connect with Upgrade: websocket");
  }

  private double metric(String name) throws Exception {
    String text = TestServer.await(WebClient.create(server.vertx()).get(server.port(), "127.0.0.1", "/metrics").send())
        .bodyAsString();
    return Exposition.parse(text).value(name);
  }

  private static String randomText(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
