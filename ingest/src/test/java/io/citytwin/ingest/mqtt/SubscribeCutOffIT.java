package io.citytwin.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.vertx.core.Vertx;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A broker that drops the connection when the first SUBSCRIBE arrives (as Moquette 0.17 sometimes
 * does right after its CONNACK) must not fail ingest's start: the client reconnects by itself and
 * the subscription is made on the new connection. The broker here is a few lines of MQTT 3.1.1
 * over a real socket, because no real broker misbehaves on demand.
 */
class SubscribeCutOffIT {
  // Fresh per test: JUnit makes a new instance for each adapter.
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger subscribed = new AtomicInteger();
  private ServerSocket server;
  private Vertx vertx;

  @BeforeEach
  void start() throws IOException {
    vertx = Vertx.vertx();
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    vertx.close().await();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"paho", "vertx"})
  void aConnectionLostBeforeTheSubackIsReconnectedAndSubscribedDuringStart(String adapter) throws Exception {
    MqttSettings settings = new MqttSettings("tcp://127.0.0.1:" + server.getLocalPort(), "cut-off-it", null, null,
        "citytwin/v1/sensors/+/telemetry", 1_000);
    IngestFixture fleet = new IngestFixture(1);
    TelemetrySubscriber subscriber = adapter.equals("paho")
        ? new MqttTelemetrySubscriber(vertx, settings, fleet.intake, new CollectingSink(), (id, reason, at) -> { })
        : new VertxMqttTelemetrySubscriber(vertx, settings, fleet.intake, new CollectingSink(), (id, reason, at) -> { },
            System::currentTimeMillis);
    try {
      subscriber.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(connections.get()).isEqualTo(2);
      assertThat(subscribed.get()).isEqualTo(1);
    } finally {
      subscriber.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        int n = connections.incrementAndGet();
        daemon(() -> serve(s, n));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** CONNECT → CONNACK; SUBSCRIBE → dropped on the first connection, SUBACK later; PINGREQ → PINGRESP. */
  private void serve(Socket s, int connection) {
    try (s; DataInputStream in = new DataInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
      while (true) {
        int type = in.readUnsignedByte() >> 4;
        byte[] body = new byte[remainingLength(in)];
        in.readFully(body);
        switch (type) {
          case 1 -> out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
          case 8 -> {
            if (connection == 1) {
              return;
            }
            subscribed.incrementAndGet();
            out.write(new byte[] {(byte) 0x90, 0x03, body[0], body[1], 0x01});
          }
          case 12 -> out.write(new byte[] {(byte) 0xD0, 0x00});
          case 14 -> {
            return;
          }
          default -> { }
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "cut-off-broker");
    t.setDaemon(true);
    t.start();
  }

  private static int remainingLength(DataInputStream in) throws IOException {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }
}
