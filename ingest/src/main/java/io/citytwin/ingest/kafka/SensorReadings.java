package io.citytwin.ingest.kafka;

import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The readings of one sensor, in the order they were accepted: the content of one Kafka record.
 *
 * @param sensorId the sensor every reading belongs to
 * @param readings one or more readings of that sensor
 */
public record SensorReadings(String sensorId, List<Reading> readings) {

  public SensorReadings {
    Objects.requireNonNull(sensorId, "sensorId");
    readings = List.copyOf(readings);
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("no readings for sensor " + sensorId);
    }
    for (Reading r : readings) {
      if (!r.sensorId().equals(sensorId)) {
        throw new IllegalArgumentException(
            "reading of sensor " + r.sensorId() + " among the readings of " + sensorId);
      }
    }
  }

  /**
   * Splits a mixed batch by sensor: sensors in order of first appearance, each sensor's readings
   * in their original order.
   */
  public static List<SensorReadings> bySensor(List<Reading> readings) {
    Map<String, List<Reading>> groups = new LinkedHashMap<>();
    for (Reading r : readings) {
      groups.computeIfAbsent(r.sensorId(), id -> new ArrayList<>()).add(r);
    }
    List<SensorReadings> result = new ArrayList<>(groups.size());
    groups.forEach((id, list) -> result.add(new SensorReadings(id, list)));
    return result;
  }
}
