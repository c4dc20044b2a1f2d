package io.citytwin.twin.incident.codec;

/**
 * A journal line or message that is not a valid incident event. The message names the event
 * (sequence number and type, when they could be read), the field and the problem, e.g. {@code
 * "incident event #12 (task.dispatched): field 'assignment.route.edges': must have one element
 * fewer than 'nodes'"}.
 */
public final class EventFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  public EventFormatException(String where, String field, String problem) {
    super(where + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The offending field as a dotted path, or null. */
  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
