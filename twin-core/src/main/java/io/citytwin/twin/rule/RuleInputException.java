package io.citytwin.twin.rule;

/**
 * A rule file that cannot be used. The message names the file, the rule (index and id) or area,
 * the field and the problem, e.g. {@code "rules.json: rule [3] (id 'flood'), field 'clear': 0.9
 * must be below the level 0.8 of an 'above' condition"}. Thrown before anything from the file is
 * used, so a rule file is taken whole or not at all.
 */
public final class RuleInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String where;
  private final String field;
  private final String problem;

  /**
   * @param source file name or other label, e.g. {@code rules.json}
   * @param where the rule or area, e.g. {@code rule [3] (id 'flood')}; null for the whole document
   * @param field the offending field (dotted for nested ones, e.g. {@code fence.district}), or null
   * @param problem what is wrong, in words a user can act on
   */
  public RuleInputException(String source, String where, String field, String problem) {
    this(source, where, field, problem, null);
  }

  public RuleInputException(
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

  /** The rule or area at fault, e.g. {@code rule [3] (id 'flood')}; null for the whole document. */
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
