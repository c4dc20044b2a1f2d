package io.citytwin.twin.disposal;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import java.util.List;

/**
 * One tier of the response to a type of incident: the tasks added once the incident is at least
 * {@code minSeverity}. Tiers of a type are cumulative: a severe fire gets the tasks of the minor,
 * moderate and severe tiers.
 */
public record ResponsePlan(String id, IncidentType type, Severity minSeverity, List<TaskSpec> tasks) {
  public ResponsePlan {
    tasks = List.copyOf(tasks);
  }
}
