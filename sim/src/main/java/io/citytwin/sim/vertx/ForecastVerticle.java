package io.citytwin.sim.vertx;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.sim.output.RunOutputs;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.RunListener;
import io.citytwin.sim.run.RunResult;
import io.citytwin.sim.run.ScenarioRun;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.whatif.LiveStateJson;
import io.citytwin.sim.whatif.Templates;
import io.citytwin.sim.whatif.WhatIf;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.twin.vertx.SimAddresses;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs forecasts inside the platform ({@link SimAddresses}): a built-in scenario, a scenario
 * document, or a what-if from now for a live incident (its place, the present sea level and
 * rainfall, see {@link WhatIf}). The run goes as fast as the model allows on a worker; frames go
 * to the dashboard as {@code forecast-frame}s, at most about {@value #FRAME_INTERVAL_MS_TEXT} apart
 * (the last one always), and every output of {@code citytwin simulate} is written to {@code
 * dir/{id}/}. One forecast at a time; the event loop only wires.
 */
public final class ForecastVerticle extends VerticleBase {
  static final String FRAME_INTERVAL_MS_TEXT = "250 ms";
  private static final long FRAME_INTERVAL_MS = 250;
  private static final Logger LOG = LoggerFactory.getLogger(ForecastVerticle.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final CitySnapshot city;
  private final BiFunction<Scenario, CitySnapshot, SimulationModel> models;
  private final List<String> builtIn;
  private final Path dir;
  private final Clock clock;
  private final Map<String, Forecast> forecasts = new LinkedHashMap<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private Forecast running;
  private int counter;

  /** One forecast's progress; mutated on the event loop only. */
  private static final class Forecast {
    final String id;
    final Scenario scenario;
    final List<String> basis;
    final long startedAt;
    final Path out;
    String status = "running";
    int step;
    long finishedAt = -1;
    JsonObject summary;
    String error;

    Forecast(String id, Scenario scenario, List<String> basis, long startedAt, Path out) {
      this.id = id;
      this.scenario = scenario;
      this.basis = basis;
      this.startedAt = startedAt;
      this.out = out;
    }
  }

  /** What a start request resolves to before the model is built. */
  private record Request(Scenario scenario, List<String> basis) {}

  /**
   * @param builtIn ids of the built-in scenarios (what {@code scenario: id} may name, and where an
   *     incident's template comes from)
   * @param dir where each forecast's outputs go ({@code dir/{id}/})
   */
  public ForecastVerticle(CitySnapshot city, BiFunction<Scenario, CitySnapshot, SimulationModel> models,
      List<String> builtIn, Path dir, Clock clock) {
    this.city = city;
    this.models = models;
    this.builtIn = List.copyOf(builtIn);
    this.dir = dir;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    consumers.add(bus.<JsonObject>consumer(SimAddresses.START_FORECAST, this::onStart));
    consumers.add(bus.<String>consumer(SimAddresses.FORECAST, m -> {
      Forecast f = forecasts.get(m.body());
      if (f == null) {
        m.fail(404, "no forecast '" + m.body() + "'");
      } else {
        m.reply(json(f));
      }
    }));
    consumers.add(bus.consumer(SimAddresses.FORECASTS, m -> {
      List<Forecast> newestFirst = new ArrayList<>(forecasts.values());
      Collections.reverse(newestFirst);
      JsonArray list = new JsonArray();
      newestFirst.forEach(f -> list.add(json(f)));
      m.reply(new JsonObject().put("forecasts", list));
    }));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void onStart(Message<JsonObject> m) {
    if (running != null) {
      m.fail(409, "forecast " + running.id + " is still running");
      return;
    }
    JsonObject body = m.body() == null ? new JsonObject() : m.body();
    resolve(body)
        .compose(r -> vertx.executeBlocking(() -> Map.entry(r, models.apply(r.scenario(), city)), false))
        .onSuccess(built -> begin(m, built.getKey(), built.getValue()))
        .onFailure(e -> m.fail(code(e), e.getMessage()));
  }

  private Future<Request> resolve(JsonObject body) {
    String incident = body.getString("incident");
    if (incident != null) {
      return whatIf(incident, body.getString("template"));
    }
    Object spec = body.getValue("scenario");
    return vertx.executeBlocking(() -> {
      Scenario s = spec instanceof String id ? ScenarioFiles.builtIn(id, city)
          : spec instanceof JsonObject doc ? ScenarioFiles.read(new ByteArrayInputStream(doc.toBuffer().getBytes()),
              "request body", "forecast", city)
          : null;
      if (s == null) {
        throw new ScenarioInputException("request body", "scenario", "give a built-in scenario id or a scenario document");
      }
      return new Request(s, List.of());
    }, false);
  }

  /** The live incident and sensor states, read over the bus as the REST API serves them. */
  private Future<Request> whatIf(String incidentId, String template) {
    var bus = vertx.eventBus();
    Future<Message<JsonObject>> incident = bus.request(IncidentAddresses.GET, incidentId);
    Future<Message<JsonObject>> sensors = bus.request(TelemetryAddresses.SENSORS, new JsonObject());
    return Future.all(incident, sensors).compose(all -> vertx.executeBlocking(() -> {
      var live = LiveStateJson.sensors(sensors.result().body().encode(), clock.instant());
      var inc = LiveStateJson.incident(incident.result().body().encode(), incidentId);
      JsonNode t = template != null ? Templates.builtIn(template)
          : Templates.defaultFor(WhatIf.scenarioType(inc), builtIn);
      WhatIf.Forecast f = WhatIf.fromIncident(inc, live, t);
      return new Request(f.scenario("what-if for " + incidentId, city), f.basis());
    }, false));
  }

  private void begin(Message<JsonObject> m, Request r, SimulationModel model) {
    if (running != null) {
      m.fail(409, "forecast " + running.id + " is still running");
      return;
    }
    Scenario s = r.scenario();
    if (s.mode() != Scenario.Mode.FORECAST) {
      m.fail(400, s.source() + ", field 'mode': scenario '" + s.id() + "' is a drill; start it with POST /api/drills");
      return;
    }
    String id = "FC-" + ID_TIME.format(clock.instant()) + "-" + String.format("%02d", ++counter);
    Forecast f = new Forecast(id, s, r.basis(), clock.millis(), dir.resolve(id));
    forecasts.put(id, f);
    running = f;
    LOG.info("forecast {} started: {} ({})", id, s.id(), s.type().code());
    m.reply(json(f));
    vertx.executeBlocking(() -> run(f, model), false).onComplete(ar -> {
      f.finishedAt = clock.millis();
      running = null;
      if (ar.succeeded()) {
        f.summary = ar.result();
        // Progress updates may still be queued behind this completion; the run's own count is final.
        f.step = f.summary.getJsonObject("run").getInteger("stepsRun", f.step);
        f.status = "finished";
        LOG.info("forecast {} finished after {} steps", f.id, f.step);
      } else {
        f.status = "failed";
        f.error = ar.cause().getMessage();
        LOG.warn("forecast {} failed: {}", f.id, f.error);
      }
    });
  }

  /** On a worker: the whole run, frames handed to the event loop; returns the summary written. */
  private JsonObject run(Forecast f, SimulationModel model) throws Exception {
    Files.createDirectories(dir);
    RunOutputs outputs = RunOutputs.open(f.out, city, RunOutputs.Options.DEFAULT);
    RunListener feed = new RunListener() {
      long lastSent = -1;

      @Override
      public void frame(Frame frame) {
        long now = System.nanoTime() / 1_000_000;
        boolean last = frame.step() >= f.scenario.steps() || model.finished();
        if (last || lastSent < 0 || now - lastSent >= FRAME_INTERVAL_MS) {
          lastSent = now;
          JsonObject json = FrameJson.of("forecast-frame", "forecastId", f.id, false, f.scenario.steps(), frame);
          context.runOnContext(v -> vertx.eventBus().publish(SimAddresses.FRAMES, json));
        }
        int step = frame.step();
        context.runOnContext(v -> f.step = Math.max(f.step, step));
      }
    };
    RunResult result = new ScenarioRun(f.scenario, model, List.of(outputs, feed)).run();
    JsonObject summary = new JsonObject(Files.readString(f.out.resolve(RunOutputs.SUMMARY), StandardCharsets.UTF_8));
    summary.remove("scenario");
    summary.put("outcome", result.outcome().code());
    return summary;
  }

  private JsonObject json(Forecast f) {
    Scenario s = f.scenario;
    return new JsonObject()
        .put("id", f.id)
        .put("scenario", new JsonObject().put("id", s.id()).put("name", s.name()).put("type", s.type().code())
            .put("start", s.start().toString()).put("duration", s.duration().toString()))
        .put("status", f.status)
        .put("startedAt", Instant.ofEpochMilli(f.startedAt).toString())
        .put("finishedAt", f.finishedAt < 0 ? null : Instant.ofEpochMilli(f.finishedAt).toString())
        .put("step", f.step)
        .put("steps", s.steps())
        .put("basis", new JsonArray(f.basis))
        .put("outputs", f.out.toString())
        .put("summary", f.summary)
        .put("error", f.error);
  }

  private static int code(Throwable e) {
    if (e instanceof ReplyException r && r.failureCode() > 0) {
      return r.failureCode();
    }
    return e instanceof IllegalArgumentException || e instanceof LiveStateJson.LiveFormatException ? 400 : 500;
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }
}
