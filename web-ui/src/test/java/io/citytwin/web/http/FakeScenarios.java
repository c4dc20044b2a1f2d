package io.citytwin.web.http;

import io.citytwin.twin.vertx.SimAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * Stands in for the scenario verticle: consumers on every request address of {@link SimAddresses}
 * that answer from memory as the contract says (shapes, failure codes: 400 naming the field, 404,
 * 409 while a drill runs or before its report exists), and record each request. Frames are
 * published by the tests with {@link #publishFrame}.
 */
final class FakeScenarios extends FakeService {
  /** The built-in scenarios, as listed. */
  final List<JsonObject> scenarios = new ArrayList<>();
  /** Drills by id. */
  final Map<String, JsonObject> drills = new ConcurrentHashMap<>();
  /** Forecasts by id. */
  final Map<String, JsonObject> forecasts = new ConcurrentHashMap<>();
  /** Scenario types the fake refuses to drill (as the verticle refuses an epidemic). */
  static final List<String> NOT_DRILLABLE = List.of("epidemic");
  private int started;

  /** Testville's built-ins: a fire drill at building w3, a flood forecast for the east district, an epidemic. */
  static FakeScenarios testville() {
    FakeScenarios fake = new FakeScenarios();
    fake.scenarios.add(scenario("testville-fire-drill", "Fire in building w3", "building_fire", "drill", "PT30M", "PT1M",
        new JsonObject().put("building", "w3")));
    fake.scenarios.add(scenario("testville-flood", "River flood in Testville East", "flood", "forecast", "PT6H", "PT5M",
        new JsonObject().put("district", "T-E")));
    fake.scenarios.add(scenario("testville-epidemic", "Influenza season", "epidemic", "forecast", "P90D", "P1D",
        new JsonObject().put("district", "T-W")));
    return fake;
  }

  static JsonObject scenario(String id, String name, String type, String mode, String duration, String step,
      JsonObject location) {
    return new JsonObject().put("id", id).put("name", name).put("type", type).put("mode", mode)
        .put("duration", duration).put("step", step).put("location", location);
  }

  /** A drill in the contract's shape. */
  static JsonObject drill(String id, JsonObject scenario, String status, Instant startedAt, double speed, int step, int steps) {
    long runSeconds = (long) Math.ceil(Duration.parse(scenario.getString("duration", "PT30M")).toSeconds() / speed);
    return new JsonObject().put("id", id)
        .put("scenario", new JsonObject().put("id", scenario.getString("id")).put("name", scenario.getString("name"))
            .put("type", scenario.getString("type")))
        .put("status", status).put("startedAt", startedAt.toString())
        .put("endsAt", startedAt.plusSeconds(runSeconds).toString())
        .put("speed", speed).put("step", step).put("steps", steps).put("exercise", true).put("incidents", new JsonArray());
  }

  /**
   * A score: one fire incident detected after {@code timeToDetect}, four tasks of which three were
   * acknowledged within their SLA (EMS late), two arrivals of which one in time, one escalation.
   */
  static JsonObject score(Double timeToDetectSeconds) {
    JsonObject agencies = new JsonObject()
        .put("fire", agency(2, 2, 2, 45.0, 60.0))
        .put("ems", agency(1, 1, 0, 185.0, 185.0))
        .put("police", agency(1, 1, 1, 30.0, 30.0));
    return new JsonObject().put("timeToDetectSeconds", timeToDetectSeconds).put("incidents", 1).put("tasks", 4)
        .put("tasksAcknowledged", 4).put("tasksWithinAckSla", 3).put("tasksArrived", 2).put("tasksWithinArrivalSla", 1)
        .put("agencies", agencies).put("escalations", 1);
  }

  static JsonObject agency(int tasks, int acknowledged, int withinSla, Double meanAck, Double maxAck) {
    return new JsonObject().put("tasks", tasks).put("acknowledged", acknowledged).put("withinSla", withinSla)
        .put("meanAckSeconds", meanAck).put("maxAckSeconds", maxAck);
  }

  /** A drill as it is once scored. */
  FakeScenarios finish(String drillId, JsonObject score, Instant at) {
    JsonObject d = drills.get(drillId);
    d.put("status", "finished").put("finishedAt", at.toString()).put("step", d.getInteger("steps"))
        .put("score", score).put("incidents", new JsonArray().add("INC-X"));
    return this;
  }

  FakeScenarios add(JsonObject drill) {
    drills.put(drill.getString("id"), drill);
    return this;
  }

  /** A {@code sim-frame} as the verticle publishes it. */
  static JsonObject frame(String drillId, int step, int steps, Instant time, JsonObject metrics, JsonObject... footprints) {
    JsonArray features = new JsonArray();
    for (JsonObject f : footprints) {
      features.add(f);
    }
    return new JsonObject().put("type", "sim-frame").put("drillId", drillId).put("exercise", true).put("step", step)
        .put("steps", steps).put("time", time.toString()).put("metrics", metrics)
        .put("footprints", new JsonObject().put("type", "FeatureCollection").put("features", features));
  }

  static JsonObject footprint(String name, JsonObject geometry) {
    return new JsonObject().put("type", "Feature").put("properties", new JsonObject().put("name", name)).put("geometry", geometry);
  }

  static void publishFrame(Vertx vertx, JsonObject frame) {
    vertx.eventBus().publish(SimAddresses.FRAMES, frame);
  }

  static String markdownReport(String id) {
    return "# After-action report: drill " + id + "\n\n| metric | value |\n|---|---|\n| time to detect | 2:05 |\n";
  }

  static String htmlReport(String id) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>After-action report " + id
        + "</title></head><body><h1>After-action report: drill " + id + "</h1><p>Time to detect: 2:05</p></body></html>\n";
  }

  // ---- consumers -------------------------------------------------------------------------------

  @Override
  Future<Void> register(Vertx vertx) {
    List<Future<Void>> done = new ArrayList<>();
    done.add(on(vertx, SimAddresses.SCENARIOS, m -> m.reply(new JsonObject().put("scenarios", new JsonArray(new ArrayList<>(scenarios))))));
    done.add(on(vertx, SimAddresses.START_DRILL, this::start));
    done.add(on(vertx, SimAddresses.DRILL, m -> known(m, (String) m.body(), d -> m.reply(d.copy()))));
    done.add(on(vertx, SimAddresses.DRILLS, m -> m.reply(new JsonObject().put("drills", newestFirst()))));
    done.add(on(vertx, SimAddresses.REPORT, this::report));
    done.add(on(vertx, SimAddresses.START_FORECAST, this::startForecast));
    done.add(on(vertx, SimAddresses.FORECAST, m -> {
      JsonObject f = forecasts.get((String) m.body());
      if (f == null) {
        m.fail(404, "no forecast '" + m.body() + "'");
      } else {
        m.reply(f.copy());
      }
    }));
    done.add(on(vertx, SimAddresses.FORECASTS, m -> m.reply(new JsonObject().put("forecasts", new JsonArray(new ArrayList<>(forecasts.values()))))));
    return Future.all(done).mapEmpty();
  }

  private JsonArray newestFirst() {
    JsonArray out = new JsonArray();
    drills.values().stream().sorted(Comparator.comparing((JsonObject d) -> d.getString("startedAt")).reversed())
        .forEach(d -> out.add(d.copy()));
    return out;
  }

  private void known(Message<Object> m, String id, java.util.function.Consumer<JsonObject> then) {
    JsonObject drill = drills.get(id);
    if (drill == null) {
      m.fail(404, "unknown drill '" + id + "'");
    } else {
      then.accept(drill);
    }
  }

  private void start(Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    Object s = q.getValue("scenario");
    JsonObject scenario;
    if (s instanceof String id) {
      scenario = scenarios.stream().filter(sc -> sc.getString("id").equals(id)).findFirst().orElse(null);
      if (scenario == null) {
        m.fail(400, "scenario: no built-in scenario '" + id + "'");
        return;
      }
    } else {
      scenario = (JsonObject) s;
      if (scenario.getString("type") == null) {
        m.fail(400, "scenario.type: missing; expected one of chemical_release, flood, building_fire, traffic_incident,"
            + " evacuation, epidemic");
        return;
      }
      scenario = scenario.copy().put("id", scenario.getString("id", "posted")).put("name", scenario.getString("name", "Posted scenario"));
    }
    if (NOT_DRILLABLE.contains(scenario.getString("type"))) {
      m.fail(400, "scenario " + scenario.getString("id") + ": type " + scenario.getString("type") + " cannot be drilled");
      return;
    }
    JsonObject running = drills.values().stream()
        .filter(d -> List.of("running", "scoring").contains(d.getString("status"))).findFirst().orElse(null);
    if (running != null) {
      m.fail(409, "drill " + running.getString("id") + " is running; one drill at a time");
      return;
    }
    String id = "DRILL-" + (++started);
    Duration step = Duration.parse(scenario.getString("step", "PT1M"));
    int steps = (int) (Duration.parse(scenario.getString("duration", "PT30M")).toSeconds() / step.toSeconds());
    JsonObject drill = drill(id, scenario, "running", Instant.now(), q.getDouble("speed", 60.0), 0, steps);
    add(drill);
    m.reply(drill.copy());
  }

  /**
   * A forecast of a built-in scenario (its steps from duration and step), or a what-if for an
   * incident (18 steps of a building fire); running until {@link #finishForecast}.
   */
  private void startForecast(Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    if (forecasts.values().stream().anyMatch(f -> f.getString("status").equals("running"))) {
      m.fail(409, "a forecast is running");
      return;
    }
    JsonObject scenario;
    int steps = 18;
    if (q.containsKey("scenario")) {
      scenario = scenarios.stream().filter(sc -> sc.getString("id").equals(q.getString("scenario"))).findFirst().orElse(null);
      if (scenario == null) {
        m.fail(400, "scenario: no built-in scenario '" + q.getString("scenario") + "'");
        return;
      }
      steps = (int) (Duration.parse(scenario.getString("duration")).toSeconds()
          / Duration.parse(scenario.getString("step")).toSeconds());
      scenario = new JsonObject().put("id", scenario.getString("id")).put("name", scenario.getString("name"))
          .put("type", scenario.getString("type"));
    } else {
      scenario = new JsonObject().put("id", "whatif-" + q.getString("incident")).put("name", "What-if: fire")
          .put("type", "building_fire");
    }
    String id = "FC-" + (forecasts.size() + 1);
    JsonObject f = new JsonObject().put("id", id).put("scenario", scenario)
        .put("status", "running").put("startedAt", Instant.now().toString()).put("step", 0).put("steps", steps)
        .put("basis", new JsonArray()).put("outputs", "/data/forecasts/" + id);
    forecasts.put(id, f);
    m.reply(f.copy());
  }

  /** The forecast as it is once it stopped after {@code steps} steps. */
  FakeScenarios finishForecast(String id, int steps, String outcome) {
    forecasts.get(id).put("status", "finished").put("step", steps).put("finishedAt", Instant.now().toString())
        .put("summary", new JsonObject().put("outcome", outcome));
    return this;
  }

  /** A {@code forecast-frame} as the verticle publishes it. */
  static JsonObject forecastFrame(String forecastId, int step, int steps, Instant time, JsonObject... footprints) {
    JsonObject f = frame(forecastId, step, steps, time, new JsonObject(), footprints).put("type", "forecast-frame")
        .put("forecastId", forecastId).put("exercise", false);
    f.remove("drillId");
    return f;
  }

  private void report(Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    known(m, q.getString("id"), d -> {
      if (!d.getString("status").equals("finished")) {
        m.fail(409, "drill " + d.getString("id") + " is " + d.getString("status") + "; its report is written when it has finished");
        return;
      }
      switch (q.getString("format")) {
        case "json" -> m.reply(new JsonObject().put("drill", d.copy()).put("timeline", new JsonArray()).encodePrettily());
        case "markdown" -> m.reply(markdownReport(d.getString("id")));
        case "html" -> m.reply(htmlReport(d.getString("id")));
        default -> m.fail(400, "format: unknown '" + q.getString("format") + "'");
      }
    });
  }
}
