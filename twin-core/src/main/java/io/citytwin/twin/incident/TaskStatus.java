package io.citytwin.twin.incident;

import java.util.Locale;

/**
 * A task's progress: {@code pending -> dispatched -> acknowledged -> arrived -> done}, or
 * {@code cancelled}. Tasks without a unit on site skip {@code arrived}. For a task with a unit,
 * {@code acknowledged} means the unit is en route.
 */
public enum TaskStatus {
  /** Created; waiting for a free unit that can reach the site. */
  PENDING,
  /** Sent to the agency (with a unit and route when one goes on site). */
  DISPATCHED,
  /** The agency confirmed it; a unit, if any, is on its way. */
  ACKNOWLEDGED,
  /** The unit is on site. */
  ARRIVED,
  /** Finished. Terminal. */
  DONE,
  /** Dropped (incident resolved or cancelled). Terminal. */
  CANCELLED;

  /** Not finished: still part of the response. */
  public boolean isOpen() {
    return this != DONE && this != CANCELLED;
  }

  /** Whether the task still waits for its acknowledgement. */
  public boolean awaitsAck() {
    return this == PENDING || this == DISPATCHED;
  }

  /** Whether the assigned unit, if any, is busy with this task. */
  public boolean holdsUnit() {
    return this == DISPATCHED || this == ACKNOWLEDGED || this == ARRIVED;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
