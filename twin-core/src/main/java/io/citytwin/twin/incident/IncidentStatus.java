package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an incident is in its lifecycle: {@code open -> dispatched -> in_progress -> resolved ->
 * closed}, or {@code cancelled} (a false alarm) from any active status. The first two steps
 * follow the tasks (a task sent out; a unit on site or a task done); resolve, close and cancel are
 * operator decisions.
 */
public enum IncidentStatus {
  /** Raised; no task has reached its agency yet (e.g. no unit free). */
  OPEN,
  /** At least one task has been sent to its agency. */
  DISPATCHED,
  /** A unit is on site or a task is done: the response is under way. */
  IN_PROGRESS,
  /** The emergency is over; open tasks were cancelled. Awaiting after-action review. */
  RESOLVED,
  /** Reviewed and archived. Terminal. */
  CLOSED,
  /** Withdrawn (false alarm, duplicate report). Terminal. */
  CANCELLED;

  /**
   * Whether the incident is active: it correlates new alarms, its tasks escalate and hold units,
   * and its area closes roads.
   */
  public boolean isActive() {
    return this == OPEN || this == DISPATCHED || this == IN_PROGRESS;
  }

  /** External name, e.g. {@code in_progress}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IncidentStatus> fromCode(String code) {
    for (IncidentStatus s : values()) {
      if (s.code().equals(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
