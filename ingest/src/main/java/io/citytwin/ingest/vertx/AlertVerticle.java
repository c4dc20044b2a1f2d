package io.citytwin.ingest.vertx;

import io.citytwin.ingest.alert.AckMessage;
import io.citytwin.ingest.alert.KafkaAlertChannel;
import io.citytwin.ingest.alert.MqttAlertChannel;
import io.citytwin.ingest.alert.WebhookNotifier;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the alert channels to the event bus: every task message the incident owner publishes
 * ({@link IncidentAddresses#TASKS}) goes to the task's agency over MQTT
 * ({@code citytwin/v1/alerts/{agency}}), to Kafka ({@code citytwin.alerts}) and to the agency's
 * webhooks; escalations to the operations-centre commander also go to
 * {@code citytwin/v1/alerts/operations}. Each channel is independent: one failing never holds up
 * the others. Agencies' MQTT acknowledgements become {@link IncidentAddresses#ACK} requests.
 */
public final class AlertVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AlertVerticle.class);
  public static final String OPERATIONS = "operations";

  private final MqttAlertChannelFactory mqttFactory;
  private final KafkaAlertChannel kafka;
  private final WebhookNotifier webhooks;
  private MqttAlertChannel mqtt;
  private MessageConsumer<JsonObject> consumer;

  /** Builds the MQTT channel on this verticle's context (null: no MQTT alerts). */
  @FunctionalInterface
  public interface MqttAlertChannelFactory {
    MqttAlertChannel create(io.vertx.core.Vertx vertx, java.util.function.Function<AckMessage,
        Future<MqttAlertChannel.AckResult>> onAck);
  }

  /**
   * @param mqttFactory builds the MQTT channel, or null
   * @param kafka Kafka channel (scaled mode), or null
   * @param webhooks webhook channel, or null
   */
  public AlertVerticle(MqttAlertChannelFactory mqttFactory, KafkaAlertChannel kafka, WebhookNotifier webhooks) {
    this.mqttFactory = mqttFactory;
    this.kafka = kafka;
    this.webhooks = webhooks;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(IncidentAddresses.TASKS, m -> forward(m.body()));
    if (mqttFactory != null) {
      mqtt = mqttFactory.create(vertx, this::acknowledge);
    }
    return consumer.completion()
        .compose(v -> kafka == null ? Future.succeededFuture() : kafka.start())
        .compose(v -> mqtt == null ? Future.succeededFuture() : mqtt.start());
  }

  private Future<MqttAlertChannel.AckResult> acknowledge(AckMessage ack) {
    JsonObject request = new JsonObject().put("incidentId", ack.incidentId()).put("taskId", ack.taskId())
        .put("agency", ack.agency()).put("by", ack.by() == null ? ack.agency() : ack.by()).put("channel", "mqtt");
    return vertx.eventBus().<JsonObject>request(IncidentAddresses.ACK, request)
        .<MqttAlertChannel.AckResult>map(reply -> new MqttAlertChannel.AckResult.Done())
        .recover(e -> e instanceof ReplyException r && r.failureCode() >= 400 && r.failureCode() < 500
            ? Future.succeededFuture(new MqttAlertChannel.AckResult.Refused(r.getMessage()))
            : Future.failedFuture(e));
  }

  private void forward(JsonObject message) {
    JsonObject task = message.getJsonObject("task");
    String agency = task.getString("agency");
    String change = message.getString("change");
    if (mqtt != null) {
      mqtt.publish(agency, message).onFailure(e -> LOG.warn("MQTT alert to {} failed: {}", agency, e.getMessage()));
      if ("escalated".equals(change) && task.getInteger("escalationLevel", 0) >= 2) {
        mqtt.publish(OPERATIONS, message).onFailure(e -> LOG.warn("MQTT alert to operations failed: {}", e.getMessage()));
      }
    }
    if (kafka != null) {
      kafka.send(task.getString("incidentId"), message).onFailure(e -> LOG.warn("Kafka alert failed: {}", e.getMessage()));
    }
    if (webhooks != null && webhooks.has(agency)) {
      webhooks.notify(agency, message).onFailure(e -> LOG.warn("webhook alert to {} failed: {}", agency, e.getMessage()));
    }
  }

  @Override
  public Future<?> stop() {
    List<Future<?>> all = new ArrayList<>();
    all.add(consumer.unregister());
    if (mqtt != null) {
      all.add(mqtt.stop());
    }
    if (kafka != null) {
      all.add(kafka.close());
    }
    if (webhooks != null) {
      webhooks.close();
    }
    return Future.join(all);
  }
}
