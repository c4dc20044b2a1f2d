package io.citytwin.ingest.mqtt;

import static io.citytwin.ingest.testing.IngestFixture.payload;
import static io.citytwin.ingest.testing.IngestFixture.secret;
import static io.citytwin.ingest.testing.IngestFixture.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.telemetry.RejectReason;
import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.citytwin.ingest.testing.Publisher;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest over the embedded Moquette broker with the platform's access policy, end to end; run for
 * each {@link TelemetrySubscriber} adapter by its subclass.
 */
abstract class EmbeddedBrokerIngestContract {
  static final long T0 = System.currentTimeMillis() - 60_000;
  static final String INGEST_USER = "citytwin-ingest";
  static final String INGEST_SECRET = "ingest-secret";

  @TempDir Path dir;
  Vertx vertx;
  IngestFixture fleet;
  EmbeddedBroker broker;
  CollectingSink sink;
  TelemetrySubscriber ingest;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    fleet = new IngestFixture(20);
    FleetAccess access = new FleetAccess(fleet::lookup, Map.of(INGEST_USER,
        new FleetAccess.Service(INGEST_SECRET, List.of(), List.of("citytwin/v1/sensors/+/telemetry"))));
    broker = new EmbeddedBroker(new EmbeddedBroker.Settings("127.0.0.1", 0, 512 * 1024), access);
    broker.start(vertx).await();
    sink = new CollectingSink();
    ingest = subscriber(vertx,
        new MqttSettings(broker.url(), "ingest-it", INGEST_USER, INGEST_SECRET, "citytwin/v1/sensors/+/telemetry", 10_000),
        fleet, sink);
    ingest.start().await();
  }

  abstract TelemetrySubscriber subscriber(Vertx vertx, MqttSettings settings, IngestFixture fleet, CollectingSink sink);

  @AfterEach
  void stop() {
    ingest.stop().await();
    broker.stop(vertx).await();
    vertx.close().await();
  }

  private Publisher sensor(String id) throws Exception {
    return new Publisher(broker.url(), id, id, secret(id));
  }

  @Test
  void everyQos1MessageArrivesAndIsAcknowledgedOnlyAfterHandOff() throws Exception {
    int perSensor = 100;
    for (int s = 1; s <= 5; s++) {
      String id = String.format("aq-%03d", s);
      try (Publisher p = sensor(id)) {
        for (int i = 0; i < perSensor; i++) {
          p.publish(topic(id), payload(T0, i), 1);
        }
      }
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> sink.readings().size() == 5 * perSensor);
    assertThat(sink.distinct()).isEqualTo(5 * perSensor);
    await().atMost(Duration.ofSeconds(5)).until(() -> ingest.acknowledgedMessages() == 5L * perSensor);
    assertThat(fleet.counters.totalRejected()).isZero();
  }

  @Test
  void aFailedHandOffLeavesTheMessagesForRedeliveryAndNothingIsLost() throws Exception {
    sink.failNext(2);
    try (Publisher p = sensor("aq-001")) {
      for (int i = 0; i < 200; i++) {
        p.publish(topic("aq-001"), payload(T0, i), 1);
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.distinct() == 200);
    assertThat(sink.failures()).isEqualTo(2);
    assertThat(ingest.handOffFailures()).isEqualTo(2);
  }

  @Test
  void garbageIsDeadLetteredWithAReasonAndTheStreamGoesOn() throws Exception {
    try (Publisher p = sensor("aq-002")) {
      p.publish(topic("aq-002"), payload(T0, 0), 1);
      p.publish(topic("aq-002"), "{\"pm25\": \"lots\"}", 1);
      p.publish(topic("aq-002"), "not json at all", 1);
      p.publish(topic("aq-002"), "{\"ts\": 32503680000000, \"pm25\": 3}", 1);
      p.publish(topic("aq-002"), payload(T0, 1), 1);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.readings().size() == 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> fleet.deadLetters.size() == 3);
    assertThat(fleet.deadLetters).extracting(d -> d.reason())
        .containsExactly(RejectReason.NOT_A_NUMBER, RejectReason.NOT_JSON, RejectReason.BAD_TIMESTAMP);
    assertThat(new String(fleet.deadLetters.get(1).payload())).isEqualTo("not json at all");
  }

  @Test
  void aSensorWithTheWrongSecretIsRefused() {
    assertThatThrownBy(() -> new Publisher(broker.url(), "aq-003", "aq-003", "guessed").close())
        .isInstanceOf(MqttSecurityException.class);
    assertThatThrownBy(() -> Publisher.anonymous(broker.url(), "nobody").close())
        .isInstanceOf(MqttSecurityException.class);
  }

  @Test
  void aSensorCannotPublishOnAnotherSensorsTopic() throws Exception {
    try (Publisher a = sensor("aq-004")) {
      // Moquette drops an unauthorised publish without a PUBACK (MQTT 3.1.1 has no way to say no),
      // so the attempt goes out at QoS 0 and the proof is that nothing reaches ingest.
      a.publish(topic("aq-005"), payload(T0, 7), 0);
      a.publish(topic("aq-004"), payload(T0, 8), 1); // its own topic
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.readings().size() >= 1);
    Thread.sleep(500); // give a wrongly routed message time to show up
    assertThat(sink.readings()).extracting(r -> r.sensorId()).containsExactly("aq-004");
  }
}
