package io.citytwin.ingest.alert;

import static io.citytwin.ingest.mqtt.PahoConnection.call;

import io.citytwin.ingest.mqtt.PahoConnection;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert channel over MQTT: publishes each task to {@code citytwin/v1/alerts/{agency}} (QoS 1) and
 * takes agencies' acknowledgements from {@code citytwin/v1/alerts/{agency}/ack}.
 *
 * <p>An ack message is PUBACKed only after the ack handler's future succeeded (the platform
 * journals the acknowledgement first), so an agency's QoS 1 ack is never lost; an ack that cannot
 * be parsed or names an unknown task is answered (PUBACKed) and reported, since resending it would
 * not help. Persistent session: acks sent while the platform is away are delivered when it is back.
 */
public final class MqttAlertChannel {
  private static final Logger LOG = LoggerFactory.getLogger(MqttAlertChannel.class);
  public static final String PREFIX = "citytwin/v1/alerts/";

  /** Outcome of an ack: done (journaled), or refused for good (unknown task, bad payload). */
  public sealed interface AckResult {
    record Done() implements AckResult {}

    record Refused(String reason) implements AckResult {}
  }

  private final MqttAsyncClient client;
  private final PahoConnection connection;
  private final Function<AckMessage, Future<AckResult>> onAck;
  private final Context context;

  public MqttAlertChannel(Vertx vertx, String url, String clientId, String username, String password,
      Function<AckMessage, Future<AckResult>> onAck) {
    this.onAck = onAck;
    this.context = vertx.getOrCreateContext();
    try {
      client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create MQTT client for " + url + ": " + e.getMessage(), e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setMaxInflight(1000);
    if (username != null) {
      o.setUserName(username);
    }
    if (password != null) {
      o.setPassword(password.toCharArray());
    }
    connection = new PahoConnection(vertx, client, o, 5_000, 30_000,
        reconnect -> call("subscribe to acks", l -> client.subscribe(PREFIX + "+/ack", 1, null, l)));
  }

  public static String topicFor(String agency) {
    return PREFIX + agency;
  }

  /** Connects and subscribes to the acks; reconnects by itself after a lost connection. */
  public Future<Void> start() {
    return connection.start();
  }

  /** Publishes a task message to its agency's topic; completes when the broker has it (PUBACK). */
  public Future<Void> publish(String agency, JsonObject message) {
    return call("publish to " + topicFor(agency),
        l -> client.publish(topicFor(agency), message.toBuffer().getBytes(), 1, false, null, l));
  }

  public Future<Void> stop() {
    return connection.stop();
  }

  private void onAckMessage(String topic, MqttMessage m) {
    String agency = topic.substring(PREFIX.length(), topic.length() - "/ack".length());
    AckMessage ack;
    try {
      ack = AckMessage.parse(agency, m.getPayload());
    } catch (IllegalArgumentException e) {
      LOG.warn("ack on {} refused: {}", topic, e.getMessage());
      complete(m);
      return;
    }
    context.runOnContext(v -> onAck.apply(ack).onComplete(ar -> {
      if (ar.failed()) {
        // not journaled: leave it unacknowledged so the broker delivers it again after a reconnect
        LOG.warn("ack of {} {} by {} could not be recorded: {}", ack.incidentId(), ack.taskId(), agency, ar.cause().toString());
        return;
      }
      if (ar.result() instanceof AckResult.Refused r) {
        LOG.warn("ack of {} {} by {} refused: {}", ack.incidentId(), ack.taskId(), agency, r.reason());
      }
      complete(m);
    }));
  }

  private void complete(MqttMessage m) {
    try {
      client.messageArrivedComplete(m.getId(), m.getQos());
    } catch (MqttException e) {
      LOG.debug("PUBACK of ack {} failed (connection lost; it will come again): {}", m.getId(), e.toString());
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      // PahoConnection subscribes on every connection
    }

    @Override
    public void connectionLost(Throwable cause) {
      connection.lost(cause);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (topic.startsWith(PREFIX) && topic.endsWith("/ack")) {
        onAckMessage(topic, message);
      } else {
        complete(message);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
