package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Optional;

/** Who an unacknowledged task escalates to. */
public enum EscalationRole {
  /** The duty supervisor of the task's own agency. */
  DUTY_SUPERVISOR,
  /** The commander on duty at the city's operations centre. */
  OPERATIONS_COMMANDER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EscalationRole> fromCode(String code) {
    for (EscalationRole r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
