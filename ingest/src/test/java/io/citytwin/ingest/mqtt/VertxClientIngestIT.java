package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.testing.CollectingSink;
import io.citytwin.ingest.testing.IngestFixture;
import io.vertx.core.Vertx;

/** The embedded-broker contract with the Vert.x (Netty) MQTT client adapter. */
class VertxClientIngestIT extends EmbeddedBrokerIngestContract {
  @Override
  TelemetrySubscriber subscriber(Vertx vertx, MqttSettings settings, IngestFixture fleet, CollectingSink sink) {
    return new VertxMqttTelemetrySubscriber(vertx, settings, fleet.intake, sink, (id, reason, at) -> { },
        System::currentTimeMillis);
  }
}
