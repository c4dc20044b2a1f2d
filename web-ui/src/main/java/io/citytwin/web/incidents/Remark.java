package io.citytwin.web.incidents;

/**
 * Who changes an incident's status and why, as written on its timeline.
 *
 * @param by the operator, or null
 * @param note free text, or null
 */
public record Remark(String by, String note) {
  /** No operator, no note. */
  public static final Remark NONE = new Remark(null, null);
}
