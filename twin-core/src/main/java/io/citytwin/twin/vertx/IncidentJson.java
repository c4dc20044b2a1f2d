package io.citytwin.twin.vertx;

import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TimelineEntry;
import io.citytwin.twin.layer.GeoJsonWriter;
import io.citytwin.twin.rule.Evidence;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import org.locationtech.jts.geom.Point;

/** JSON shapes of {@link IncidentAddresses}: incidents, tasks, timeline. */
final class IncidentJson {
  private IncidentJson() {}

  static String time(long millis) {
    return millis < 0 ? null : Instant.ofEpochMilli(millis).toString();
  }

  static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** The incident; {@code full} adds evidence and timeline (after-action review). */
  static JsonObject incident(Incident i, boolean full) {
    JsonArray tasks = new JsonArray();
    i.tasks().values().forEach(t -> tasks.add(task(i, t)));
    JsonObject json = summary(i)
        .put("placeKey", i.placeKey())
        .put("area", i.area().isEmpty() ? null : new JsonObject(GeoJsonWriter.geometry(i.area())))
        .put("openedAt", time(i.openedAtMillis()))
        .put("updatedAt", time(i.updatedAtMillis()))
        .put("alarmCount", i.alarmCount())
        .put("source", i.source().kind().code() + ":" + i.source().ref())
        .put("tasks", tasks);
    if (full) {
      JsonArray evidence = new JsonArray();
      for (Evidence e : i.evidence()) {
        evidence.add(new JsonObject().put("sensorId", e.sensorId()).put("quantity", e.quantity().canonicalName())
            .put("value", e.value()).put("ts", time(e.timestampMillis())));
      }
      JsonArray timeline = new JsonArray();
      for (TimelineEntry t : i.timeline()) {
        JsonObject entry = new JsonObject().put("at", time(t.atMillis())).put("kind", code(t.kind())).put("text", t.text());
        if (t.taskId() != null && !t.taskId().isEmpty()) {
          entry.put("taskId", t.taskId());
          i.task(t.taskId()).ifPresent(task -> entry.put("agency", task.spec().agency().code()));
        }
        timeline.add(entry);
      }
      json.put("evidence", evidence).put("timeline", timeline);
    }
    return json;
  }

  /** What a task message says about its incident. */
  static JsonObject summary(Incident i) {
    JsonArray centroid = null;
    if (!i.area().isEmpty()) {
      Point c = i.area().getCentroid();
      centroid = new JsonArray().add(c.getX()).add(c.getY());
    }
    return new JsonObject()
        .put("id", i.id())
        .put("type", i.type().code())
        .put("severity", i.severity().code())
        .put("status", i.status().code())
        .put("title", i.title())
        .put("exercise", i.exercise())
        .put("centroid", centroid);
  }

  static JsonObject task(Incident i, Task t) {
    JsonObject json = new JsonObject()
        .put("id", t.id())
        .put("incidentId", i.id())
        .put("agency", t.spec().agency().code())
        .put("action", t.spec().action())
        .put("status", code(t.status()))
        .put("onSite", t.spec().onSite())
        .put("createdAt", time(t.createdAtMillis()))
        .put("ackDueAt", time(t.ackDeadlineMillis()))
        .put("arriveDueAt", t.arrivalDeadlineMillis().isPresent() ? time(t.arrivalDeadlineMillis().getAsLong()) : null)
        .put("arrivedAt", time(t.arrivedAtMillis()))
        .put("escalationLevel", t.escalationLevel())
        .put("arrivalOverdue", t.arrivalOverdue());
    if (t.ack() != null) {
      json.put("ackedAt", time(t.ack().atMillis())).put("ackedBy", t.ack().by()).put("ackChannel", code(t.ack().channel()));
    }
    Assignment a = t.assignment();
    if (a != null) {
      json.put("unit", new JsonObject().put("id", a.unitId()).put("base", a.baseId()).put("name", a.baseName()))
          .put("etaSeconds", Math.max(0, (a.etaMillis() - a.plannedAtMillis()) / 1000.0))
          .put("eta", time(a.etaMillis()))
          .put("routeLengthM", Math.round(a.route().lengthM()))
          .put("route", a.route().geometry().isEmpty() ? null : new JsonObject(GeoJsonWriter.geometry(a.route().geometry())));
    }
    return json;
  }
}
