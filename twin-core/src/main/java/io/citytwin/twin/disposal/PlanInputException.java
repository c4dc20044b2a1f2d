package io.citytwin.twin.disposal;

/**
 * A response-plan file that cannot be used. The message names the file, where in it (plan id and
 * index, task index), the field and the problem, e.g. {@code "response-plans.json: plan 'fire'
 * (plans[0]), task [2], field 'ackWithin': must be an ISO-8601 duration like PT60S or PT8M, found
 * 'sixty'"}. Thrown before any plan is used: a file is taken whole or not at all.
 */
public final class PlanInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String where;
  private final String field;
  private final String problem;

  /**
   * @param source file name or other label
   * @param where position, e.g. {@code plan 'fire' (plans[0]), task [2]}; or null
   * @param field the offending field, or null
   * @param problem what is wrong, in words a user can act on
   */
  public PlanInputException(String source, String where, String field, String problem) {
    super(message(source, where, field, problem));
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

  public String source() {
    return source;
  }

  /** Where in the file, or null when the whole file is at fault. */
  public String where() {
    return where;
  }

  /** The offending field, or null. */
  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
