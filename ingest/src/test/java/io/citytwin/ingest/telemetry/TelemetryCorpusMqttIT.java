package io.citytwin.ingest.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.mqtt.EmbeddedBroker;
import io.citytwin.ingest.mqtt.MqttAccess;
import io.citytwin.ingest.mqtt.MqttSettings;
import io.citytwin.ingest.mqtt.MqttTelemetrySubscriber;
import io.citytwin.ingest.telemetry.TelemetryCorpusTest.Case;
import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.Publisher;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

/**
 * The generated corpus of {@link TelemetryCorpusTest} again, this time published by a real MQTT
 * client through the embedded broker into the running subscriber: 10,000 messages, most broken,
 * valid ones interleaved. Every bad one must be dead-lettered with the reason it was built for,
 * the counters must be exact, and every valid reading must reach the sink.
 *
 * <p>Cases built for a bad topic are not sent: a topic outside {@code citytwin/v1/sensors/+/telemetry}
 * never reaches ingest's subscription at all (the codec test covers those that could).
 */
class TelemetryCorpusMqttIT {
  private static final int MESSAGES = 10_000;

  @Example // a jqwik example: the corpus generators need jqwik's context
  void aGarbageCorpusIsDeadLetteredExactlyAndEveryValidReadingArrives() throws Exception {
    List<Case> corpus = generate(MESSAGES, 20261124L);
    Vertx vertx = Vertx.vertx();
    EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBroker.Settings("127.0.0.1", 0, 16 * 1024 * 1024), MqttAccess.OPEN);
    broker.start(vertx).await();
    RejectionCounters counters = new RejectionCounters();
    List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    CollectingSink sink = new CollectingSink();
    MqttTelemetrySubscriber ingest = new MqttTelemetrySubscriber(vertx,
        new MqttSettings(broker.url(), "corpus-it", null, null, TelemetryTopic.SUBSCRIPTION, 100_000),
        new TelemetryIntake(Fleet.DECODER, counters, deadLetters::add), sink, (id, r, at) -> { }, () -> Fleet.NOW);
    try {
      ingest.start().await();
      Map<RejectReason, Long> expected = new EnumMap<>(RejectReason.class);
      List<Reading> expectedReadings = new ArrayList<>();
      int sent = 0;
      try (Publisher p = Publisher.anonymous(broker.url(), "corpus-publisher")) {
        for (Case c : corpus) {
          if (!matchesSubscription(c.topic())) {
            continue;
          }
          p.publish(c.topic(), c.payload(), 1);
          sent++;
          if (c.expected() != null) {
            expected.merge(c.expected(), 1L, Long::sum);
          } else {
            expectedReadings.addAll(c.readings());
          }
        }
      }
      long bad = expected.values().stream().mapToLong(Long::longValue).sum();
      int messages = sent;
      await().atMost(Duration.ofSeconds(120)).until(() -> counters.totalRejected() + counters.acceptedMessages() == messages);
      await().atMost(Duration.ofSeconds(30)).until(() -> sink.readings().size() == expectedReadings.size());

      assertThat(bad).isGreaterThan(4_000);
      for (RejectReason reason : RejectReason.values()) {
        assertThat(counters.count(reason)).as("%s", reason).isEqualTo(expected.getOrDefault(reason, 0L));
      }
      assertThat(deadLetters).hasSize((int) bad);
      List<Reading> got = sink.readings();
      assertThat(got).hasSameSizeAs(expectedReadings);
      for (int i = 0; i < got.size(); i++) {
        Reading g = got.get(i);
        Reading w = expectedReadings.get(i);
        assertThat(List.of(g.sensorId(), g.quantity(), g.timestampMillis(), String.valueOf(g.position())))
            .isEqualTo(List.of(w.sensorId(), w.quantity(), w.timestampMillis(), String.valueOf(w.position())));
        // unit conversions are exact to the last bits only where the generator's arithmetic is
        assertThat(g.value()).isCloseTo(w.value(), org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(w.value()))));
      }
    } finally {
      ingest.stop().await();
      broker.stop(vertx).await();
      vertx.close().await();
    }
  }

  static List<Case> generate(int n, long seed) {
    RandomGenerator<Case> gen = new TelemetryCorpusTest().corpus().generator(1000);
    Random random = new Random(seed);
    List<Case> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.next(random).value());
    }
    return out;
  }

  private static boolean matchesSubscription(String topic) {
    String[] t = topic.split("/", -1);
    return t.length == 5 && t[0].equals("citytwin") && t[1].equals("v1") && t[2].equals("sensors")
        && t[4].equals("telemetry") && topic.chars().noneMatch(ch -> ch == '+' || ch == '#' || ch == 0)
        && topic.codePoints().allMatch(Character::isDefined);
  }
}
