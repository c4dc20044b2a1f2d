package io.citytwin.web.push;

import io.citytwin.web.incidents.IncidentFilter;
import io.citytwin.web.incidents.IncidentService;
import io.citytwin.web.scenarios.DrillCodes;
import io.citytwin.web.scenarios.ScenarioService;
import io.citytwin.web.sensors.SensorFilter;
import io.citytwin.web.sensors.SensorService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} hub: forwards every publication on the configured event-bus addresses to every
 * connected client as one JSON text frame, encoded once. On connect (and after a client dropped
 * frames) a client first gets a {@code hello} frame:
 *
 * <pre>{"type": "hello", "time": ISO-8601, "resync": false, "sensors": [sensor with state],
 *  "indicators": [district entries], "incidents": [active incidents with their tasks],
 *  "drills": [drills running or being scored],
 *  "unavailable": {"sensors"|"indicators"|"incidents"|"drills": message}?}</pre>
 *
 * followed by every event published since it connected. Delivery is at most once per client; a
 * client whose socket write queue is full loses frames (counted) until it drains, then gets a
 * fresh hello with {@code "resync": true}. Memory per client is therefore bounded by the write
 * queue limit, one snapshot and {@link PushSettings#maxPendingFrames()} frames.
 *
 * <p>Create, start and use it on one context (the web server's): consumers, sockets and counters
 * are confined to that event loop; {@link #stats()} may be read from any thread.
 */
public final class LivePush {
  private static final Logger LOG = LoggerFactory.getLogger(LivePush.class);

  private final Vertx vertx;
  private final SensorService sensors;
  private final IncidentService incidents;
  private final ScenarioService scenarios;
  private final PushSettings settings;
  private final Set<PushClient> clients = new LinkedHashSet<>();
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  private volatile PushStats stats = new PushStats(0, 0, 0, 0);
  private long sent;
  private long dropped;
  private long resyncs;

  /**
   * @param incidents where the hello's active incidents come from
   * @param scenarios where the hello's drills in progress come from
   */
  public LivePush(Vertx vertx, SensorService sensors, IncidentService incidents, ScenarioService scenarios,
      PushSettings settings) {
    this.vertx = vertx;
    this.sensors = sensors;
    this.incidents = incidents;
    this.scenarios = scenarios;
    this.settings = settings;
  }

  /** Subscribes to the addresses; completes once every subscription is registered. */
  public Future<Void> start() {
    List<Future<Void>> registered = new ArrayList<>();
    for (String address : settings.addresses()) {
      MessageConsumer<Object> c = vertx.eventBus().consumer(address, m -> forward(address, m.body()));
      consumers.add(c);
      registered.add(c.completion());
    }
    return Future.all(registered).mapEmpty();
  }

  /** Unsubscribes and closes every client. */
  public Future<Void> stop() {
    List<Future<Void>> done = new ArrayList<>();
    consumers.forEach(c -> done.add(c.unregister()));
    for (PushClient c : List.copyOf(clients)) {
      c.close();
    }
    clients.clear();
    updateStats();
    return Future.all(done).mapEmpty();
  }

  /** Takes an accepted WebSocket: sends the hello snapshot, then the events. */
  public void accept(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(settings.writeQueueMaxBytes());
    PushClient client = new PushClient(this, ws);
    clients.add(client);
    updateStats();
    ws.closeHandler(v -> {
      client.close();
      clients.remove(client);
      updateStats();
    });
    ws.exceptionHandler(e -> LOG.debug("WebSocket {} failed: {}", ws.remoteAddress(), e.toString()));
    // Dashboards have nothing to say; ignore whatever they send.
    ws.handler(b -> { });
    client.sync(false);
  }

  public PushStats stats() {
    return stats;
  }

  private void forward(String address, Object body) {
    String frame;
    if (body instanceof JsonObject json) {
      frame = json.encode();
    } else if (body instanceof String text) {
      frame = text;
    } else if (body instanceof Buffer bytes) {
      frame = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    } else {
      LOG.warn("not forwarding a {} published on {}: /ws carries JSON objects",
          body == null ? "null" : body.getClass().getSimpleName(), address);
      return;
    }
    for (PushClient c : clients) {
      c.deliver(frame);
    }
    updateStats();
  }

  /** The hello frame; never fails (a source that does not answer is named under "unavailable"). */
  Future<String> snapshot(boolean resync) {
    JsonObject hello = new JsonObject().put("type", "hello").put("time", Instant.now().toString())
        .put("resync", resync);
    JsonObject unavailable = new JsonObject();
    Future<Void> s = sensors.sensors(SensorFilter.ALL)
        .onSuccess(list -> hello.put("sensors", list))
        .onFailure(e -> unavailable.put("sensors", String.valueOf(e.getMessage())))
        .<Void>mapEmpty().otherwiseEmpty();
    Future<Void> i = sensors.indicators()
        .onSuccess(reply -> hello.put("indicators", reply.getJsonArray("districts", new JsonArray())))
        .onFailure(e -> unavailable.put("indicators", String.valueOf(e.getMessage())))
        .<Void>mapEmpty().otherwiseEmpty();
    Future<Void> n = incidents.incidents(IncidentFilter.ACTIVE)
        .onSuccess(list -> hello.put("incidents", list))
        .onFailure(e -> unavailable.put("incidents", String.valueOf(e.getMessage())))
        .<Void>mapEmpty().otherwiseEmpty();
    Future<Void> d = scenarios.drills()
        .onSuccess(list -> hello.put("drills", inProgress(list)))
        .onFailure(e -> unavailable.put("drills", String.valueOf(e.getMessage())))
        .<Void>mapEmpty().otherwiseEmpty();
    return Future.join(s, i, n, d).transform(ar -> {
      if (!unavailable.isEmpty()) {
        hello.put("unavailable", unavailable);
      }
      return Future.succeededFuture(hello.encode());
    });
  }

  private static JsonArray inProgress(JsonArray drills) {
    JsonArray running = new JsonArray();
    for (Object o : drills) {
      if (o instanceof JsonObject drill && DrillCodes.inProgress(drill.getString("status"))) {
        running.add(drill);
      }
    }
    return running;
  }

  PushSettings settings() {
    return settings;
  }

  Vertx vertx() {
    return vertx;
  }

  void countSent() {
    sent++;
  }

  void countDropped() {
    dropped++;
  }

  void countResync() {
    resyncs++;
    updateStats();
  }

  private void updateStats() {
    stats = new PushStats(clients.size(), sent, dropped, resyncs);
  }
}
