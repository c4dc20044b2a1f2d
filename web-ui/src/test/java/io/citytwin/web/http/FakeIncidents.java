package io.citytwin.web.http;

import io.citytwin.twin.cap.CapAlert;
import io.citytwin.twin.cap.CapFormatException;
import io.citytwin.twin.cap.CapParseResult;
import io.citytwin.twin.cap.CapParser;
import io.citytwin.twin.cap.CapProblem;
import io.citytwin.twin.cap.CapStatus;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.web.incidents.IncidentCodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the incidents verticle: consumers on every request address of {@link
 * IncidentAddresses} that answer from memory as the contract says (shapes, failure codes), publish
 * {@code incident} and {@code task} events on changes, and record each request. CAP imports are
 * validated with the real {@link CapParser}.
 */
final class FakeIncidents extends FakeService {
  /** Full incidents (with timeline and evidence) by id. */
  final Map<String, JsonObject> incidents = new ConcurrentHashMap<>();
  /** Whether acknowledgements and transitions publish their events, as the real verticle does. */
  volatile boolean publishChanges = true;
  private int imported;

  FakeIncidents add(JsonObject incident) {
    incidents.put(incident.getString("id"), incident);
    return this;
  }

  // ---- shapes of the contract --------------------------------------------------------------------

  /** A full incident; tasks are added with {@link #withTask}. */
  static JsonObject incident(String id, String type, String severity, String status, String title,
      JsonObject area, double lon, double lat, Instant openedAt, boolean exercise) {
    return new JsonObject().put("id", id).put("type", type).put("severity", severity).put("status", status)
        .put("title", title).put("placeKey", "place/" + id).put("area", area)
        .put("centroid", new JsonArray().add(lon).add(lat))
        .put("openedAt", openedAt.toString()).put("updatedAt", openedAt.toString())
        .put("alarmCount", 1).put("exercise", exercise).put("source", "rule:test")
        .put("evidence", new JsonArray()).put("tasks", new JsonArray())
        .put("timeline", new JsonArray().add(entry(openedAt, "opened", title, null, null)));
  }

  static JsonObject task(String id, String incidentId, String agency, String action, String status,
      Instant createdAt, Duration ackSla, Duration arriveSla) {
    return new JsonObject().put("id", id).put("incidentId", incidentId).put("agency", agency).put("action", action)
        .put("status", status).put("onSite", arriveSla != null).put("createdAt", createdAt.toString())
        .put("ackDueAt", createdAt.plus(ackSla).toString())
        .put("arriveDueAt", arriveSla == null ? null : createdAt.plus(arriveSla).toString())
        .put("escalationLevel", 0);
  }

  static JsonObject withTask(JsonObject incident, JsonObject task) {
    incident.getJsonArray("tasks").add(task);
    incident.getJsonArray("timeline").add(entry(Instant.parse(task.getString("createdAt")), "dispatched",
        task.getString("action") + " sent to " + task.getString("agency"), task.getString("agency"), task.getString("id")));
    return incident;
  }

  static JsonObject entry(Instant at, String kind, String text, String agency, String taskId) {
    JsonObject e = new JsonObject().put("at", at.toString()).put("kind", kind).put("text", text);
    if (agency != null) {
      e.put("agency", agency);
    }
    if (taskId != null) {
      e.put("taskId", taskId);
    }
    return e;
  }

