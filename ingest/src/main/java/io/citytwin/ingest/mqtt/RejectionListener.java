package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.telemetry.RejectReason;

/**
 * Told about every rejected message whose topic named a sensor (the twin marks sensors that keep
 * sending bad values as faulty). Called on the MQTT callback thread; must not block.
 */
@FunctionalInterface
public interface RejectionListener {
  void rejected(String sensorId, RejectReason reason, long atMillis);
}
