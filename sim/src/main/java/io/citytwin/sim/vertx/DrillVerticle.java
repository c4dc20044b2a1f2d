package io.citytwin.sim.vertx;

import io.citytwin.sim.drill.DrillReport;
import io.citytwin.sim.drill.DrillScore;
import io.citytwin.sim.drill.DrillSignals;
import io.citytwin.sim.drill.TelemetryPublisher;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.twin.vertx.SimAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs drills ({@link SimAddresses}): a drill-mode scenario is stepped in compressed real time;
 * each step's frame is published for the dashboard, and the registered sensors inside the hazard
 * report alarm-level readings through the real MQTT ingest path on drill topics, so rules,
 * incidents, tasks and alerts run exactly as in reality — marked as an exercise. After the last
 * step and a grace period for agencies to respond, the drill is scored from its exercise incidents.
 * One drill at a time. Model steps run on a worker; the event loop only schedules and publishes.
 */
public final class DrillVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(DrillVerticle.class);
  private static final long MIN_STEP_MS = 100;

  private final CitySnapshot city;
  private final Supplier<List<Sensor>> fleet;
  private final BiFunction<Scenario, CitySnapshot, SimulationModel> models;
  private final TelemetryPublisher publisher;
  private final List<String> builtIn;
  private final Clock clock;
  private final Map<String, Drill> drills = new LinkedHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private Drill running;
  private int counter;

  /** One drill's progress; mutated on the event loop only. */
  private static final class Drill {
    final String id;
    final Scenario scenario;
    final long speed;
    final long scoreAfterMs;
    final long startedAt;
    String status = "running";
    int step;
    long firstSignalAt = -1;
    long finishedAt = -1;
    DrillScore score;
    DrillReport report;
    List<String> incidents = List.of();
    String error;

    Drill(String id, Scenario scenario, long speed, long scoreAfterMs, long startedAt) {
      this.id = id;
      this.scenario = scenario;
      this.speed = speed;
      this.scoreAfterMs = scoreAfterMs;
      this.startedAt = startedAt;
    }
  }

  /**
   * @param builtIn ids of the built-in scenarios (classpath {@code scenarios/{id}.json})
   */
  public DrillVerticle(CitySnapshot city, Supplier<List<Sensor>> fleet,
      BiFunction<Scenario, CitySnapshot, SimulationModel> models, TelemetryPublisher publisher, List<String> builtIn,
      Clock clock) {
    this.city = city;
    this.fleet = fleet;
    this.models = models;
    this.publisher = publisher;
    this.builtIn = List.copyOf(builtIn);
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    consumers.add(bus.consumer(SimAddresses.SCENARIOS, this::onScenarios));
    consumers.add(bus.<JsonObject>consumer(SimAddresses.START_DRILL, this::onStart));
    consumers.add(bus.<String>consumer(SimAddresses.DRILL, m -> {
      Drill d = drills.get(m.body());
      if (d == null) {
        m.fail(404, "no drill '" + m.body() + "'");
      } else {
        m.reply(json(d));
      }
    }));
    consumers.add(bus.consumer(SimAddresses.DRILLS, m -> {
      JsonArray list = new JsonArray();
      List<Drill> newestFirst = new ArrayList<>(drills.values());
      java.util.Collections.reverse(newestFirst);
      newestFirst.forEach(d -> list.add(json(d)));
      m.reply(new JsonObject().put("drills", list));
    }));
    consumers.add(bus.<JsonObject>consumer(SimAddresses.REPORT, this::onReport));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void onScenarios(Message<Object> m) {
    vertx.executeBlocking(() -> {
      JsonArray list = new JsonArray();
      for (String id : builtIn) {
        try {
          Scenario s = ScenarioFiles.builtIn(id, city);
          list.add(new JsonObject().put("id", s.id()).put("name", s.name()).put("type", s.type().code())
              .put("mode", s.mode().name().toLowerCase()).put("duration", s.duration().toString())
              .put("step", s.step().toString()).put("location", s.site().entity() == null ? null : s.site().entity().toString()));
        } catch (ScenarioInputException e) {
          LOG.warn("built-in scenario {} is invalid: {}", id, e.getMessage());
        }
      }
      return new JsonObject().put("scenarios", list);
    }).onSuccess(m::reply).onFailure(e -> m.fail(500, e.getMessage()));
  }

  private void onStart(Message<JsonObject> m) {
    if (running != null) {
      m.fail(409, "drill " + running.id + " is still running");
      return;
    }
    JsonObject body = m.body() == null ? new JsonObject() : m.body();
    long speed = body.getLong("speed", 60L);
    long scoreAfter = body.getLong("scoreAfterSeconds", 30L);
    if (speed < 1 || speed > 3600) {
      m.fail(400, "speed must be 1..3600 simulated seconds per real second, was " + speed);
      return;
    }
    if (scoreAfter < 0 || scoreAfter > 3600) {
      m.fail(400, "scoreAfterSeconds must be 0..3600, was " + scoreAfter);
      return;
    }
    Object spec = body.getValue("scenario");
    vertx.executeBlocking(() -> {
      Scenario s = spec instanceof String id ? ScenarioFiles.builtIn(id, city)
          : spec instanceof JsonObject doc ? ScenarioFiles.read(new ByteArrayInputStream(doc.toBuffer().getBytes()),
              "request body", "drill", city)
          : null;
      if (s == null) {
        throw new ScenarioInputException("request body", "scenario", "give a built-in scenario id or a scenario document");
      }
      if (s.mode() != Scenario.Mode.DRILL) {
        throw new ScenarioInputException(s.source(), "mode", "scenario '" + s.id() + "' is a forecast; drills need mode drill");
      }
      if (!DrillSignals.supports(s.type())) {
        throw new ScenarioInputException(s.source(), "type", "a " + s.type().code()
            + " drill would inject no sensor telemetry; drills support building_fire, chemical_release, flood");
      }
      return Map.entry(s, models.apply(s, city));
    }).onSuccess(built -> {
      if (running != null) {
        m.fail(409, "drill " + running.id + " is still running");
        return;
      }
      String id = String.format("DRILL-%s-%02d", java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
          .withZone(java.time.ZoneOffset.UTC).format(clock.instant()), ++counter);
      Drill d = new Drill(id, built.getKey(), speed, scoreAfter * 1000, clock.millis());
      drills.put(id, d);
      running = d;
      LOG.info("drill {} started: {} at {}x", id, d.scenario.id(), speed);
      m.reply(json(d));
      next(d, built.getValue(), new DrillSignals(fleet.get(), city, d.scenario.type()));
    }).onFailure(e -> m.fail(e instanceof IllegalArgumentException ? 400 : 500, e.getMessage()));
  }

  private void next(Drill d, SimulationModel model, DrillSignals signals) {
    Scenario s = d.scenario;
    if (d.step >= s.steps() || model.finished()) {
      d.status = "scoring";
      vertx.setTimer(Math.max(1, d.scoreAfterMs), id -> score(d));
      return;
    }
    int step = d.step + 1;
    Instant time = s.start().plus(s.step().multipliedBy(d.step));
    long stepMs = Math.max(MIN_STEP_MS, s.step().toMillis() / d.speed);
    long due = clock.millis() + stepMs;
    vertx.executeBlocking(() -> model.step(step, time, s.step()), true).onComplete(ar -> {
      if (ar.failed()) {
        fail(d, "model step " + step + " failed: " + ar.cause().getMessage());
        return;
      }
      d.step = step;
      Frame f = ar.result();
      vertx.eventBus().publish(SimAddresses.FRAMES, FrameJson.of("sim-frame", "drillId", d.id, true, s.steps(), f));
      Map<String, String> readings = signals.forFrame(f, clock.millis());
      if (!readings.isEmpty() && d.firstSignalAt < 0) {
        d.firstSignalAt = clock.millis();
      }
      readings.forEach((sensor, payload) -> publisher.publish(d.id, sensor, payload)
          .onFailure(e -> LOG.warn("drill {}: reading of {} not published: {}", d.id, sensor, e.getMessage())));
      vertx.setTimer(Math.max(1, due - clock.millis()), id -> next(d, model, signals));
    });
  }

  private void score(Drill d) {
    var bus = vertx.eventBus();
    bus.<JsonObject>request(IncidentAddresses.LIST, new JsonObject().put("exercise", true))
        .compose(list -> {
          List<Future<JsonObject>> full = new ArrayList<>();
          for (Object o : list.body().getJsonArray("incidents")) {
            JsonObject i = (JsonObject) o;
            if (DrillScore.millis(i.getString("openedAt")) >= d.startedAt) {
              full.add(bus.<JsonObject>request(IncidentAddresses.GET, i.getString("id")).map(Message::body));
            }
          }
          return Future.all(full).map(all -> all.<JsonObject>list());
        })
        .onSuccess(incidents -> {
          d.incidents = incidents.stream().map(i -> i.getString("id")).toList();
          d.score = DrillScore.of(incidents.stream().map(DrillVerticle::facts).toList(),
              d.firstSignalAt < 0 ? d.startedAt : d.firstSignalAt);
          d.finishedAt = clock.millis();
          d.report = new DrillReport(d.id, d.scenario.name() + " (" + d.scenario.type().code() + ")",
              Instant.ofEpochMilli(d.startedAt).toString(), Instant.ofEpochMilli(d.finishedAt).toString(), d.score,
              timeline(incidents));
          d.status = "finished";
          running = null;
          LOG.info("drill {} finished: {} incidents, {} of {} tasks acknowledged", d.id, d.score.incidents(),
              d.score.tasksAcknowledged(), d.score.tasks());
        })
        .onFailure(e -> fail(d, "scoring failed: " + e.getMessage()));
  }

  private void fail(Drill d, String error) {
    d.status = "failed";
    d.error = error;
    d.finishedAt = clock.millis();
    running = null;
    LOG.warn("drill {}: {}", d.id, error);
  }

  static DrillScore.IncidentFacts facts(JsonObject incident) {
    List<DrillScore.TaskFacts> tasks = new ArrayList<>();
    for (Object o : incident.getJsonArray("tasks")) {
      JsonObject t = (JsonObject) o;
      tasks.add(new DrillScore.TaskFacts(t.getString("agency"), DrillScore.millis(t.getString("createdAt")),
          DrillScore.millis(t.getString("ackDueAt")), DrillScore.millis(t.getString("ackedAt")),
          DrillScore.millis(t.getString("arriveDueAt")), DrillScore.millis(t.getString("arrivedAt"))));
    }
    int escalations = (int) incident.getJsonArray("timeline").stream().map(JsonObject.class::cast)
        .filter(e -> "task_escalated".equals(e.getString("kind"))).count();
    return new DrillScore.IncidentFacts(DrillScore.millis(incident.getString("openedAt")), tasks, escalations);
  }

  private static List<String> timeline(List<JsonObject> incidents) {
    List<String[]> rows = new ArrayList<>();
    for (JsonObject i : incidents) {
      for (Object o : i.getJsonArray("timeline")) {
        JsonObject e = (JsonObject) o;
        rows.add(new String[] {e.getString("at"), i.getString("id") + " — " + e.getString("text")});
      }
    }
    rows.sort(java.util.Comparator.comparing(r -> r[0]));
    return rows.stream().map(r -> r[0] + " — " + r[1]).toList();
  }

  private void onReport(Message<JsonObject> m) {
    Drill d = drills.get(m.body().getString("id", ""));
    if (d == null) {
      m.fail(404, "no drill '" + m.body().getString("id") + "'");
      return;
    }
    if (d.report == null) {
      m.fail(409, "drill " + d.id + " is " + d.status + "; its report comes when it is scored");
      return;
    }
    switch (m.body().getString("format", "json")) {
      case "markdown" -> m.reply(d.report.markdown());
      case "html" -> m.reply(d.report.html());
      default -> m.reply(json(d).encodePrettily());
    }
  }

  private JsonObject json(Drill d) {
    Scenario s = d.scenario;
    long realMs = s.duration().toMillis() / d.speed;
    JsonObject j = new JsonObject()
        .put("id", d.id)
        .put("scenario", new JsonObject().put("id", s.id()).put("name", s.name()).put("type", s.type().code()))
        .put("status", d.status)
        .put("startedAt", Instant.ofEpochMilli(d.startedAt).toString())
        .put("endsAt", Instant.ofEpochMilli(d.startedAt + realMs).toString())
        .put("finishedAt", d.finishedAt < 0 ? null : Instant.ofEpochMilli(d.finishedAt).toString())
        .put("speed", d.speed)
        .put("step", d.step)
        .put("steps", s.steps())
        .put("exercise", true)
        .put("incidents", new JsonArray(d.incidents))
        .put("error", d.error);
    if (d.score != null) {
      j.put("score", JsonObject.mapFrom(d.score));
    }
    return j;
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }
}
