package io.citytwin.twin.state;

import io.citytwin.twin.cim.AttributeValues;
import io.citytwin.twin.cim.CitySnapshot;
import java.time.Instant;
import java.util.regex.Pattern;

/** Decides commands against the CIM and the current live state. Pure functions. */
public final class TwinCommands {
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
  private static final int MAX_STRING = 1024;

  private TwinCommands() {}

  /** The outcome of deciding a command: the event to apply, or why it was refused. */
  public sealed interface Decision {
    record Accepted(TwinEvent event) implements Decision {}

    record Rejected(String reason) implements Decision {}
  }

  /**
   * Accepts a command on an entity of the snapshot with a valid key (a letter, then up to 63
   * letters, digits, {@code _ . -}) and a JSON-scalar value (strings up to 1024 characters);
   * rejects it otherwise with a reason naming the entity and the problem. Deleting a property that
   * is not set is rejected too, so every event is a real change.
   */
  public static Decision decide(
      CitySnapshot cim, TwinState state, TwinCommand command, Instant now) {
    if (cim.entity(command.entityId()).isEmpty()) {
      return new Decision.Rejected("unknown entity " + command.entityId());
    }
    long next = state.revision() + 1;
    if (command instanceof TwinCommand.ModifyProperty m) {
      if (m.key() == null || !KEY.matcher(m.key()).matches()) {
        return new Decision.Rejected(m.entityId() + ": invalid property key '" + m.key() + "'");
      }
      if (!AttributeValues.isValid(m.value())) {
        return new Decision.Rejected(
            m.entityId() + ": property '" + m.key() + "' must be a string, boolean or finite number");
      }
      if (m.value() instanceof String s && s.length() > MAX_STRING) {
        return new Decision.Rejected(
            m.entityId() + ": property '" + m.key() + "' is longer than " + MAX_STRING + " chars");
      }
      return new Decision.Accepted(
          new TwinEvent.PropertyModified(next, now, m.entityId(), m.key(), m.value()));
    }
    TwinCommand.DeleteProperty d = (TwinCommand.DeleteProperty) command;
    boolean present =
        state.entity(d.entityId()).map(e -> e.properties().containsKey(d.key())).orElse(false);
    if (!present) {
      return new Decision.Rejected(d.entityId() + ": property '" + d.key() + "' is not set");
    }
    return new Decision.Accepted(new TwinEvent.PropertyDeleted(next, now, d.entityId(), d.key()));
  }
}
