package io.citytwin.ingest.testing;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A blocking Paho publisher for tests: a real MQTT client, as a sensor would use. */
public final class Publisher implements AutoCloseable {
  private final MqttClient client;

  public Publisher(String url, String clientId, String user, String password) throws MqttException {
    client = new MqttClient(url, clientId, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setMaxInflight(1000);
    if (user != null) {
      o.setUserName(user);
    }
    if (password != null) {
      o.setPassword(password.toCharArray());
    }
    client.setTimeToWait(10_000); // a lost acknowledgement fails the test instead of hanging it
    client.connect(o);
  }

  public static Publisher anonymous(String url, String clientId) throws MqttException {
    return new Publisher(url, clientId, null, null);
  }

  public void publish(String topic, String payload, int qos) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  public void publish(String topic, byte[] payload, int qos) throws MqttException {
    client.publish(topic, payload, qos, false);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
