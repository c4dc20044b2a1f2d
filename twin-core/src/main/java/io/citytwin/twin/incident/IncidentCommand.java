package io.citytwin.twin.incident;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.rule.Alarm;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A request to change the incident book, decided by the linked-disposal engine
 * ({@code io.citytwin.twin.disposal.Disposal#decide}) into events or a rejection. Times are
 * epoch milliseconds set by the adapter that received the request (the platform clock), except
 * {@link Raise}, which uses the alarm's time.
 */
public sealed interface IncidentCommand {

  /** When the command takes effect. */
  long atMillis();

  /** An alarm from the rules engine, or an imported warning (with a CAP source). */
  record Raise(Alarm alarm, IncidentSource source) implements IncidentCommand {
    public Raise {
      Objects.requireNonNull(alarm, "alarm");
      Objects.requireNonNull(source, "source");
    }

    /** An alarm of a rule of this platform. */
    public static Raise of(Alarm alarm) {
      return new Raise(alarm, IncidentSource.rule(alarm.ruleId()));
    }

    @Override
    public long atMillis() {
      return alarm.atMillis();
    }
  }

  /** An agency confirms a task. Repeating an accepted acknowledgement changes nothing. */
  record AcknowledgeTask(
      String incidentId, String taskId, Agency agency, String by, Channel channel, long atMillis)
      implements IncidentCommand {}

  /** The task's unit reports on site. */
  record MarkArrived(String incidentId, String taskId, String by, long atMillis)
      implements IncidentCommand {}

  /** The agency reports its task done. */
  record CompleteTask(String incidentId, String taskId, String by, String note, long atMillis)
      implements IncidentCommand {}

  /** The emergency is over; open tasks are cancelled. */
  record Resolve(String incidentId, String by, String note, long atMillis)
      implements IncidentCommand {}

  /** After-action review done; the incident is archived. */
  record Close(String incidentId, String by, String note, long atMillis)
      implements IncidentCommand {}

  /** A false alarm or duplicate: withdrawn with its open tasks. */
  record Cancel(String incidentId, String by, String reason, long atMillis)
      implements IncidentCommand {}

  /** A new footprint for the incident (e.g. from a hazard model), closing roads anew. */
  record UpdateArea(String incidentId, Geometry area, String reason, long atMillis)
      implements IncidentCommand {}

  /** The clock advanced: escalate overdue tasks and retry tasks waiting for a unit. */
  record Tick(long atMillis) implements IncidentCommand {}
}
