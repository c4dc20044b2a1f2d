package io.citytwin.web.incidents;

import io.citytwin.twin.agency.Agency;
import java.util.Objects;

/**
 * An agency's acknowledgement of a task, received over REST.
 *
 * @param agency the acknowledging agency, or null to leave the check to the task's own agency
 * @param by who acknowledged (free text, e.g. a duty officer's call sign), or null
 */
public record Acknowledgement(String incidentId, String taskId, Agency agency, String by) {
  public Acknowledgement {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(taskId, "taskId");
  }
}
