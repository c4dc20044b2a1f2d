package io.citytwin.ingest.testing;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Connects a test's Paho client and subscribes it. Moquette 0.17 now and then drops a connection
 * whose SUBSCRIBE arrives right after its CONNACK (before the broker has marked the connection as
 * connected): the subscription is then made again on a new connection, as the platform's own
 * clients do ({@code PahoConnection}).
 */
public final class TestSubscriber {
  private TestSubscriber() {}

  public static void connectAndSubscribe(MqttClient client, MqttConnectOptions options, String filter, int qos,
      IMqttMessageListener listener) throws MqttException {
    for (int attempt = 1; ; attempt++) {
      if (!client.isConnected()) {
        client.connect(options);
      }
      try {
        client.subscribe(filter, qos, listener);
        return;
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == 3) {
          throw e;
        }
      }
    }
  }
}
