package io.citytwin.web.incidents;

import java.util.List;

/**
 * The status vocabulary of {@code io.citytwin.twin.vertx.IncidentAddresses} (incident and task
 * statuses as they appear in the JSON), in lifecycle order. Types, severities and agencies have
 * their own enums in twin-core ({@code IncidentType}, {@code Severity}, {@code Agency}).
 */
public final class IncidentCodes {
  private IncidentCodes() {}

  /** Every incident status. */
  public static final List<String> INCIDENT_STATUSES =
      List.of("open", "dispatched", "in_progress", "resolved", "closed", "cancelled");

  /** Incident statuses of an incident still being responded to (the contract's {@code active}). */
  public static final List<String> ACTIVE_STATUSES = List.of("open", "dispatched", "in_progress");

  /** Every task status. */
  public static final List<String> TASK_STATUSES = List.of(
      "pending", "dispatched", "acknowledged", "en_route", "arrived", "done", "cancelled");

  /** Task statuses of a task its agency has not acknowledged yet (so it can escalate). */
  public static final List<String> AWAITING_ACK = List.of("pending", "dispatched");

  public static boolean isActive(String incidentStatus) {
    return ACTIVE_STATUSES.contains(incidentStatus);
  }
}
