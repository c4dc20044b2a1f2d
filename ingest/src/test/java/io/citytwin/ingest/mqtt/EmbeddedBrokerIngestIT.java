package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.vertx.core.Vertx;

/** The embedded-broker contract with the Eclipse Paho adapter (the default). */
class EmbeddedBrokerIngestIT extends EmbeddedBrokerIngestContract {
  @Override
  TelemetrySubscriber subscriber(Vertx vertx, MqttSettings settings, IngestFixture fleet, CollectingSink sink) {
    return new MqttTelemetrySubscriber(vertx, settings, fleet.intake, sink, (id, reason, at) -> { });
  }
}
