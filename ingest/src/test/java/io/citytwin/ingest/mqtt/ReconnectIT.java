package io.citytwin.ingest.mqtt;

import static io.citytwin.ingest.testing.IngestFixture.payload;
import static io.citytwin.ingest.testing.IngestFixture.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.citytwin.ingest.testing.Publisher;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ingest whose connection drops comes back on its own back-off, whatever other MQTT clients in the
 * same JVM are going through. Paho 1.2.5's automatic reconnect keeps its delay in a static field:
 * here another Paho client has lost its broker for good and backed off to several seconds, which
 * an ingest on Paho's automatic reconnect would inherit (in the platform that client is the
 * simulated fleet or a leaked test client; in CI it left ingest unsubscribed for over 15 s).
 */
class ReconnectIT {
  static final long T0 = System.currentTimeMillis() - 60_000;
  private static Vertx shared;
  private static MqttAsyncClient stranded;

  private Vertx vertx;
  private EmbeddedBroker broker;
  private TelemetrySubscriber ingest;
  private final CollectingSink sink = new CollectingSink();
  private final IngestFixture fleet = new IngestFixture(1);

  /** A Paho client with automatic reconnect whose broker is gone: its attempts fail at +1 s, +3 s, +7 s. */
  @BeforeAll
  static void strandAnotherClient() throws Exception {
    shared = Vertx.vertx();
    EmbeddedBroker gone = new EmbeddedBroker(new EmbeddedBroker.Settings("127.0.0.1", 0, 65_536), MqttAccess.OPEN);
    gone.start(shared).await();
    stranded = new MqttAsyncClient(gone.url(), "stranded", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setAutomaticReconnect(true);
    stranded.connect(o).waitForCompletion(10_000);
    gone.stop(shared).await();
    // Two failed attempts (at +1 s and +3 s) leave Paho's shared delay at 4 s.
    Thread.sleep(3_500);
  }

  @AfterAll
  static void release() throws MqttException {
    stranded.disconnectForcibly(100, 100);
    stranded.close(true);
    shared.close().await();
  }

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    broker = new EmbeddedBroker(new EmbeddedBroker.Settings("127.0.0.1", 0, 65_536), MqttAccess.OPEN);
    broker.start(vertx).await();
  }

  @AfterEach
  void stop() {
    if (ingest != null) {
      ingest.stop().await();
    }
    broker.stop(vertx).await();
    vertx.close().await();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"paho", "vertx"})
  void aDroppedIngestConnectionIsBackWithinItsOwnBackOff(String adapter) throws Exception {
    MqttSettings settings = new MqttSettings(broker.url(), "reconnect-it", null, null,
        "citytwin/v1/sensors/+/telemetry", 1_000);
    ingest = adapter.equals("paho")
        ? new MqttTelemetrySubscriber(vertx, settings, fleet.intake, sink, (id, reason, at) -> { })
        : new VertxMqttTelemetrySubscriber(vertx, settings, fleet.intake, sink, (id, reason, at) -> { },
            System::currentTimeMillis);
    ingest.start().await();

    try (Publisher sensor = Publisher.anonymous(broker.url(), "aq-001")) {
      assertThat(broker.disconnect("reconnect-it")).isTrue();
      long dropped = System.nanoTime();
      await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5)).until(() -> !ingest.isConnected());
      // The persistent session keeps this for ingest: it arrives as soon as ingest is back.
      sensor.publish(topic("aq-001"), payload(T0, 1), 1);
      await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(15)).until(() -> !sink.readings().isEmpty());
      long backMs = (System.nanoTime() - dropped) / 1_000_000;
      // Paho's shared delay is 4 s by now; ingest's own back-off starts at a quarter of a second.
      assertThat(backMs).as("back after %d ms", backMs).isLessThan(2_500);
    }
  }
}
