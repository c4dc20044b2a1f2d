package io.citytwin.ingest.mqtt;

import java.net.URI;
import java.util.Objects;

/**
 * How ingest connects to the MQTT broker.
 *
 * @param brokerUrl {@code tcp://host:port} (or {@code ssl://})
 * @param clientId stable client id: the broker keeps this session's subscription and queues QoS 1
 *     messages for it while ingest is away (persistent session)
 * @param username user name, or null for an anonymous broker
 * @param password password, or null
 * @param subscription topic filter, normally {@code citytwin/v1/sensors/+/telemetry}; a shared
 *     subscription ({@code $share/group/...}) spreads the load over several nodes
 * @param maxPendingReadings readings decoded but not yet handed off before the MQTT callback thread
 *     waits (back-pressure into the broker instead of unbounded memory)
 */
public record MqttSettings(
    String brokerUrl, String clientId, String username, String password, String subscription,
    int maxPendingReadings, java.util.function.UnaryOperator<String> topicMapper) {

  /** Settings for the sensors' own telemetry topics. */
  public MqttSettings(String brokerUrl, String clientId, String username, String password, String subscription,
      int maxPendingReadings) {
    this(brokerUrl, clientId, username, password, subscription, maxPendingReadings, java.util.function.UnaryOperator.identity());
  }

  /**
   * Settings for drill telemetry: {@code citytwin/v1/drills/{drillId}/sensors/{sensorId}/telemetry}
   * is read as the sensor's own topic (the caller marks its readings as exercise).
   */
  public static MqttSettings drills(String brokerUrl, String clientId, String username, String password) {
    return new MqttSettings(brokerUrl, clientId, username, password, DRILL_SUBSCRIPTION, 50_000, MqttSettings::drillToTelemetry);
  }

  /** Drill telemetry topics, one level per drill. */
  public static final String DRILL_SUBSCRIPTION = "citytwin/v1/drills/+/sensors/+/telemetry";

  /** {@code citytwin/v1/drills/D/sensors/S/telemetry} → {@code citytwin/v1/sensors/S/telemetry}; others unchanged. */
  public static String drillToTelemetry(String topic) {
    String[] t = topic.split("/", -1);
    if (t.length == 7 && t[0].equals("citytwin") && t[1].equals("v1") && t[2].equals("drills") && t[4].equals("sensors")
        && t[6].equals("telemetry")) {
      return "citytwin/v1/sensors/" + t[5] + "/telemetry";
    }
    return topic;
  }

  public MqttSettings {
    java.util.Objects.requireNonNull(topicMapper, "topicMapper");
    Objects.requireNonNull(brokerUrl, "brokerUrl");
    URI uri = URI.create(brokerUrl);
    if (!"tcp".equals(uri.getScheme()) && !"ssl".equals(uri.getScheme())) {
      throw new IllegalArgumentException("MQTT broker URL must be tcp://host:port or ssl://host:port: " + brokerUrl);
    }
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(subscription, "subscription");
    if (maxPendingReadings < 1) {
      throw new IllegalArgumentException("maxPendingReadings must be positive");
    }
  }
}
