package io.citytwin.twin.input;

/**
 * Input that cannot be used (a file, a request body), said so a user can act on it: the message
 * names the source, where in it the problem is, the field and the problem, e.g. {@code
 * "sensors.csv: line 7, field 'lat': '91.5' is outside -90..90"}. Each kind of input has its own
 * subclass, thrown before anything from that input is used, so an input is taken whole or not at
 * all.
 */
public abstract class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String where;
  private final String field;
  private final String problem;

  /**
   * @param source file name or other label, e.g. {@code rules.json}, {@code request body}
   * @param where position in the source, e.g. {@code rule [3] (id 'flood')}, {@code line 7}; null
   *     when the whole input is at fault
   * @param field the offending field (dotted for nested ones), or null
   * @param problem what is wrong, in words a user can act on
   * @param cause the underlying failure, or null
   */
  protected InputException(String source, String where, String field, String problem, Throwable cause) {
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

  /** Where in the source; null when the whole input is at fault. */
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
