package io.citytwin.twin.sensor;

import io.citytwin.twin.input.InputException;

/**
 * Sensor input that cannot be used: a registry file, a REST request body, or a sensor the registry
 * refuses. The message always names the source, where in it the problem is (feature index, CSV
 * line, sensor id), the field and the problem, e.g. {@code "sensors.csv: line 7, field 'lat':
 * '91.5' is outside -90..90"}. Thrown before anything from that source is used, so an input is
 * taken whole or not at all.
 */
public final class SensorInputException extends InputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source file name or other label, e.g. {@code sensors.geojson}, {@code request body}
   * @param where position in the source, e.g. {@code feature [3]}, {@code line 7}; or null
   * @param field the offending field, or null when the problem is not about one field
   * @param problem what is wrong, in words a user can act on
   */
  public SensorInputException(String source, String where, String field, String problem) {
    super(source, where, field, problem, null);
  }

  public SensorInputException(String source, String where, String field, String problem, Throwable cause) {
    super(source, where, field, problem, cause);
  }
}
