package io.citytwin.ingest.mqtt;

import static io.citytwin.ingest.testing.IngestFixture.payload;
import static io.citytwin.ingest.testing.IngestFixture.secret;
import static io.citytwin.ingest.testing.IngestFixture.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.citytwin.ingest.testing.Mosquitto;
import io.citytwin.ingest.testing.Publisher;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against Debian's real Mosquitto broker, configured the way an operator would for
 * CityTwin: a password file with one account per sensor plus ingest's, and an ACL that lets each
 * sensor write only its own telemetry topic ({@code pattern write .../%u/telemetry}).
 */
class MosquittoIngestIT {
  static final long T0 = System.currentTimeMillis() - 60_000;

  @TempDir Path dir;
  Vertx vertx;
  Mosquitto broker;
  IngestFixture fleet;
  CollectingSink sink;
  MqttTelemetrySubscriber ingest;

  @BeforeEach
  void start() throws Exception {
    Mosquitto.require();
    fleet = new IngestFixture(3);
    Path passwd = Mosquitto.passwordFile(dir, "citytwin-ingest", "ingest-pw",
        "aq-001", secret("aq-001"), "aq-002", secret("aq-002"), "aq-003", secret("aq-003"));
    Path acl = dir.resolve("acl");
    Files.writeString(acl, """
        user citytwin-ingest
        topic read citytwin/v1/sensors/+/telemetry
        pattern write citytwin/v1/sensors/%u/telemetry
        """);
    broker = Mosquitto.start(dir, List.of("password_file " + passwd, "acl_file " + acl));
    vertx = Vertx.vertx();
    sink = new CollectingSink();
    ingest = new MqttTelemetrySubscriber(vertx,
        new MqttSettings(broker.url(), "ingest-mosquitto-it", "citytwin-ingest", "ingest-pw",
            "citytwin/v1/sensors/+/telemetry", 10_000),
        fleet.intake, sink, (id, reason, at) -> { });
    ingest.start().await();
  }

  @AfterEach
  void stop() throws Exception {
    if (ingest != null) {
      ingest.stop().await();
      vertx.close().await();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void readingsOfAuthenticatedSensorsArriveAndAreAcknowledged() throws Exception {
    for (String id : List.of("aq-001", "aq-002", "aq-003")) {
      try (Publisher p = new Publisher(broker.url(), id, id, secret(id))) {
        for (int i = 0; i < 300; i++) {
          p.publish(topic(id), payload(T0, i), i % 2);
        }
      }
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> sink.distinct() == 900);
    await().atMost(Duration.ofSeconds(5)).until(() -> ingest.acknowledgedMessages() == 450);
  }

  @Test
  void wrongCredentialsAreRefusedAndASensorCannotWriteAnotherSensorsTopic() throws Exception {
    assertThatThrownBy(() -> new Publisher(broker.url(), "aq-001", "aq-001", "wrong").close())
        .isInstanceOf(MqttSecurityException.class);
    assertThatThrownBy(() -> Publisher.anonymous(broker.url(), "anon").close())
        .isInstanceOf(MqttSecurityException.class);
    try (Publisher a = new Publisher(broker.url(), "aq-001", "aq-001", secret("aq-001"))) {
      a.publish(topic("aq-002"), payload(T0, 1), 1); // Mosquitto acknowledges and drops it
      a.publish(topic("aq-001"), payload(T0, 2), 1);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> sink.readings().size() >= 1);
    Thread.sleep(500);
    assertThat(sink.readings()).extracting(r -> r.sensorId()).containsExactly("aq-001");
  }

  @Test
  void ingestRestartedWithItsPersistentSessionGetsWhatWasPublishedMeanwhile() throws Exception {
    ingest.stop().await();
    try (Publisher p = new Publisher(broker.url(), "aq-003", "aq-003", secret("aq-003"))) {
      for (int i = 0; i < 100; i++) {
        p.publish(topic("aq-003"), payload(T0, i), 1);
      }
    }
    ingest = new MqttTelemetrySubscriber(vertx,
        new MqttSettings(broker.url(), "ingest-mosquitto-it", "citytwin-ingest", "ingest-pw",
            "citytwin/v1/sensors/+/telemetry", 10_000),
        fleet.intake, sink, (id, reason, at) -> { });
    ingest.start().await();
    await().atMost(Duration.ofSeconds(20)).until(() -> sink.distinct() == 100);
  }
}
