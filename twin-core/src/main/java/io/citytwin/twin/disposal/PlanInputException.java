package io.citytwin.twin.disposal;

import io.citytwin.twin.input.InputException;

/**
 * A response-plan file that cannot be used. The message names the file, where in it (plan id and
 * index, task index), the field and the problem, e.g. {@code "response-plans.json: plan 'fire'
 * (plans[0]), task [2], field 'ackWithin': must be an ISO-8601 duration like PT60S or PT8M, found
 * 'sixty'"}. Thrown before any plan is used: a file is taken whole or not at all.
 */
public final class PlanInputException extends InputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source file name or other label
   * @param where position, e.g. {@code plan 'fire' (plans[0]), task [2]}; or null
   * @param field the offending field, or null
   * @param problem what is wrong, in words a user can act on
   */
  public PlanInputException(String source, String where, String field, String problem) {
    super(source, where, field, problem, null);
  }
}
