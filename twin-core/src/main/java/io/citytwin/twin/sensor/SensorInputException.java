package io.citytwin.twin.sensor;

/**
 * Sensor input that cannot be used: a registry file, a REST request body, or a sensor the registry
 * refuses. The message always names the source, where in it the problem is (feature index, CSV
 * line, sensor id), the field and the problem, e.g. {@code "sensors.csv: line 7, field 'lat':
 * '91.5' is outside -90..90"}. Thrown before anything from that source is used, so an input is
 * taken whole or not at all.
 */
public final class SensorInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String where;
  private final String field;
  private final String problem;

  /**
   * @param source file name or other label, e.g. {@code sensors.geojson}, {@code request body}
   * @param where position in the source, e.g. {@code feature [3]}, {@code line 7}; or null
   * @param field the offending field, or null when the problem is not about one field
   * @param problem what is wrong, in words a user can act on
   */
  public SensorInputException(String source, String where, String field, String problem) {
    this(source, where, field, problem, null);
  }

  public SensorInputException(
      String source, String where, String field, String problem, Throwable cause) {
    super(message(source, where, field, problem), cause);
    this.source = source;
    this.where = where;
    this.field = field;
    this.problem = problem;
  }

  private static String message(String source, String where, String field, String problem) {
    StringBuilder m = new StringBuilder(source).append(": ");
    if (where != null) {
      m.append(where).append(field == null ? ": " : ", ");
    }
    if (field != null) {
      m.append("field '").append(field).append("': ");
    }
    return m.append(problem).toString();
  }

  /** The file name or other label of the rejected input. */
  public String source() {
    return source;
  }

  /** Where in the source, e.g. {@code line 7}; null when the whole input is at fault. */
  public String where() {
    return where;
  }

  /** The offending field, or null. */
  public String field() {
    return field;
  }

  /** The problem without source, position and field. */
  public String problem() {
    return problem;
  }
}
