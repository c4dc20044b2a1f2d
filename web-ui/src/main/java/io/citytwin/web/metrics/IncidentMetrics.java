package io.citytwin.web.metrics;

import io.citytwin.twin.agency.Agency;
import io.citytwin.web.incidents.IncidentCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The incident families of {@code /metrics}, from one {@code citytwin.incidents.list} reply of every
 * incident ({@code IncidentAddresses} shapes). Pure: no I/O.
 *
 * <ul>
 *   <li>{@code citytwin_incidents{type,status,exercise}}: incidents known to the twin, by type,
 *       status and whether they are drills; only combinations that occur
 *   <li>{@code citytwin_incidents_active{exercise}}: incidents still being responded to (open,
 *       dispatched, in progress); both series always present, so "no active incident" reads 0
 *   <li>{@code citytwin_tasks{agency,status}}: tasks of every incident by agency and status; only
 *       combinations that occur
 *   <li>{@code citytwin_tasks_escalated{agency,level}}: tasks of active incidents still awaiting
 *       their agency's acknowledgement that have escalated (level 1 duty supervisor, 2
 *       operations-centre commander); every agency and level always present
 * </ul>
 *
 * A list that did not arrive is reported by {@code citytwin_scrape_source_up{source="incidents"} 0}
 * and no incident samples.
 */
public final class IncidentMetrics {
  private IncidentMetrics() {}

  /** @param incidents the {@code incidents} of a list reply for every incident, or null when it failed */
  public static void write(PrometheusText text, JsonArray incidents) {
    TelemetryMetrics.sourceUp(text, "incidents", incidents != null);
    if (incidents == null) {
      return;
    }
    Map<List<String>, Integer> byKind = new TreeMap<>(IncidentMetrics::compare);
    Map<String, Integer> active = new LinkedHashMap<>();
    active.put("false", 0);
    active.put("true", 0);
    Map<List<String>, Integer> tasks = new TreeMap<>(IncidentMetrics::compare);
    Map<List<String>, Integer> escalated = new TreeMap<>(IncidentMetrics::compare);
    for (Agency a : Agency.values()) {
      escalated.put(List.of(a.code(), "1"), 0);
      escalated.put(List.of(a.code(), "2"), 0);
    }
    for (Object o : incidents) {
      if (!(o instanceof JsonObject incident)) {
        continue;
      }
      String status = String.valueOf(incident.getValue("status"));
      String exercise = String.valueOf(Boolean.TRUE.equals(incident.getValue("exercise")));
      byKind.merge(List.of(String.valueOf(incident.getValue("type")), status, exercise), 1, Integer::sum);
      boolean isActive = IncidentCodes.isActive(status);
      if (isActive) {
        active.merge(exercise, 1, Integer::sum);
      }
      for (Object t : incident.getJsonArray("tasks", new JsonArray())) {
        if (t instanceof JsonObject task) {
          String agency = String.valueOf(task.getValue("agency"));
          String taskStatus = String.valueOf(task.getValue("status"));
          tasks.merge(List.of(agency, taskStatus), 1, Integer::sum);
          int level = task.getValue("escalationLevel") instanceof Number n ? n.intValue() : 0;
          if (isActive && level > 0 && IncidentCodes.AWAITING_ACK.contains(taskStatus)) {
            escalated.merge(List.of(agency, String.valueOf(level)), 1, Integer::sum);
          }
        }
      }
    }
    PrometheusText.Family kinds = text.gauge("citytwin_incidents",
        "Incidents known to the twin by type, status and whether they are drills (exercise)");
    byKind.forEach((k, n) -> kinds.sample(n, "type", k.get(0), "status", k.get(1), "exercise", k.get(2)));
    PrometheusText.Family open = text.gauge("citytwin_incidents_active",
        "Incidents still being responded to (open, dispatched, in progress), drills apart");
    active.forEach((exercise, n) -> open.sample(n, "exercise", exercise));
    PrometheusText.Family byTask = text.gauge("citytwin_tasks", "Linked-disposal tasks by agency and status");
    tasks.forEach((k, n) -> byTask.sample(n, "agency", k.get(0), "status", k.get(1)));
    PrometheusText.Family esc = text.gauge("citytwin_tasks_escalated",
        "Tasks of active incidents not yet acknowledged that escalated, by agency and level"
            + " (1 duty supervisor, 2 operations-centre commander)");
    escalated.forEach((k, n) -> esc.sample(n, "agency", k.get(0), "level", k.get(1)));
  }

  /** Label tuples in a stable order, so consecutive scrapes list series alike. */
  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
