package io.citytwin.ingest.kafka;

import static io.citytwin.ingest.kafka.BridgeFixtures.batches;
import static io.citytwin.ingest.kafka.BridgeFixtures.bySensor;
import static io.citytwin.ingest.kafka.BridgeFixtures.committed;
import static io.citytwin.ingest.kafka.BridgeFixtures.deliverAll;
import static io.citytwin.ingest.kafka.BridgeFixtures.endOffsets;
import static io.citytwin.ingest.kafka.BridgeFixtures.flatten;
import static io.citytwin.ingest.kafka.BridgeFixtures.get;
import static io.citytwin.ingest.kafka.BridgeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.testing.KafkaBroker;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink against a real broker, and sink to source end to end. */
class KafkaBridgeIT {

  private static KafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
    admin = broker.admin();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    admin.close();
    broker.close();
  }

  @Test
  void everythingSentArrivesOnceWithEachSensorsOrderAcrossPartitions() throws Exception {
    KafkaSettings settings = settings(broker, "e2e", 4);
    List<List<Reading>> sent = batches(30, 40, 1);
    KafkaReadingSink sink = new KafkaReadingSink(settings);
    assertThat(get(sink.start())).isEqualTo(new TopicSetup.TopicState(settings.topic(), 4, true));
    deliverAll(sink, sent);
    get(sink.close());

    RecordingDownstream twin = RecordingDownstream.accepting();
    KafkaReadingSource source = new KafkaReadingSource(settings, twin, r -> {});
    get(source.start());
    List<Reading> all = flatten(sent);
    await().atMost(Duration.ofSeconds(30)).until(() -> twin.acceptedCount() >= all.size());
    get(source.stop());

    assertThat(twin.accepted()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(bySensor(twin.accepted())).isEqualTo(bySensor(all));
    assertThat(endOffsets(admin, settings.topic(), 4).values()).allMatch(end -> end > 0);
    assertThat(committed(admin, settings.groupId()))
        .isEqualTo(endOffsets(admin, settings.topic(), 4));
    assertThat(source.statistics().downstreamFailures()).isZero();
  }

  @Test
  void closeSendsWhatIsQueuedBeforeItCompletes() throws Exception {
    KafkaSettings settings = settings(broker, "close-flushes", 3);
    List<List<Reading>> sent = batches(10, 100, 2);
    KafkaReadingSink sink = new KafkaReadingSink(settings);
    get(sink.start());
    List<Future<Void>> acks = new ArrayList<>();
    sent.forEach(batch -> acks.add(sink.deliver(batch)));

    get(sink.close());

    assertThat(acks).allMatch(Future::succeeded);
    long records = endOffsets(admin, settings.topic(), 3).values().stream().mapToLong(x -> x).sum();
    assertThat(records).isEqualTo(10 * 100); // one record per sensor and batch
    assertThat(sink.deliver(sent.get(0)).failed()).isTrue();
  }

  @Test
  void onAnEventLoopDeliverReturnsAtOnceAndCompletesOnThatContext() throws Exception {
    KafkaSettings settings = settings(broker, "event-loop", 2);
    KafkaReadingSink sink = new KafkaReadingSink(settings);
    get(sink.start());
    Vertx vertx = Vertx.vertx();
    try {
      CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
      Context context = vertx.getOrCreateContext();
      context.runOnContext(
          v ->
              sink.deliver(batches(3, 1, 3).get(0))
                  .onComplete(
                      result ->
                          sameContext.complete(
                              result.succeeded() && Vertx.currentContext() == context)));
      assertThat(sameContext.get(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      get(sink.close());
    }
  }

  @Test
  void anUnreachableClusterFailsBatchesWithoutBlockingAndBoundsTheQueue() throws Exception {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    KafkaSettings settings =
        KafkaSettings.defaults("127.0.0.1:" + deadPort)
            .withProducer(
                new ProducerTuning(
                    Duration.ZERO, 16_384, "none", Duration.ofMillis(1500), Duration.ofSeconds(31), 1));
    KafkaReadingSink sink = new KafkaReadingSink(settings);
    List<Reading> batch = List.of(new Reading("aq-1", Quantity.PM10, 5, 0, null));

    Future<Void> first = sink.deliver(batch); // the sender thread now waits for metadata
    Future<Void> second = sink.deliver(batch); // queued behind it
    Future<Void> third = sink.deliver(batch); // the queue holds one batch: refused

    assertThat(first.isComplete()).isFalse();
    assertThat(third.failed()).isTrue();
    assertThat(third.cause())
        .hasMessage(
            "the Kafka sink queue is full (1 batches waiting): Kafka at 127.0.0.1:"
                + deadPort
                + " is unreachable or slower than the input");
    assertThat(failure(first))
        .hasMessageStartingWith("Kafka topic citytwin.telemetry did not take the readings of sensor aq-1")
        .hasMessageContaining("not present in metadata after 1500 ms");
    assertThat(failure(second)).hasMessageContaining("not present in metadata after 1500 ms");
    get(sink.close());
  }

  private static Throwable failure(Future<Void> future) throws Exception {
    try {
      get(future);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
