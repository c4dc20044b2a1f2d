package io.citytwin.app.fleet;

import io.citytwin.ingest.fleet.SimulatedSensor;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.demo.DemoFleet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Registered sensors as the simulator plays them: each logs in as itself with the secret the
 * fleet key derives ({@link DemoFleet#secretFor}). Sensors without credentials connect
 * anonymously. Lives here, not in ingest, so the simulator knows nothing of the registry.
 */
public final class RegisteredFleet {
  private RegisteredFleet() {}

  /**
   * @throws IllegalArgumentException when the key does not derive a sensor's stored secret, i.e.
   *     the registry was provisioned with another key (or with random secrets)
   */
  public static List<SimulatedSensor> of(List<Sensor> sensors, String fleetKey) {
    List<SimulatedSensor> out = new ArrayList<>(sensors.size());
    for (Sensor s : sensors) {
      if (s.credentials() == null) {
        out.add(SimulatedSensor.anonymous(s.id(), s.quantities()));
        continue;
      }
      String secret = DemoFleet.secretFor(fleetKey, s.id());
      if (!s.credentials().matches(s.credentials().username(), secret.getBytes(StandardCharsets.UTF_8))) {
        throw new IllegalArgumentException("the fleet key does not derive the secret of sensor " + s.id()
            + " (was the registry generated with another --fleet-key?)");
      }
      out.add(new SimulatedSensor(s.id(), s.quantities(), s.credentials().username(), secret));
    }
    return out;
  }

  /**
   * The sensors of the registry that the fleet key provisioned (or that have no credentials), for
   * a simulator that publishes through a gateway account: sensors registered with their own
   * secrets are real devices and are left alone.
   */
  public static List<SimulatedSensor> provisionedBy(List<Sensor> sensors, String fleetKey) {
    List<SimulatedSensor> out = new ArrayList<>(sensors.size());
    for (Sensor s : sensors) {
      if (s.credentials() == null) {
        out.add(SimulatedSensor.anonymous(s.id(), s.quantities()));
        continue;
      }
      String secret = DemoFleet.secretFor(fleetKey, s.id());
      if (s.credentials().matches(s.credentials().username(), secret.getBytes(StandardCharsets.UTF_8))) {
        out.add(new SimulatedSensor(s.id(), s.quantities(), s.credentials().username(), secret));
      }
    }
    return out;
  }
}
