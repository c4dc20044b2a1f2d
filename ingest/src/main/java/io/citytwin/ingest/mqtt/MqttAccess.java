package io.citytwin.ingest.mqtt;

/**
 * Who may connect to the embedded broker and which topics they may use. Called by the broker's
 * network threads for every CONNECT, PUBLISH and SUBSCRIBE; implementations must be thread-safe
 * and must not block.
 */
public interface MqttAccess {

  /** Whether the CONNECT may proceed. {@code username} is null for an anonymous client. */
  boolean authenticate(String clientId, String username, byte[] password);

  /** Whether {@code username} (null if anonymous) may publish on {@code topic}. */
  boolean canPublish(String username, String topic);

  /** Whether {@code username} (null if anonymous) may subscribe to {@code filter}. */
  boolean canSubscribe(String username, String filter);

  /** No authentication, every topic open: a broker on a trusted loopback or lab network. */
  MqttAccess OPEN = new MqttAccess() {
    @Override
    public boolean authenticate(String clientId, String username, byte[] password) {
      return true;
    }

    @Override
    public boolean canPublish(String username, String topic) {
      return true;
    }

    @Override
    public boolean canSubscribe(String username, String filter) {
      return true;
    }
  };
}
