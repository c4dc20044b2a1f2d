package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sensor read from a file together with where it came from, so that checks made after parsing
 * (repeated ids, location outside the city) can still name the feature or line.
 *
 * @param sensor the parsed, unplaced sensor
 * @param fields the entry's context for messages
 * @param locationField the field holding the location ({@code geometry}, {@code lat})
 */
record SensorEntry(Sensor sensor, SensorFields fields, String locationField) {

  /** Fails on the first entry whose id repeats an earlier one. */
  static void requireUniqueIds(List<SensorEntry> entries) {
    Map<String, SensorEntry> seen = new HashMap<>();
    for (SensorEntry e : entries) {
      SensorEntry first = seen.putIfAbsent(e.sensor().id(), e);
      if (first != null) {
        throw e.fields().fail("id", SensorFields.quote(e.sensor().id()) + " is already used by "
            + first.fields().where());
      }
    }
  }

  SensorInputException outside(String cityName) {
    return fields.fail(locationField, "lat " + sensor.location().lat() + ", lon " + sensor.location().lon()
        + " lies outside the city boundary of " + cityName);
  }
}
