package io.citytwin.twin.cap;

/**
 * Input that is not a readable, safe CAP document at all: not well-formed XML, a DOCTYPE (refused:
 * it is the door for external entities and entity expansion), too large, or a root element that
 * is not a CAP 1.1/1.2 {@code <alert>}. The message names the source, the position when known and
 * the problem, e.g. {@code "feed.xml: line 2, column 10: DOCTYPE declarations are refused ..."};
 * it never carries a stack trace. A document that is XML but breaks the CAP schema or rules is
 * not an exception but a {@link CapParseResult} with problems.
 */
public final class CapFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param source file name or other label of the input
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param problem what is wrong
   */
  public CapFormatException(String source, int line, int column, String problem) {
    super(message(source, line, column, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String message(String source, int line, int column, String problem) {
    StringBuilder m = new StringBuilder(source).append(": ");
    if (line > 0) {
      m.append("line ").append(line);
      if (column > 0) {
        m.append(", column ").append(column);
      }
      m.append(": ");
    }
    return m.append(problem).toString();
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The problem without source and position. */
  public String problem() {
    return problem;
  }
}
