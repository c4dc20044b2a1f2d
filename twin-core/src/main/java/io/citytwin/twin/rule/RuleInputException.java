package io.citytwin.twin.rule;

import io.citytwin.twin.input.InputException;

/**
 * A rule file that cannot be used. The message names the file, the rule (index and id) or area,
 * the field and the problem, e.g. {@code "rules.json: rule [3] (id 'flood'), field 'clear': 0.9
 * must be below the level 0.8 of an 'above' condition"}. Thrown before anything from the file is
 * used, so a rule file is taken whole or not at all.
 */
public final class RuleInputException extends InputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param source file name or other label, e.g. {@code rules.json}
   * @param where the rule or area, e.g. {@code rule [3] (id 'flood')}; null for the whole document
   * @param field the offending field (dotted for nested ones, e.g. {@code fence.district}), or null
   * @param problem what is wrong, in words a user can act on
   */
  public RuleInputException(String source, String where, String field, String problem) {
    super(source, where, field, problem, null);
  }

  public RuleInputException(String source, String where, String field, String problem, Throwable cause) {
    super(source, where, field, problem, cause);
  }
}
