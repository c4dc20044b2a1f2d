package io.citytwin.twin.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * One level of a task's escalation chain.
 *
 * @param to who is alerted
 * @param after how long after the previous deadline this level fires: for level 1 the
 *     acknowledgement SLA deadline, for level n the level n-1 deadline (0 = at that deadline)
 */
public record EscalationStep(EscalationRole to, Duration after) {
  public EscalationStep {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(after, "after");
    if (after.isNegative()) {
      throw new IllegalArgumentException("escalation delay must not be negative, was " + after);
    }
  }
}
