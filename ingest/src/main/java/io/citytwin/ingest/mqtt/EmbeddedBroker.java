package io.citytwin.ingest.mqtt;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Properties;

/**
 * The MQTT broker inside {@code citytwin run} (Moquette, MQTT 3.1.1), so a fresh machine needs no
 * external broker. Access control is delegated to an {@link MqttAccess}.
 *
 * <p>Sessions and queued QoS 1 messages live in memory: the broker shares the platform's process,
 * so a crash loses what the broker had acknowledged to sensors but ingest had not yet handed off
 * (milliseconds of traffic). Deployments that must survive that use an external broker with
 * persistence (Mosquitto), as the scaled deployment does.
 */
public final class EmbeddedBroker {

  /**
   * @param host interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} in containers)
   * @param port TCP port, 0 for any free one
   * @param maxMessageBytes largest PUBLISH accepted by the broker; keep it above ingest's payload
   *     limit so oversize payloads reach ingest and are dead-lettered with a reason
   */
  public record Settings(String host, int port, int maxMessageBytes) {}

  private final Server server = new Server();
  private final Settings settings;
  private final MqttAccess access;
  private volatile int port = -1;

  public EmbeddedBroker(Settings settings, MqttAccess access) {
    this.settings = settings;
    this.access = access;
  }

  /** Starts the broker on a worker thread (binding and opening the store block). */
  public Future<EmbeddedBroker> start(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      // Moquette reports the configured port, not the bound one, so "any free port" is chosen here.
      int bind = settings.port() == 0 ? freePort(settings.host()) : settings.port();
      server.startServer(new MemoryConfig(properties(bind)), List.of(), null, authenticator(), authorizator());
      port = bind;
      return this;
    });
  }

  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  private Properties properties(int bind) {
    Properties p = new Properties();
    p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, settings.host());
    p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(bind));
    p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
    p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(access == MqttAccess.OPEN));
    p.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(settings.maxMessageBytes()));
    // Moquette reports usage to its authors by default; a city platform must not phone home.
    p.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
    // Without immediate flush Moquette batches writes to sockets for up to seconds: a QoS 1
    // PUBACK to a sensor would take that long.
    p.setProperty(BrokerConstants.IMMEDIATE_BUFFER_FLUSH_PROPERTY_NAME, "true");
    // Moquette 0.17's on-disk session queues drop connections under QoS 1 load (seen in our tests);
    // sessions live in memory, which is what an in-process broker can honestly offer anyway.
    p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    return p;
  }

  private IAuthenticator authenticator() {
    return access::authenticate;
  }

  private IAuthorizatorPolicy authorizator() {
    return new IAuthorizatorPolicy() {
      @Override
      public boolean canWrite(Topic topic, String user, String client) {
        return access.canPublish(user, topic.toString());
      }

      @Override
      public boolean canRead(Topic topic, String user, String client) {
        return access.canSubscribe(user, topic.toString());
      }
    };
  }

  /**
   * Drops a client's connection as a network failure would, keeping its persistent session (an
   * operator's way to kick a misbehaving client; it may connect again).
   *
   * @return false when no client with that id is connected
   */
  public boolean disconnect(String clientId) {
    return server.disconnectClient(clientId);
  }

  /** The port it listens on (after start). */
  public int port() {
    return port;
  }

  /** {@code tcp://host:port} for clients on this machine. */
  public String url() {
    String host = "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host();
    return "tcp://" + host + ":" + port;
  }

  public Future<Void> stop(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      server.stopServer();
      return null;
    });
  }
}
