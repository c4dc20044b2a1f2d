package io.citytwin.twin.cap;

import java.util.Objects;

/**
 * One thing wrong with a CAP message: where it is and what is wrong, e.g. {@code
 * info[0].area[1].polygon[0] (line 42): ring not closed: first point 42.3,-82.9 differs from last
 * point 42.1,-82.4}.
 *
 * @param level {@link Level#ERROR} makes the message invalid; a {@link Level#WARNING} does not
 * @param path element path from the alert: {@code alert} for the root, then e.g. {@code
 *     references}, {@code info[0].urgency}, {@code info[0].area[1].polygon[0]}; repeatable
 *     elements carry their index among siblings of the same name
 * @param line line of the element in the parsed document, 0 when not parsed from text
 * @param message what is wrong, in words a sender can act on
 */
public record CapProblem(Level level, String path, int line, String message) {
  public enum Level {
    ERROR,
    WARNING
  }

  public CapProblem {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  CapProblem atLine(int newLine) {
    return new CapProblem(level, path, newLine, message);
  }

  @Override
  public String toString() {
    return (level == Level.WARNING ? "warning: " : "") + path + (line > 0 ? " (line " + line + ")" : "")
        + ": " + message;
  }
}
