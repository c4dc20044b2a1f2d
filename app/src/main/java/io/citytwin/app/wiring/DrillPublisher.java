package io.citytwin.app.wiring;

import io.citytwin.sim.drill.TelemetryPublisher;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Drill telemetry into the real broker, as the simulator's gateway account, on the drill topics
 * {@code citytwin/v1/drills/{drillId}/sensors/{sensorId}/telemetry}, QoS 1. Connects lazily on
 * the first drill.
 */
final class DrillPublisher implements TelemetryPublisher {
  private final MqttEndpoint mqtt;
  private MqttAsyncClient client;
  private Future<MqttAsyncClient> connection;

  DrillPublisher(MqttEndpoint mqtt) {
    this.mqtt = mqtt;
  }

  @Override
  public synchronized Future<Void> publish(String drillId, String sensorId, String payload) {
    return connected().compose(c -> call(l -> c.publish("citytwin/v1/drills/" + drillId + "/sensors/" + sensorId
        + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false, null, l)));
  }

  /** One connection for all drills; Paho reconnects it by itself once it was made. */
  private synchronized Future<MqttAsyncClient> connected() {
    if (connection != null && !connection.failed()) {
      return connection;
    }
    connection = connect();
    return connection;
  }

  private Future<MqttAsyncClient> connect() {
    try {
      if (client == null) {
        client = new MqttAsyncClient(mqtt.url(), "citytwin-drills-" + ProcessHandle.current().pid(), new MemoryPersistence());
      }
      MqttConnectOptions o = new MqttConnectOptions();
      o.setAutomaticReconnect(true);
      o.setMaxInflight(1000);
      if (mqtt.gatewayUsername() != null) {
        o.setUserName(mqtt.gatewayUsername());
        o.setPassword(mqtt.gatewayPassword().toCharArray());
      }
      MqttAsyncClient c = client;
      return call(l -> c.connect(o, null, l)).map(v -> c);
    } catch (MqttException e) {
      return Future.failedFuture(e);
    }
  }

  private interface Call {
    void run(IMqttActionListener l) throws MqttException;
  }

  private static Future<Void> call(Call call) {
    Promise<Void> p = Promise.promise();
    try {
      call.run(new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          p.tryComplete();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          p.tryFail(e);
        }
      });
    } catch (MqttException e) {
      p.tryFail(e);
    }
    return p.future();
  }
}
