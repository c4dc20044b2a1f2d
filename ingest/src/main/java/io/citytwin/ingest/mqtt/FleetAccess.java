package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.telemetry.TelemetryTopic;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Sensor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platform's MQTT access policy. Anonymous clients are refused. A sensor logs in with the
 * credentials of its registry entry and may publish only on its own telemetry topic, nothing
 * else (so a stolen device cannot impersonate another). Service accounts (ingest, and later the
 * alerting adapters) log in with their configured secrets and get the topic rights listed for
 * them.
 *
 * <p>Thread-safe if the sensor lookup is; looks sensors up on every call, so registry changes
 * apply to the next CONNECT or PUBLISH.
 */
public final class FleetAccess implements MqttAccess {

  /**
   * A service account.
   *
   * @param publish topic filters it may publish on
   * @param subscribe topic filters it may subscribe to
   */
  public record Service(String secret, java.util.List<String> publish, java.util.List<String> subscribe) {}

  private final Function<String, Optional<Sensor>> sensors;
  private final Map<String, Service> services;

  /**
   * @param sensors registry lookup by sensor id (= MQTT user name)
   * @param services service accounts by user name; a user name must not also be a sensor id
   */
  public FleetAccess(Function<String, Optional<Sensor>> sensors, Map<String, Service> services) {
    this.sensors = sensors;
    this.services = Map.copyOf(services);
  }

  @Override
  public boolean authenticate(String clientId, String username, byte[] password) {
    if (username == null || password == null) {
      return false;
    }
    Service service = services.get(username);
    if (service != null) {
      return MessageDigest.isEqual(service.secret().getBytes(StandardCharsets.UTF_8), password);
    }
    Credentials c = sensors.apply(username).map(Sensor::credentials).orElse(null);
    return c != null && c.matches(username, password);
  }

  @Override
  public boolean canPublish(String username, String topic) {
    if (username == null) {
      return false;
    }
    Service service = services.get(username);
    if (service != null) {
      return service.publish().stream().anyMatch(f -> TopicFilters.matches(f, topic));
    }
    return sensors.apply(username).isPresent() && TelemetryTopic.topicFor(username).equals(topic);
  }

  @Override
  public boolean canSubscribe(String username, String filter) {
    if (username == null) {
      return false;
    }
    Service service = services.get(username);
    return service != null && service.subscribe().stream().anyMatch(f -> TopicFilters.covers(f, filter));
  }
}
