package io.citytwin.twin.cap.incident;

import io.citytwin.twin.incident.IncidentCommand;
import java.util.List;
import java.util.Objects;

/**
 * What importing one CAP message came to.
 *
 * @param kind {@link Kind#IMPORTED}: {@code commands} (at least one) are to be decided by the
 *     linked-disposal engine in order; {@link Kind#IGNORED}: a valid message that raises nothing
 *     (a test, an acknowledgement, an all-clear for a warning never imported, a repeat); {@link
 *     Kind#REJECTED}: not a valid or safe CAP message, or one CityTwin cannot represent
 * @param notes for people, one sentence each: how the message was read (type, severity, area,
 *     correlation), or why it was ignored or rejected (the first note)
 */
public record CapImportResult(Kind kind, List<IncidentCommand> commands, List<String> notes) {

  public enum Kind {
    IMPORTED,
    IGNORED,
    REJECTED
  }

  public CapImportResult {
    Objects.requireNonNull(kind, "kind");
    commands = List.copyOf(commands);
    notes = List.copyOf(notes);
    if ((kind == Kind.IMPORTED) == commands.isEmpty()) {
      throw new IllegalArgumentException("an import has commands, nothing else has: " + kind);
    }
    if (kind != Kind.IMPORTED && notes.isEmpty()) {
      throw new IllegalArgumentException(kind + " needs a reason");
    }
  }

  static CapImportResult imported(IncidentCommand command, List<String> notes) {
    return new CapImportResult(Kind.IMPORTED, List.of(command), notes);
  }

  static CapImportResult ignored(String reason) {
    return new CapImportResult(Kind.IGNORED, List.of(), List.of(reason));
  }

  static CapImportResult rejected(String reason) {
    return new CapImportResult(Kind.REJECTED, List.of(), List.of(reason));
  }

  /** The reason an ignored or rejected message raised nothing, or the notes of an import. */
  public String summary() {
    return String.join(" ", notes);
  }
}
