package io.citytwin.web.sensors;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.sensor.SensorKind;

/**
 * Which sensors to list; a null member matches every sensor.
 *
 * @param district entity id of a district, e.g. {@code district/MC-MO}
 */
public record SensorFilter(String district, SensorKind kind, SensorStatus status) {
  /** Every sensor. */
  public static final SensorFilter ALL = new SensorFilter(null, null, null);
}
