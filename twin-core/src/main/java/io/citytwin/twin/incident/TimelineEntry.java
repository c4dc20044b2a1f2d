package io.citytwin.twin.incident;

/**
 * One step of an incident's history, for the dashboard and after-action review.
 *
 * @param seq the event that made it
 * @param atMillis when it happened, epoch milliseconds
 * @param taskId the task it is about, or null
 * @param text a sentence for people, e.g. "fire-1 escalated to level 1 (duty_supervisor): not
 *     acknowledged by 2026-11-24T10:01:00Z"
 * @param severity the incident's severity after this step
 * @param status the incident's status after this step
 * @param evidenceCount readings the incident keeps after this step: its evidence then was the
 *     first {@code evidenceCount} of {@link Incident#evidence()} (the list only grows)
 */
public record TimelineEntry(
    long seq, long atMillis, Kind kind, String taskId, String text, Severity severity,
    IncidentStatus status, int evidenceCount) {

  /** What kind of step. */
  public enum Kind {
    OPENED,
    RETRIGGERED,
    AREA_CHANGED,
    ROADS_CLOSED,
    TASK_CREATED,
    TASK_DISPATCHED,
    TASK_REROUTED,
    TASK_ACKNOWLEDGED,
    TASK_ESCALATED,
    TASK_ARRIVED,
    ARRIVAL_OVERDUE,
    TASK_DONE,
    TASK_CANCELLED,
    STATUS_CHANGED
  }
}
