package io.citytwin.twin.incident;

import io.citytwin.twin.rule.Evidence;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One incident: what, where, how bad, how far the response has got, and its history. Immutable;
 * changed only by applying events ({@link IncidentsState#apply}).
 *
 * @param id stable id {@code INC-yyyyMMdd-NNNN}: the UTC date it opened and the book's running
 *     number (at least four digits)
 * @param placeKey the place alarms are correlated by, a CIM entity id text (e.g. {@code
 *     building/w123})
 * @param area where, WGS84 (lon = x): the newest alarm's area or the last {@code UpdateArea}
 * @param evidence readings that raised and re-triggered it, oldest first, up to the book's cap
 * @param alarmCount alarms correlated into it, the opening one included
 * @param tasks by task id, in creation order
 * @param closedEdges road edges it closes to other traffic while active, ascending
 * @param timeline every step, in event order
 */
public record Incident(
    String id, IncidentType type, Severity severity, IncidentStatus status, String placeKey,
    Geometry area, String title, IncidentSource source, boolean exercise, List<Evidence> evidence,
    long alarmCount, long openedAtMillis, long updatedAtMillis, Map<String, Task> tasks,
    List<Integer> closedEdges, List<TimelineEntry> timeline) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(area, "area");
    evidence = List.copyOf(evidence);
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    closedEdges = List.copyOf(closedEdges);
    timeline = List.copyOf(timeline);
  }

  public Optional<Task> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId));
  }

  public boolean isActive() {
    return status.isActive();
  }
}
