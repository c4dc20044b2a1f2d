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
    int maxPendingReadings) {

  public MqttSettings {
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
