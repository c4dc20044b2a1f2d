package io.citytwin.sim.scenario;

/**
 * A scenario file or its parameters cannot be used. The message names the source, the field (a
 * JSON path such as {@code parameters.wind.speedMps}) and the problem.
 */
public final class ScenarioInputException extends IllegalArgumentException {
  private final String source;
  private final String field;
  private final String problem;

  public ScenarioInputException(String source, String field, String problem) {
    super(source + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
    this.source = source;
    this.field = field;
    this.problem = problem;
  }

  public String source() {
    return source;
  }

  /** JSON path of the offending field, or null for the document as a whole. */
  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
