package io.citytwin.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against real HTTP servers: retries with back-off, and no head-of-line blocking. */
class WebhookNotifierIT {
  Vertx vertx;
  final List<JsonObject> healthy = new CopyOnWriteArrayList<>();
  final List<JsonObject> flaky = new CopyOnWriteArrayList<>();
  final AtomicInteger flakyCalls = new AtomicInteger();
  int healthyPort;
  int flakyPort;
  int downPort;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    HttpServer a = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      healthy.add(b.toJsonObject());
      req.response().setStatusCode(204).end();
    })).listen(0).await();
    healthyPort = a.actualPort();
    HttpServer b = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      // fails the first three calls, as an agency system being restarted would
      if (flakyCalls.incrementAndGet() <= 3) {
        req.response().setStatusCode(503).end();
      } else {
        flaky.add(body.toJsonObject());
        req.response().setStatusCode(200).end();
      }
    })).listen(0).await();
    flakyPort = b.actualPort();
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      downPort = s.getLocalPort(); // nothing listens here
    }
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private WebhookNotifier notifier(Map<String, List<URI>> urls) {
    return new WebhookNotifier(vertx, urls, new WebhookNotifier.Settings(5, 50, 400, 2_000, 100));
  }

  @Test
  void aFailingEndpointIsRetriedWithBackOffUntilItTakesTheMessagesInOrder() {
    WebhookNotifier n = notifier(Map.of("utilities", List.of(URI.create("http://127.0.0.1:" + flakyPort + "/hook"))));
    vertx.runOnContext(v -> {
      n.notify("utilities", new JsonObject().put("seq", 1));
      n.notify("utilities", new JsonObject().put("seq", 2));
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> flaky.size() == 2);
    assertThat(flaky).extracting(j -> j.getInteger("seq")).containsExactly(1, 2);
    assertThat(n.retries()).isEqualTo(3);
    assertThat(n.failed()).isZero();
  }

  @Test
  void oneDeadEndpointDoesNotDelayTheOthersAndIsGivenUpAfterItsAttempts() {
    WebhookNotifier n = notifier(Map.of(
        "fire", List.of(URI.create("http://127.0.0.1:" + downPort + "/hook")),
        "ems", List.of(URI.create("http://127.0.0.1:" + healthyPort + "/hook"))));
    long t0 = System.nanoTime();
    vertx.runOnContext(v -> {
      n.notify("fire", new JsonObject().put("task", "suppress"));
      for (int i = 0; i < 20; i++) {
        n.notify("ems", new JsonObject().put("seq", i));
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> healthy.size() == 20);
    // the dead endpoint is still retrying (5 attempts, back-off 50..400 ms) while EMS got everything
    assertThat(n.failed()).isZero();
    assertThat(healthy).extracting(j -> j.getInteger("seq")).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 20).boxed().toList());
    await().atMost(Duration.ofSeconds(10)).until(() -> n.failed() == 1);
    assertThat((System.nanoTime() - t0) / 1e6).isGreaterThan(50 + 100 + 200 + 400);
  }

  @Test
  void aPermanentRefusalIsNotRetried() throws Exception {
    HttpServer refusing = vertx.createHttpServer().requestHandler(r -> r.response().setStatusCode(400).end())
        .listen(0).await();
    WebhookNotifier n = notifier(Map.of("police", List.of(URI.create("http://127.0.0.1:" + refusing.actualPort()))));
    vertx.runOnContext(v -> n.notify("police", new JsonObject()));
    await().atMost(Duration.ofSeconds(5)).until(() -> n.failed() == 1);
    assertThat(n.retries()).isZero();
  }
}
