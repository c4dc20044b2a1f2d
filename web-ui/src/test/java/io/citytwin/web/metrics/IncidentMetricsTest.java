package io.citytwin.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.web.push.PushStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The incident families of {@code /metrics}, read back with the independent exposition parser. */
class IncidentMetricsTest {

  private static JsonObject task(String agency, String status, int level) {
    return new JsonObject().put("id", agency + "-" + status).put("agency", agency).put("status", status)
        .put("escalationLevel", level);
  }

  private static JsonObject incident(String type, String status, boolean exercise, JsonObject... tasks) {
    return new JsonObject().put("id", type + "-" + status).put("type", type).put("status", status)
        .put("exercise", exercise).put("tasks", new JsonArray(java.util.List.of((Object[]) tasks)));
  }

  private static String scrape(JsonArray incidents) {
    PrometheusText text = new PrometheusText();
    TelemetryMetrics.write(text, null, null, new PushStats(0, 0, 0, 0));
    IncidentMetrics.write(text, incidents);
    return text.render();
  }

  @Test
  void countsIncidentsTasksAndUnacknowledgedEscalations() {
    JsonArray incidents = new JsonArray()
        .add(incident("fire", "dispatched", false,
            task("fire", "acknowledged", 0), task("ems", "pending", 1), task("police", "dispatched", 2),
            task("traffic", "pending", 0)))
        .add(incident("fire", "open", false, task("fire", "pending", 2)))
        .add(incident("flood", "open", true, task("traffic", "pending", 1)))
        // Escalated once, then acknowledged: no longer waiting on anyone.
        .add(incident("gas_leak", "in_progress", false, task("utilities", "acknowledged", 1)))
        // A closed incident's stale escalation is not a live one.
        .add(incident("gas_leak", "closed", false, task("utilities", "cancelled", 2)));
    Exposition e = Exposition.parse(scrape(incidents));

    assertThat(e.value("citytwin_scrape_source_up", "source", "incidents")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "fire", "status", "dispatched", "exercise", "false")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "fire", "status", "open", "exercise", "false")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "flood", "status", "open", "exercise", "true")).isEqualTo(1);
    assertThat(e.value("citytwin_incidents", "type", "gas_leak", "status", "closed", "exercise", "false")).isEqualTo(1);
    assertThat(e.samples("citytwin_incidents")).hasSize(5);
    assertThat(e.value("citytwin_incidents_active", "exercise", "false")).isEqualTo(3);
    assertThat(e.value("citytwin_incidents_active", "exercise", "true")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks", "agency", "traffic", "status", "pending")).isEqualTo(2);
    assertThat(e.value("citytwin_tasks", "agency", "fire", "status", "pending")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks", "agency", "utilities", "status", "cancelled")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "ems", "level", "1")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "police", "level", "2")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "fire", "level", "2")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "traffic", "level", "1")).isEqualTo(1);
    assertThat(e.value("citytwin_tasks_escalated", "agency", "utilities", "level", "1")).isZero();
    assertThat(e.value("citytwin_tasks_escalated", "agency", "utilities", "level", "2")).isZero();
    assertThat(e.samples("citytwin_tasks_escalated")).hasSize(12);
    assertThat(e.types).containsEntry("citytwin_incidents", "gauge").containsEntry("citytwin_tasks_escalated", "gauge");
    assertThat(e.help.get("citytwin_tasks_escalated")).contains("duty supervisor");
  }

  @Test
  void noIncidentsReadsZeroActiveAndNoEscalation() {
    Exposition e = Exposition.parse(scrape(new JsonArray()));
    assertThat(e.samples("citytwin_incidents")).isEmpty();
    assertThat(e.value("citytwin_incidents_active", "exercise", "false")).isZero();
    assertThat(e.value("citytwin_incidents_active", "exercise", "true")).isZero();
    assertThat(e.samples("citytwin_tasks_escalated")).allMatch(s -> s.value() == 0).hasSize(12);
  }

  @Test
  void anUnansweredListIsReportedDownWithoutMadeUpZeros() {
    Exposition e = Exposition.parse(scrape(null));
    assertThat(e.value("citytwin_scrape_source_up", "source", "incidents")).isZero();
    // The families share one block with the telemetry sources.
    assertThat(e.samples("citytwin_scrape_source_up")).hasSize(3);
    assertThat(e.samples).noneMatch(s -> s.name().startsWith("citytwin_incidents") || s.name().startsWith("citytwin_tasks"));
  }
}
