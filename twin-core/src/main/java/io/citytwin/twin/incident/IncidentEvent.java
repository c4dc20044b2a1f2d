package io.citytwin.twin.incident;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.rule.Evidence;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Something that happened to an incident: the outcome of a decided command. Events carry
 * everything {@link IncidentsState#apply} needs (task specs, routes, areas), so a journal replays
 * to the same state without plans, road graph or clock. Times are epoch milliseconds; {@link
 * #atMillis()} is when it happened on the platform's clock (or the alarm's time for alarms).
 */
public sealed interface IncidentEvent {

  /** Position in the incident book's event sequence, from 1 and without gaps. */
  long seq();

  long atMillis();

  String incidentId();

  /**
   * A new incident from an alarm (its first alarm counted).
   *
   * @param ruleId the rule whose alarm opened it (for redelivery detection)
   * @param evidence the alarm's evidence, at most the book's cap
   */
  record IncidentOpened(
      long seq, long atMillis, String incidentId, IncidentType type, Severity severity,
      String placeKey, Geometry area, String title, String ruleId, IncidentSource source,
      boolean exercise, List<Evidence> evidence) implements IncidentEvent {
    public IncidentOpened {
      Objects.requireNonNull(area, "area");
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * A further alarm for an active incident of the same type and place: counted, evidence appended.
   *
   * @param severity the incident's severity after it (never lower than before)
   * @param evidence what is appended (the alarm's evidence, cut to the room left under the cap)
   */
  record AlarmCorrelated(
      long seq, long atMillis, String incidentId, String ruleId, Severity severity,
      List<Evidence> evidence) implements IncidentEvent {
    public AlarmCorrelated {
      evidence = List.copyOf(evidence);
    }
  }

  /** The incident's area was replaced (a growing hazard, a newer alarm's footprint). */
  record AreaChanged(long seq, long atMillis, String incidentId, Geometry area, String reason)
      implements IncidentEvent {}

  /** The road edges the incident closes to other traffic, replacing any earlier set. */
  record RoadsClosed(long seq, long atMillis, String incidentId, List<Integer> edges)
      implements IncidentEvent {
    public RoadsClosed {
      edges = List.copyOf(edges);
    }
  }

  record TaskCreated(long seq, long atMillis, String incidentId, String taskId, TaskSpec spec)
      implements IncidentEvent {}

  /** The task was sent to its agency; {@code assignment} is null when no unit is routed. */
  record TaskDispatched(
      long seq, long atMillis, String incidentId, String taskId, Assignment assignment)
      implements IncidentEvent {}

  /** The task's unit or route changed (roads closed ahead of it); the new ETA is in it. */
  record TaskRerouted(
      long seq, long atMillis, String incidentId, String taskId, Assignment assignment,
      String reason) implements IncidentEvent {}

  record TaskAcknowledged(
      long seq, long atMillis, String incidentId, String taskId, Agency agency, String by,
      Channel channel) implements IncidentEvent {}

  /** The task was still unacknowledged at the deadline of escalation level {@code level}. */
  record TaskEscalated(
      long seq, long atMillis, String incidentId, String taskId, int level, EscalationRole to,
      long missedDeadlineMillis) implements IncidentEvent {}

  record UnitArrived(long seq, long atMillis, String incidentId, String taskId, String by)
      implements IncidentEvent {}

  /** The task's unit was not on site by the arrival SLA deadline. */
  record ArrivalOverdue(
      long seq, long atMillis, String incidentId, String taskId, long deadlineMillis)
      implements IncidentEvent {}

  record TaskCompleted(
      long seq, long atMillis, String incidentId, String taskId, String by, String note)
      implements IncidentEvent {}

  record TaskCancelled(long seq, long atMillis, String incidentId, String taskId, String reason)
      implements IncidentEvent {}

  /**
   * The incident's status changed.
   *
   * @param by the operator, or {@code system} for changes that follow the tasks
   */
  record StatusChanged(
      long seq, long atMillis, String incidentId, IncidentStatus from, IncidentStatus to,
      String by, String note) implements IncidentEvent {}
}
