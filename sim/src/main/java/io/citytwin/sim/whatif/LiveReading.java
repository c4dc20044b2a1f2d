package io.citytwin.sim.whatif;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest value of one quantity of one sensor on the live platform.
 *
 * @param quantity catalogue name, e.g. {@code water_level}
 * @param value in the quantity's canonical unit (water level m, rainfall mm/h)
 * @param lon WGS84 longitude of the sensor
 * @param lat WGS84 latitude of the sensor
 * @param at when it was measured
 * @param ok whether the sensor's status is {@code ok} (not stale, silent or faulty)
 */
public record LiveReading(String sensorId, String quantity, double value, double lon, double lat, Instant at, boolean ok) {
  public LiveReading {
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(at, "at");
  }
}
