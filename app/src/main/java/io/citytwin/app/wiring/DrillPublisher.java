package io.citytwin.app.wiring;

import static io.citytwin.ingest.mqtt.PahoConnection.call;

import io.citytwin.sim.drill.TelemetryPublisher;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Drill telemetry into the real broker, as the simulator's gateway account, on the drill topics
 * {@code citytwin/v1/drills/{drillId}/sensors/{sensorId}/telemetry}, QoS 1. Connects lazily on
 * the first drill, and again on the next publish after a lost connection (no Paho automatic
 * reconnect: see {@link io.citytwin.ingest.mqtt.PahoConnection} for why).
 */
final class DrillPublisher implements TelemetryPublisher {
  private final MqttEndpoint mqtt;
  private MqttAsyncClient client;
  private Future<MqttAsyncClient> connection;
  private boolean closed;

  DrillPublisher(MqttEndpoint mqtt) {
    this.mqtt = mqtt;
  }

  @Override
  public synchronized Future<Void> publish(String drillId, String sensorId, String payload) {
    return connected().compose(c -> call("publish drill telemetry", l -> c.publish("citytwin/v1/drills/" + drillId
        + "/sensors/" + sensorId + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false, null, l)));
  }

  /** One connection for all drills: the pending or live one, else a new attempt. */
  private synchronized Future<MqttAsyncClient> connected() {
    if (closed) {
      return Future.failedFuture("the drill publisher is closed");
    }
    boolean usable = connection != null && !connection.failed() && (!connection.succeeded() || client.isConnected());
    if (!usable) {
      connection = connect();
    }
    return connection;
  }

  private Future<MqttAsyncClient> connect() {
    try {
      if (client == null) {
        client = new MqttAsyncClient(mqtt.url(), "citytwin-drills-" + ProcessHandle.current().pid(), new MemoryPersistence());
      }
    } catch (MqttException e) {
      return Future.failedFuture(e);
    }
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMaxInflight(1000);
    if (mqtt.gatewayUsername() != null) {
      o.setUserName(mqtt.gatewayUsername());
      o.setPassword(mqtt.gatewayPassword().toCharArray());
    }
    MqttAsyncClient c = client;
    return call("connect to " + mqtt.url(), l -> c.connect(o, null, l)).map(v -> c);
  }

  /** Disconnects and frees the client; never fails. */
  synchronized Future<Void> close() {
    closed = true;
    if (client == null) {
      return Future.succeededFuture();
    }
    MqttAsyncClient c = client;
    Future<Void> done = c.isConnected() ? call("disconnect", l -> c.disconnect(1_000, null, l)) : Future.succeededFuture();
    return done.recover(e -> Future.succeededFuture()).eventually(() -> {
      try {
        c.close(true);
      } catch (MqttException e) {
        // nothing left to release
      }
      return Future.succeededFuture();
    });
  }
}
