package io.citytwin.sim.drill;

import io.vertx.core.Future;

/**
 * Port to the real ingest path for drills: publishes one telemetry payload as a registered sensor,
 * on the drill's own topic ({@code citytwin/v1/drills/{drillId}/sensors/{sensorId}/telemetry}) so
 * the platform treats it as an exercise. Completes when the broker has it (QoS 1).
 */
@FunctionalInterface
public interface TelemetryPublisher {
  Future<Void> publish(String drillId, String sensorId, String payload);
}
