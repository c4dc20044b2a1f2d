package io.citytwin.ingest.vertx;

import io.citytwin.ingest.deadletter.DeadLetterStore;
import io.citytwin.ingest.history.HistoryPoint;
import io.citytwin.ingest.history.HistoryQuery;
import io.citytwin.ingest.history.HistoryStore;
import io.citytwin.ingest.mqtt.TelemetrySubscriber;
import io.citytwin.ingest.telemetry.DeadLetter;
import io.citytwin.ingest.telemetry.RejectReason;
import io.citytwin.ingest.telemetry.RejectionCounters;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wires telemetry ingest to the event bus: starts the MQTT subscriber (whose failures fail the
 * deployment with the broker's reason) and answers the history, dead-letter and statistics
 * requests of {@link TelemetryAddresses}. Holds no logic of its own.
 */
public final class IngestVerticle extends VerticleBase {

  /**
   * What the verticle wires.
   *
   * @param subscriber the MQTT intake, not yet started
   * @param lifecycle further parts started before it and stopped after it (e.g. a Kafka source)
   * @param historyStats store statistics for {@code /metrics} and {@code /health}
   */
  public record Parts(
      TelemetrySubscriber subscriber, String brokerUrl, RejectionCounters counters,
      DeadLetterStore deadLetters, HistoryStore history, String historyKind,
      Supplier<Map<String, Object>> historyStats, Function<String, Optional<Sensor>> sensors,
      List<Lifecycle> lifecycle, TelemetrySubscriber drills, RejectionCounters drillCounters) {}

  /** Something with an asynchronous start and stop. */
  public interface Lifecycle {
    Future<?> start();

    Future<?> stop();
  }

  private final Parts parts;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  public IngestVerticle(Parts parts) {
    this.parts = parts;
  }

  @Override
  public Future<?> start() {
    var bus = vertx.eventBus();
    consumers.add(bus.<JsonObject>consumer(TelemetryAddresses.HISTORY, this::onHistory));
    consumers.add(bus.<JsonObject>consumer(TelemetryAddresses.DEAD_LETTERS, this::onDeadLetters));
    consumers.add(bus.consumer(TelemetryAddresses.INGEST_STATS, m -> m.reply(stats())));
    Future<?> started = Future.succeededFuture();
    for (Lifecycle l : parts.lifecycle()) {
      started = started.compose(v -> l.start());
    }
    return started.compose(v -> parts.subscriber().start())
        .compose(v -> parts.drills() == null ? Future.succeededFuture() : parts.drills().start());
  }

  @Override
  public Future<?> stop() {
    Future<?> stopped = (parts.drills() == null ? Future.succeededFuture() : parts.drills().stop())
        .eventually(() -> parts.subscriber().stop());
    for (Lifecycle l : parts.lifecycle()) {
      stopped = stopped.eventually(() -> l.stop());
    }
    return stopped.eventually(() -> Future.all(consumers.stream().map(MessageConsumer::unregister).toList()));
  }

  private void onHistory(Message<JsonObject> m) {
    JsonObject b = m.body();
    String id = b.getString("sensorId");
    if (id == null || parts.sensors().apply(id).isEmpty()) {
      m.fail(404, "no sensor '" + id + "' is registered");
      return;
    }
    Quantity q = null;
    String qName = b.getString("quantity");
    if (qName != null) {
      q = Quantity.byName(qName);
      if (q == null) {
        m.fail(400, "unknown quantity '" + qName + "'");
        return;
      }
    }
    HistoryQuery query;
    try {
      query = new HistoryQuery(id, q, b.getLong("from"), b.getLong("to"), b.getInteger("limit", 10_000));
    } catch (RuntimeException e) {
      m.fail(400, e.getMessage());
      return;
    }
    Quantity quantity = q;
    parts.history().query(query)
        .onSuccess(points -> m.reply(new JsonObject().put("sensorId", id)
            .put("quantity", quantity == null ? null : quantity.canonicalName())
            .put("points", points(points))))
        .onFailure(e -> m.fail(503, "history unavailable: " + e.getMessage()));
  }

  private static JsonArray points(List<HistoryPoint> points) {
    JsonArray a = new JsonArray();
    for (HistoryPoint p : points) {
      a.add(new JsonObject().put("ts", Instant.ofEpochMilli(p.timestampMillis()).toString())
          .put("quantity", p.quantity().canonicalName()).put("value", p.value()).put("exercise", p.exercise()));
    }
    return a;
  }

  private void onDeadLetters(Message<JsonObject> m) {
    int limit = m.body() == null ? 100 : Math.max(1, Math.min(1000, m.body().getInteger("limit", 100)));
    JsonArray recent = new JsonArray();
    for (DeadLetter d : parts.deadLetters().recent(limit)) {
      recent.add(new JsonObject().put("receivedAt", Instant.ofEpochMilli(d.receivedAtMillis()).toString())
          .put("topic", d.topic()).put("reason", code(d.reason())).put("detail", d.detail())
          .put("size", d.payloadLength()).put("payloadBase64", Base64.getEncoder().encodeToString(d.payload())));
    }
    m.reply(new JsonObject().put("counters", rejected()).put("recent", recent));
  }

  private JsonObject rejected() {
    JsonObject counters = new JsonObject();
    parts.counters().snapshot().forEach((reason, n) -> counters.put(code(reason), n));
    return counters;
  }

  static String code(RejectReason r) {
    return r.name().toLowerCase(Locale.ROOT);
  }

  private JsonObject stats() {
    RejectionCounters c = parts.counters();
    return new JsonObject()
        .put("accepted", new JsonObject().put("messages", c.acceptedMessages()).put("readings", c.acceptedReadings()))
        .put("rejected", rejected())
        .put("deadLetters", new JsonObject().put("written", parts.deadLetters().written())
            .put("dropped", parts.deadLetters().dropped()).put("storeFailures", c.deadLetterFailures()))
        .put("handedOff", parts.subscriber().handedOffReadings())
        .put("handOffFailures", parts.subscriber().handOffFailures())
        .put("acknowledged", parts.subscriber().acknowledgedMessages())
        .put("mqtt", new JsonObject().put("connected", parts.subscriber().isConnected()).put("broker", parts.brokerUrl()))
        .put("history", new JsonObject(parts.historyStats().get()).put("store", parts.historyKind()))
        .put("drills", parts.drills() == null ? null : new JsonObject()
            .put("acceptedMessages", parts.drillCounters().acceptedMessages())
            .put("rejectedMessages", parts.drillCounters().totalRejected())
            .put("handedOff", parts.drills().handedOffReadings()));
  }
}
