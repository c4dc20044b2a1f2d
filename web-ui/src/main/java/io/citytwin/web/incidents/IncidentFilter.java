package io.citytwin.web.incidents;

import io.citytwin.twin.incident.IncidentType;

/**
 * Which incidents to list; a null member matches every incident.
 *
 * @param status one of {@link IncidentCodes#INCIDENT_STATUSES}
 * @param active true: only {@link IncidentCodes#ACTIVE_STATUSES}; false: only the others
 * @param exercise true: only drills; false: only real incidents
 */
public record IncidentFilter(String status, IncidentType type, Boolean active, Boolean exercise) {
  /** Every incident. */
  public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null);
  /** The incidents still being responded to, drills included. */
  public static final IncidentFilter ACTIVE = new IncidentFilter(null, null, true, null);

  public IncidentFilter {
    if (status != null && !IncidentCodes.INCIDENT_STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown incident status '" + status + "'; expected one of "
          + String.join(", ", IncidentCodes.INCIDENT_STATUSES));
    }
  }
}
