package io.citytwin.ingest.mqtt;

import io.vertx.core.Future;

/**
 * Telemetry in over MQTT: subscribes to the sensor topics, decodes every message and hands the
 * readings to a sink, acknowledging QoS 1 messages only after the hand-off succeeded. Two
 * adapters: {@link MqttTelemetrySubscriber} (Eclipse Paho, the default) and
 * {@link VertxMqttTelemetrySubscriber} (Vert.x/Netty, for the highest rates).
 */
public interface TelemetrySubscriber {

  /** Connects and subscribes; fails with the broker's reason (e.g. bad credentials). */
  Future<Void> start();

  /** Disconnects; unacknowledged messages stay with the broker's persistent session. */
  Future<Void> stop();

  /** Readings handed off successfully since start. */
  long handedOffReadings();

  /** QoS 1 messages acknowledged to the broker since start. */
  long acknowledgedMessages();

  /** Hand-off attempts that failed (each was retried). */
  long handOffFailures();

  boolean isConnected();
}