  static JsonObject polygon(double... lonLat) {
    JsonArray ring = new JsonArray();
    for (int i = 0; i < lonLat.length; i += 2) {
      ring.add(new JsonArray().add(lonLat[i]).add(lonLat[i + 1]));
    }
    return new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring));
  }

  static JsonObject point(double lon, double lat) {
    return new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat));
  }

  static JsonObject line(double... lonLat) {
    JsonArray coordinates = new JsonArray();
    for (int i = 0; i < lonLat.length; i += 2) {
      coordinates.add(new JsonArray().add(lonLat[i]).add(lonLat[i + 1]));
    }
    return new JsonObject().put("type", "LineString").put("coordinates", coordinates);
  }

  /**
   * Testville's fire in building/w3 ({@code INC-1}, four tasks: the fire brigade dispatched from
   * Caserne Est with its route, EMS pending and escalated to the duty supervisor, police
   * acknowledged over MQTT, traffic pending) and a closed gas leak of the day before ({@code
   * INC-0}).
   */
  static FakeIncidents testville(Instant now) {
    Instant opened = now.minus(Duration.ofMinutes(4));
    JsonObject fire = incident("INC-1", "fire", "severe", "dispatched", "Fire: smoke at 2 detectors in building/w3",
        polygon(7.425, 43.725, 7.426, 43.725, 7.426, 43.726, 7.425, 43.726, 7.425, 43.725), 7.4255, 43.7255, opened, false)
        .put("alarmCount", 2);
    JsonObject engine = task("T-1", "INC-1", "fire", "suppress", "dispatched", opened, Duration.ofMinutes(10), Duration.ofMinutes(15))
        .put("unit", new JsonObject().put("id", "FIRE-E1").put("base", "poi/n11").put("name", "Caserne Est engine 1"))
        .put("etaSeconds", 250).put("route", line(7.43, 43.725, 7.43, 43.73, 7.426, 43.7255));
    JsonObject ems = task("T-2", "INC-1", "ems", "stand_by", "pending", opened, Duration.ofMinutes(2), Duration.ofMinutes(12))
        .put("escalationLevel", 1);
    JsonObject police = task("T-3", "INC-1", "police", "cordon", "acknowledged", opened, Duration.ofMinutes(5), Duration.ofMinutes(12))
        .put("ackedAt", opened.plusSeconds(40).toString()).put("ackedBy", "PC Martin").put("ackChannel", "mqtt");
    JsonObject traffic = task("T-4", "INC-1", "traffic", "close_roads", "pending", opened, Duration.ofMinutes(10), null);
    for (JsonObject t : List.of(engine, ems, police, traffic)) {
      withTask(fire, t);
    }
    fire.getJsonArray("timeline").add(entry(opened.plusSeconds(40), "acknowledged", "police acknowledged cordon", "police", "T-3"))
        .add(entry(opened.plusSeconds(120), "escalated", "ems stand_by not acknowledged: escalated to the duty supervisor", "ems", "T-2"));
    fire.getJsonArray("evidence").add(new JsonObject().put("sensorId", "sm-1").put("quantity", "smoke").put("value", 0.4)
        .put("ts", opened.toString()));
    Instant yesterday = now.minus(Duration.ofDays(1));
    JsonObject gas = incident("INC-0", "gas_leak", "moderate", "closed", "Gas leak at Rue Une", point(7.43, 43.735),
        7.43, 43.735, yesterday, false);
    withTask(gas, task("T-9", "INC-0", "utilities", "cut_gas", "done", yesterday, Duration.ofMinutes(5), Duration.ofMinutes(20)));
    return new FakeIncidents().add(fire).add(gas);
  }

  /** A drill: a flood warning by the East water gauge ({@code INC-X}, open, one traffic task). */
  static JsonObject floodDrill(Instant now) {
    JsonObject drill = incident("INC-X", "flood", "moderate", "open", "DRILL: water level rising at wl-e1",
        point(7.439, 43.7255), 7.439, 43.7255, now.minus(Duration.ofMinutes(1)), true);
    return withTask(drill, task("T-X1", "INC-X", "traffic", "divert", "pending", now.minus(Duration.ofMinutes(1)),
        Duration.ofMinutes(10), null));
  }

  /** What a list and the hello carry of an incident: everything but timeline and evidence. */
  static JsonObject summary(JsonObject incident) {
    JsonObject s = incident.copy();
    s.remove("timeline");
    s.remove("evidence");
    return s;
  }

  /** The {@code incident} member of a task event. */
  static JsonObject brief(JsonObject incident) {
    return new JsonObject().put("id", incident.getString("id")).put("type", incident.getString("type"))
        .put("severity", incident.getString("severity")).put("title", incident.getString("title"))
        .put("exercise", incident.getBoolean("exercise")).put("centroid", incident.getJsonArray("centroid"));
  }

  static String capOf(String id) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
        + "<identifier>citytwin-" + id + "</identifier><status>Actual</status></alert>\n";
  }

  /** Publishes an {@code incident} event as the verticle does. */
  static void publishIncident(Vertx vertx, String change, JsonObject incident) {
    vertx.eventBus().publish(IncidentAddresses.EVENTS,
        new JsonObject().put("type", "incident").put("change", change).put("incident", summary(incident)));
  }

  /** Publishes a {@code task} event as the verticle does. */
  static void publishTask(Vertx vertx, String change, JsonObject task, JsonObject incident) {
    vertx.eventBus().publish(IncidentAddresses.TASKS,
        new JsonObject().put("type", "task").put("change", change).put("task", task.copy()).put("incident", brief(incident)));
  }

  /** The task of an incident held here. */
  JsonObject task(String incidentId, String taskId) {
    for (Object o : incidents.get(incidentId).getJsonArray("tasks")) {
      if (((JsonObject) o).getString("id").equals(taskId)) {
        return (JsonObject) o;
      }
    }
    throw new IllegalArgumentException("no task " + taskId);
  }

  // ---- consumers -------------------------------------------------------------------------------

  @Override
  Future<Void> register(Vertx vertx) {
    List<Future<Void>> done = new ArrayList<>();
    done.add(on(vertx, IncidentAddresses.LIST, this::list));
    done.add(on(vertx, IncidentAddresses.GET, m -> known(m, (String) m.body(), i -> m.reply(i.copy()))));
    done.add(on(vertx, IncidentAddresses.CAP, m -> known(m, (String) m.body(), i -> m.reply(capOf(i.getString("id"))))));
    done.add(on(vertx, IncidentAddresses.FEED, m -> m.reply(feed(((JsonObject) m.body()).getString("baseUrl")))));
    done.add(on(vertx, IncidentAddresses.ACK, m -> acknowledge(vertx, m)));
    done.add(on(vertx, IncidentAddresses.RESOLVE, m -> transition(vertx, m, "resolved")));
    done.add(on(vertx, IncidentAddresses.CLOSE, m -> transition(vertx, m, "closed")));
    done.add(on(vertx, IncidentAddresses.IMPORT_CAP, this::importCap));
    return Future.all(done).mapEmpty();
  }

  private void known(Message<Object> m, String id, java.util.function.Consumer<JsonObject> then) {
    JsonObject incident = incidents.get(id);
    if (incident == null) {
      m.fail(404, "unknown incident '" + id + "'");
    } else {
      then.accept(incident);
    }
  }

  private void list(Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    JsonArray out = new JsonArray();
    incidents.values().stream()
        .filter(i -> q.getString("status") == null || q.getString("status").equals(i.getString("status")))
        .filter(i -> q.getString("type") == null || q.getString("type").equals(i.getString("type")))
        .filter(i -> q.getBoolean("exercise") == null || q.getBoolean("exercise").equals(i.getBoolean("exercise")))
        .filter(i -> q.getBoolean("active") == null
            || q.getBoolean("active") == IncidentCodes.isActive(i.getString("status")))
        .sorted(Comparator.comparing((JsonObject i) -> i.getString("openedAt")).reversed())
        .forEach(i -> out.add(summary(i)));
    m.reply(new JsonObject().put("incidents", out));
  }

  private String feed(String baseUrl) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">");
    incidents.values().stream().filter(i -> IncidentCodes.isActive(i.getString("status"))).map(i -> i.getString("id")).sorted()
        .forEach(id -> xml.append("<entry><id>").append(id).append("</id><link type=\"application/cap+xml\" href=\"")
            .append(baseUrl).append("/api/incidents/").append(id).append("/cap\"/></entry>"));
    return xml.append("</feed>\n").toString();
  }

  private void acknowledge(Vertx vertx, Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    known(m, q.getString("incidentId"), incident -> {
      JsonObject task = incident.getJsonArray("tasks").stream().map(JsonObject.class::cast)
          .filter(t -> t.getString("id").equals(q.getString("taskId"))).findFirst().orElse(null);
      if (task == null) {
        m.fail(404, "incident " + incident.getString("id") + " has no task '" + q.getString("taskId") + "'");
        return;
      }
      String agency = q.getString("agency");
      if (agency != null && !agency.equals(task.getString("agency"))) {
        m.fail(409, "task " + task.getString("id") + " belongs to " + task.getString("agency") + ", not " + agency);
        return;
      }
      if (task.getString("status").equals("cancelled")) {
        m.fail(409, "task " + task.getString("id") + " is cancelled");
        return;
      }
      if (IncidentCodes.AWAITING_ACK.contains(task.getString("status"))) {
        Instant now = Instant.now();
        task.put("status", "acknowledged").put("ackedAt", now.toString()).put("ackedBy", q.getString("by"))
            .put("ackChannel", q.getString("channel"));
        incident.getJsonArray("timeline").add(entry(now, "acknowledged",
            task.getString("agency") + " acknowledged " + task.getString("action"), task.getString("agency"), task.getString("id")));
        if (publishChanges) {
          publishTask(vertx, "acknowledged", task, incident);
        }
      }
      m.reply(task.copy());
    });
  }

  private void transition(Vertx vertx, Message<Object> m, String to) {
    JsonObject q = (JsonObject) m.body();
    known(m, q.getString("incidentId"), incident -> {
      String from = incident.getString("status");
      boolean legal = to.equals("resolved") ? IncidentCodes.isActive(from) : from.equals("resolved");
      if (!legal) {
        m.fail(409, "incident " + incident.getString("id") + " is " + from + "; it cannot become " + to);
        return;
      }
      Instant now = Instant.now();
      incident.put("status", to).put("updatedAt", now.toString());
      String note = q.getString("note");
      incident.getJsonArray("timeline").add(entry(now, to,
          to + (q.getString("by") == null ? "" : " by " + q.getString("by")) + (note == null ? "" : ": " + note), null, null));
      if (publishChanges) {
        publishIncident(vertx, to, incident);
      }
      m.reply(incident.copy());
    });
  }

  private void importCap(Message<Object> m) {
    CapParseResult result;
    try {
      result = new CapParser().parse(((Buffer) m.body()).getBytes(), "POST /api/cap");
    } catch (CapFormatException e) {
      m.fail(400, e.getMessage());
      return;
    }
    if (!result.isValid()) {
      m.fail(400, result.rejectionReason());
      return;
    }
    CapAlert alert = result.alert().orElseThrow();
    JsonArray ids = new JsonArray();
    if (!alert.infos().isEmpty()) {
      String id = "INC-CAP-" + (++imported);
      add(incident(id, "external_warning", "severe", "open", alert.infos().get(0).event(), point(7.42, 43.73),
          7.42, 43.73, Instant.now(), alert.status() == CapStatus.EXERCISE));
      ids.add(id);
    }
    JsonArray problems = new JsonArray();
    result.warnings().stream().map(CapProblem::toString).forEach(problems::add);
    if (ids.isEmpty()) {
      problems.add("the alert has no info block: nothing to import");
    }
    m.reply(new JsonObject().put("incidents", ids).put("problems", problems));
  }
}
