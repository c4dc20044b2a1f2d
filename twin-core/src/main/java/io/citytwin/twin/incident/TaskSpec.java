package io.citytwin.twin.incident;

import io.citytwin.twin.agency.Agency;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an agency must do for an incident, from a response plan. Carried whole by the event that
 * creates the task, so a journal replays without the plan file.
 *
 * @param action instruction text for the agency, e.g. "Suppress the fire"
 * @param onSite whether a unit must go to the site (routed when the agency has bases)
 * @param ackWithin SLA to acknowledge, counted from the task's creation
 * @param arriveWithin SLA for the unit to be on site, counted from creation; null unless on site
 * @param escalation levels alerted while the task stays unacknowledged (at least one)
 * @param planId the response plan the task came from
 */
public record TaskSpec(
    Agency agency, String action, boolean onSite, Duration ackWithin, Duration arriveWithin,
    List<EscalationStep> escalation, String planId) {

  public TaskSpec {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(ackWithin, "ackWithin");
    Objects.requireNonNull(planId, "planId");
    escalation = List.copyOf(escalation);
    if (ackWithin.isNegative() || ackWithin.isZero()) {
      throw new IllegalArgumentException("ackWithin must be positive, was " + ackWithin);
    }
    if (onSite != (arriveWithin != null)) {
      throw new IllegalArgumentException("arriveWithin is required for on-site tasks and only for them");
    }
    if (arriveWithin != null && (arriveWithin.isNegative() || arriveWithin.isZero())) {
      throw new IllegalArgumentException("arriveWithin must be positive, was " + arriveWithin);
    }
    if (escalation.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one escalation level");
    }
  }
}
