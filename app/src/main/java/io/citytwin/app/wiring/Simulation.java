package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.app.fleet.RegisteredFleet;
import io.citytwin.ingest.fleet.FaultRates;
import io.citytwin.ingest.fleet.FleetOptions;
import io.citytwin.ingest.fleet.FleetSimulator;
import io.citytwin.ingest.fleet.SimulatedSensor;
import io.citytwin.twin.sensor.SensorRegistry;
import io.vertx.core.Future;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The simulated sensor fleet of {@code citytwin run}, publishing through the real broker. */
final class Simulation {
  private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);

  private Simulation() {}

  /**
   * Starts the fleet when enabled and the registry has sensors. A fleet that cannot start is
   * reported and the platform runs on without it: it is demo traffic, not a function of the twin.
   *
   * @return the running simulator, or null
   */
  static Future<FleetSimulator> start(CityTwinConfig config, SensorRegistry registry, MqttEndpoint mqtt) {
    if (!config.flag("simulator.enabled") || registry.size() == 0) {
      return Future.succeededFuture();
    }
    List<SimulatedSensor> fleet = RegisteredFleet.provisionedBy(registry.all(), config.text("simulator.fleet-key"));
    if (fleet.isEmpty()) {
      LOG.warn("simulated fleet not started: no sensor of the registry was provisioned with simulator.fleet-key");
      return Future.succeededFuture();
    }
    FleetOptions options = FleetOptions.defaults(mqtt.url())
        .withRate(config.integer("simulator.rate"))
        .withConnections(2)
        .withFaults(config.flag("simulator.faults") ? FaultRates.DEFAULT : FaultRates.NONE);
    FleetSimulator simulator = new FleetSimulator(fleet, options, mqtt.gatewayUsername(), mqtt.gatewayPassword());
    return simulator.start()
        .map(v -> simulator)
        .recover(e -> {
          LOG.warn("simulated fleet not started: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }
}
