package io.citytwin.twin.cap;

import java.util.List;

/**
 * Validates CAP: documents against the OASIS schema of their version plus the CAP rules the
 * schema cannot express ({@link CapRules}), and alerts as {@link CapWriter} would publish them.
 * Schemas are compiled once per JVM; thread-safe.
 */
public final class CapValidator {
  private static final CapParser PARSER = new CapParser();

  private CapValidator() {}

  /**
   * Every problem of {@code alert} as published: its {@link CapWriter} output checked against the
   * CAP 1.2 schema and read back through the rules. Empty means a consumer will accept it.
   */
  public static List<CapProblem> validate(CapAlert alert) {
    return PARSER.parse(CapWriter.writeBytes(alert), "alert " + alert.identifier()).problems();
  }

  /**
   * Every problem of a CAP 1.1 or 1.2 document; the same as {@link CapParser#parse(byte[],
   * String)} with the default size limit.
   *
   * @throws CapFormatException when it is not a readable, safe XML CAP document at all
   */
  public static CapParseResult validate(byte[] xml, String source) {
    return PARSER.parse(xml, source);
  }
}
