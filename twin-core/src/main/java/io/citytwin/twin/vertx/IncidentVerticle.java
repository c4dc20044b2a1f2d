package io.citytwin.twin.vertx;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.disposal.Disposal;
import io.citytwin.twin.incident.Channel;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.IncidentsState;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.codec.IncidentEventJson;
import io.citytwin.twin.journal.EventJournal;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.EngineState;
import io.citytwin.twin.rule.RuleEngine;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns incidents and linked disposal on the event bus ({@link IncidentAddresses}): runs the rules
 * on every reading batch, decides alarms, acknowledgements and clock ticks into incident events
 * ({@link Disposal}), journals them and only then applies and announces them.
 *
 * <p>Order and durability: commands are processed one at a time, in arrival order; each step
 * decides against the current state, writes its events to the {@link EventJournal} (forced to the
 * device) and applies them only once the journal has them. So a reply to an acknowledgement, or
 * to a reading batch that raised an incident, means the change survives a {@code kill -9}. At
 * start the journal is replayed into the state.
 */
public final class IncidentVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(IncidentVerticle.class);

  /** CAP views and import, provided by the CAP adapter. */
  public interface Cap {
    /** The CAP 1.2 XML of an incident's current state. */
    String alert(Incident incident);

    /** An Atom feed of the given incidents, linking {@code baseUrl/api/incidents/{id}/cap}. */
    String feed(List<Incident> incidents, String baseUrl);

    /** Commands for an external CAP document, or a rejection; never throws. */
    Imported importAlert(byte[] xml, IncidentsState state, long nowMillis);
  }

  /**
   * Outcome of a CAP import.
   *
   * @param commands to decide, in order (empty when ignored or rejected)
   * @param problems why it was rejected or what was ignored
   * @param rejected whether the document was refused
   */
  public record Imported(List<IncidentCommand> commands, List<String> problems, boolean rejected) {}

  private final Supplier<RuleEngine> engines;
  private final java.util.function.LongSupplier rulesVersion;
  private long loadedRulesVersion;
  private final Disposal disposal;
  private final EventJournal journal;
  private final Cap cap;
  private final Clock clock;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private RuleEngine engine;
  private EngineState rules;
  private EngineState drillRules;
  private IncidentsState state = IncidentsState.initial();
  private Future<?> tail = Future.succeededFuture();
  private long timer;
  private long reloadTimer;
  private long journalFailures;

  /**
   * @param engines builds the rule engine (called once, on a worker, at start)
   * @param journal opened journal whose recovered events are replayed at start
   */
  public IncidentVerticle(Supplier<RuleEngine> engines, Disposal disposal, EventJournal journal, Cap cap, Clock clock) {
    this(engines, () -> 0, disposal, journal, cap, clock);
  }

  /**
   * @param rulesVersion changes when the rules should be reloaded (e.g. the rules file's
   *     modification time); checked every few seconds. The sensor registry changing also reloads.
   */
  public IncidentVerticle(Supplier<RuleEngine> engines, java.util.function.LongSupplier rulesVersion,
      Disposal disposal, EventJournal journal, Cap cap, Clock clock) {
    this.engines = engines;
    this.rulesVersion = rulesVersion;
    this.disposal = disposal;
    this.journal = journal;
    this.cap = cap;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    ReadingBatch.registerCodec(vertx);
    return vertx.executeBlocking(() -> {
      IncidentsState replayed = IncidentsState.initial();
      for (byte[] e : journal.replay()) {
        replayed = replayed.apply(IncidentEventJson.read(e));
      }
      return replayed;
    }).compose(replayed -> {
      state = replayed;
      LOG.info("incident journal: {} events replayed, {} incidents ({} active)", journal.recoveredCount(),
          state.incidents().size(), state.activeIncidents().size());
      return vertx.executeBlocking(() -> {
        loadedRulesVersion = rulesVersion.getAsLong();
        return engines.get();
      });
    }).compose(built -> {
      engine = built;
      rules = engine.newState();
      drillRules = engine.newState(true);
      var bus = vertx.eventBus();
      consumers.add(bus.<ReadingBatch>localConsumer(IncidentAddresses.READINGS, this::onReadings));
      consumers.add(bus.<JsonObject>consumer(IncidentAddresses.LIST, this::onList));
      consumers.add(bus.<String>consumer(IncidentAddresses.GET, m -> withIncident(m, m.body(), i -> m.reply(IncidentJson.incident(i, true)))));
      consumers.add(bus.<String>consumer(IncidentAddresses.CAP, m -> withIncident(m, m.body(), i -> m.reply(cap.alert(i)))));
      consumers.add(bus.<JsonObject>consumer(IncidentAddresses.FEED, this::onFeed));
      consumers.add(bus.<JsonObject>consumer(IncidentAddresses.ACK, this::onAck));
      consumers.add(bus.<JsonObject>consumer(IncidentAddresses.RESOLVE, m -> onTransition(m, true)));
      consumers.add(bus.<JsonObject>consumer(IncidentAddresses.CLOSE, m -> onTransition(m, false)));
      consumers.add(bus.<Buffer>consumer(IncidentAddresses.IMPORT_CAP, this::onImport));
      consumers.add(bus.consumer(TelemetryAddresses.SENSORS_CHANGED, m -> reloadRules("sensor registry changed")));
      timer = vertx.setPeriodic(1_000, id -> serially(this::tick));
      reloadTimer = vertx.setPeriodic(5_000, id -> {
        if (rulesVersion.getAsLong() != loadedRulesVersion) {
          reloadRules("rules file changed");
        }
      });
      return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    });
  }

  /**
   * Rebuilds the rule engine (rules file and registry read again, on a worker) and carries the
   * state of unchanged rules over. A bad rules file is reported and the running rules stay.
   */
  private Future<Void> reloadRules(String why) {
    return serially(() -> vertx.executeBlocking(() -> {
      long version = rulesVersion.getAsLong();
      RuleEngine next = engines.get();
      return java.util.Map.entry(version, next);
    }).map(loaded -> {
      rules = loaded.getValue().adopt(engine, rules);
      drillRules = loaded.getValue().adopt(engine, drillRules);
      engine = loaded.getValue();
      loadedRulesVersion = loaded.getKey();
      LOG.info("rules reloaded ({}): {} rules", why, engine.rules().rules().size());
      return (Void) null;
    }).recover(e -> {
      loadedRulesVersion = rulesVersion.getAsLong(); // do not retry a bad file every 5 s
      LOG.error("rules not reloaded ({}), the running rules stay: {}", why, e.getMessage());
      return Future.succeededFuture();
    }));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    vertx.cancelTimer(reloadTimer);
    return tail.transform(x -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()));
  }

  /** Runs steps one after another, in submission order, each on this verticle's event loop. */
  private <T> Future<T> serially(Supplier<Future<T>> step) {
    Future<T> result = tail.transform(x -> step.get());
    tail = result;
    return result;
  }

  private void onReadings(Message<ReadingBatch> m) {
    serially(() -> {
      // drill telemetry has rule state of its own and raises exercise alarms only
      EngineState state = m.body().exercise() ? drillRules : rules;
      List<Alarm> alarms = engine.evaluate(state, m.body().readings(), m.body().receivedAtMillis());
      return alarms.isEmpty() ? Future.succeededFuture() : decideAll(raises(alarms));
    }).onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(null);
      } else {
        m.fail(503, "incidents could not be recorded: " + ar.cause().getMessage());
      }
    });
  }

  private Future<List<IncidentEvent>> tick() {
    long now = clock.millis();
    List<IncidentCommand> commands = new ArrayList<>(raises(engine.tick(rules, now)));
    // The drill state is not ticked: a drill only injects some sensors, and silence of the others
    // is no exercise finding (it would raise a no-signal alarm for every sensor it leaves out).
    commands.add(new IncidentCommand.Tick(now));
    return decideAll(commands);
  }

  private static List<IncidentCommand> raises(List<Alarm> alarms) {
    List<IncidentCommand> out = new ArrayList<>(alarms.size());
    alarms.forEach(a -> out.add(IncidentCommand.Raise.of(a)));
    return out;
  }

  /**
   * Decides commands against a scratch state, journals every resulting event, and only then
   * makes the scratch state current and announces it. A rejected command is logged and skipped.
   */
  private Future<List<IncidentEvent>> decideAll(List<IncidentCommand> commands) {
    IncidentsState scratch = state;
    List<IncidentEvent> events = new ArrayList<>();
    for (IncidentCommand c : commands) {
      Disposal.Decision d = disposal.decide(scratch, c);
      if (d instanceof Disposal.Decision.Accepted a) {
        scratch = scratch.applyAll(a.events());
        events.addAll(a.events());
      } else if (!(c instanceof IncidentCommand.Tick)) {
        LOG.debug("command {} refused: {}", c, ((Disposal.Decision.Rejected) d).reason());
      }
    }
    return commit(scratch, events);
  }

  private Future<List<IncidentEvent>> commit(IncidentsState next, List<IncidentEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(events);
    }
    List<byte[]> encoded = new ArrayList<>(events.size());
    events.forEach(e -> encoded.add(IncidentEventJson.write(e).getBytes(StandardCharsets.UTF_8)));
    return journal.appendAll(encoded)
        .onFailure(e -> {
          journalFailures++;
          LOG.error("incident journal write failed; {} events not applied", events.size(), e);
        })
        .map(v -> {
          state = next;
          announce(events);
          return events;
        });
  }

  /** Decides one command on its own and answers with the given view of the result. */
  private Future<IncidentsState> decideOne(IncidentCommand command) {
    return serially(() -> {
      Disposal.Decision d = disposal.decide(state, command);
      if (d instanceof Disposal.Decision.Rejected r) {
        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 409, r.reason()));
      }
      List<IncidentEvent> events = ((Disposal.Decision.Accepted) d).events();
      return commit(state.applyAll(events), events).map(x -> state);
    });
  }

  private void onAck(Message<JsonObject> m) {
    JsonObject b = m.body();
    String incidentId = b.getString("incidentId");
    String taskId = b.getString("taskId");
    Optional<Incident> incident = state.incident(incidentId == null ? "" : incidentId);
    Optional<Task> task = incident.flatMap(i -> i.task(taskId == null ? "" : taskId));
    if (task.isEmpty()) {
      m.fail(404, incident.isEmpty() ? "no incident '" + incidentId + "'" : "incident " + incidentId + " has no task '" + taskId + "'");
      return;
    }
    Agency agency = b.getString("agency") == null ? task.get().spec().agency()
        : Agency.fromCode(b.getString("agency")).orElse(null);
    if (agency == null) {
      m.fail(400, "unknown agency '" + b.getString("agency") + "'");
      return;
    }
    Channel channel = "mqtt".equalsIgnoreCase(b.getString("channel")) ? Channel.MQTT : Channel.REST;
    String by = b.getString("by", agency.code());
    decideOne(new IncidentCommand.AcknowledgeTask(incidentId, taskId, agency, by, channel, clock.millis()))
        .onSuccess(s -> m.reply(IncidentJson.task(s.incident(incidentId).orElseThrow(),
            s.incident(incidentId).orElseThrow().task(taskId).orElseThrow())))
        .onFailure(e -> fail(m, e));
  }

  private void onTransition(Message<JsonObject> m, boolean resolve) {
    JsonObject b = m.body();
    String id = b.getString("incidentId", "");
    if (state.incident(id).isEmpty()) {
      m.fail(404, "no incident '" + id + "'");
      return;
    }
    String by = b.getString("by", "operations");
    String note = b.getString("note", "");
    IncidentCommand c = resolve ? new IncidentCommand.Resolve(id, by, note, clock.millis())
        : new IncidentCommand.Close(id, by, note, clock.millis());
    decideOne(c)
        .onSuccess(s -> m.reply(IncidentJson.incident(s.incident(id).orElseThrow(), true)))
        .onFailure(e -> fail(m, e));
  }

  private void onImport(Message<Buffer> m) {
    byte[] xml = m.body().getBytes();
    serially(() -> vertx.executeBlocking(() -> cap.importAlert(xml, state, clock.millis()))
        .compose(imported -> {
          if (imported.rejected()) {
            return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 400,
                String.join("; ", imported.problems())));
          }
          return decideAll(imported.commands()).map(events -> {
            Set<String> ids = new LinkedHashSet<>();
            events.forEach(e -> ids.add(e.incidentId()));
            JsonArray problems = new JsonArray();
            imported.problems().forEach(problems::add);
            return new JsonObject().put("incidents", new JsonArray(List.copyOf(ids))).put("problems", problems);
          });
        }))
        .onSuccess(m::reply)
        .onFailure(e -> fail(m, e));
  }

  private void onList(Message<JsonObject> m) {
    JsonObject f = m.body() == null ? new JsonObject() : m.body();
    Optional<IncidentType> type = Optional.ofNullable(f.getString("type")).flatMap(IncidentType::fromCode);
    String status = f.getString("status");
    Boolean exercise = f.getBoolean("exercise");
    Boolean active = f.getBoolean("active");
    JsonArray out = new JsonArray();
    state.incidents().stream()
        .filter(i -> type.isEmpty() || i.type() == type.get())
        .filter(i -> status == null || i.status().code().equals(status))
        .filter(i -> exercise == null || i.exercise() == exercise)
        .filter(i -> active == null || i.isActive() == active)
        .sorted(Comparator.comparingLong(Incident::openedAtMillis).reversed())
        .forEach(i -> out.add(IncidentJson.incident(i, false)));
    m.reply(new JsonObject().put("incidents", out));
  }

  private void onFeed(Message<JsonObject> m) {
    String base = m.body() == null ? "" : m.body().getString("baseUrl", "");
    List<Incident> active = state.activeIncidents().stream()
        .sorted(Comparator.comparingLong(Incident::updatedAtMillis).reversed()).toList();
    m.reply(cap.feed(active, base));
  }

  private void withIncident(Message<?> m, String id, java.util.function.Consumer<Incident> reply) {
    state.incident(id == null ? "" : id).ifPresentOrElse(reply, () -> m.fail(404, "no incident '" + id + "'"));
  }

  private static void fail(Message<?> m, Throwable e) {
    if (e instanceof ReplyException r) {
      m.fail(r.failureCode(), r.getMessage());
    } else {
      m.fail(503, "incident journal unavailable: " + e.getMessage());
    }
  }

  /** Publishes what changed: each touched incident once, and each task event. */
  private void announce(List<IncidentEvent> events) {
    var bus = vertx.eventBus();
    Set<String> touched = new LinkedHashSet<>();
    for (IncidentEvent e : events) {
      touched.add(e.incidentId());
      TaskChange.of(e).ifPresent(tc -> state.incident(e.incidentId()).ifPresent(i -> i.task(tc.taskId()).ifPresent(t ->
          bus.publish(IncidentAddresses.TASKS, new JsonObject().put("type", "task").put("change", tc.change())
              .put("task", IncidentJson.task(i, t)).put("incident", IncidentJson.summary(i))))));
    }
    for (String id : touched) {
      state.incident(id).ifPresent(i -> bus.publish(IncidentAddresses.EVENTS, new JsonObject()
          .put("type", "incident").put("change", change(events, id)).put("incident", IncidentJson.incident(i, false))));
    }
  }

  private static String change(List<IncidentEvent> events, String incidentId) {
    String change = "updated";
    for (IncidentEvent e : events) {
      if (!e.incidentId().equals(incidentId)) {
        continue;
      }
      if (e instanceof IncidentEvent.IncidentOpened) {
        return "opened";
      }
      if (e instanceof IncidentEvent.StatusChanged s) {
        change = s.to() == IncidentStatus.RESOLVED ? "resolved" : s.to() == IncidentStatus.CLOSED ? "closed" : "status";
      }
    }
    return change;
  }

  /** Journal writes that failed since start (the changes were not applied). */
  public long journalFailures() {
    return journalFailures;
  }
}
