package io.citytwin.web.metrics;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.web.push.PushStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metric families of {@code /metrics}, from one ingest-stats reply, one sensors-list reply and
 * the WebSocket push counters ({@code TelemetryAddresses} shapes). A source that did not answer is
 * reported by {@code citytwin_scrape_source_up{source=...} 0} and contributes no other samples, so
 * a scrape never shows made-up zeros. Pure: no I/O.
 *
 * <p>Numeric members of the history store statistics that have no entry in the table below are
 * still exported, as gauges named {@code citytwin_history_<member in snake case>}, so a new store
 * statistic shows up without a change here.
 */
public final class TelemetryMetrics {
  private TelemetryMetrics() {}

  private record Known(String name, PrometheusText.Type type, String help) {}

  /** History store statistics: embedded store and InfluxDB spool members. */
  private static final Map<String, Known> HISTORY = new LinkedHashMap<>();

  static {
    history("pendingPoints", "citytwin_history_pending_points", PrometheusText.Type.GAUGE,
        "Accepted points not yet in the history server (spooled); grows while it is down");
    history("spoolBytes", "citytwin_history_spool_bytes", PrometheusText.Type.GAUGE,
        "Bytes of the spooled points");
    history("writtenPoints", "citytwin_history_written_points_total", PrometheusText.Type.COUNTER,
        "Points the history server accepted since start");
    history("retries", "citytwin_history_write_retries_total", PrometheusText.Type.COUNTER,
        "Failed history write attempts since start (each is retried)");
    history("rejectedPoints", "citytwin_history_rejected_points_total", PrometheusText.Type.COUNTER,
        "Points the history server refused as invalid (kept aside, never deleted)");
    history("points", "citytwin_history_points", PrometheusText.Type.GAUGE,
        "Points held by the embedded history store");
    history("logBytes", "citytwin_history_log_bytes", PrometheusText.Type.GAUGE,
        "Write-ahead log bytes of the embedded store not yet checkpointed");
    history("replayedAtOpen", "citytwin_history_replayed_at_open_points", PrometheusText.Type.GAUGE,
        "Points replayed from the write-ahead log at start (nonzero after an unclean stop)");
    history("pruned", "citytwin_history_pruned_points_total", PrometheusText.Type.COUNTER,
        "Points removed by retention since start");
  }

  private static void history(String member, String name, PrometheusText.Type type, String help) {
    HISTORY.put(member, new Known(name, type, help));
  }

  /**
   * The scrape.
   *
   * @param ingestStats the {@code citytwin.ingest.stats} reply, or null when it failed
   * @param sensors the {@code sensors} of a {@code citytwin.sensors.list} reply, or null when it failed
   * @param push counters of this server's WebSocket push
   */
  public static String render(JsonObject ingestStats, JsonArray sensors, PushStats push) {
    PrometheusText text = new PrometheusText();
    write(text, ingestStats, sensors, push);
    return text.render();
  }

  /** Adds the telemetry families to a scrape other families (e.g. {@link IncidentMetrics}) share. */
  public static void write(PrometheusText text, JsonObject ingestStats, JsonArray sensors, PushStats push) {
    sourceUp(text, "ingest", ingestStats != null);
    sourceUp(text, "twin", sensors != null);
    if (ingestStats != null) {
      ingest(text, ingestStats);
    }
    if (sensors != null) {
      sensors(text, sensors);
    }
    push(text, push);
  }

  /** {@code citytwin_scrape_source_up{source}}: whether {@code source} answered this scrape. */
  static void sourceUp(PrometheusText text, String source, boolean answered) {
    text.gauge("citytwin_scrape_source_up",
            "1 when the source answered this scrape, 0 when it did not (its metrics are then absent)")
        .sample(answered ? 1 : 0, "source", source);
  }

  private static void ingest(PrometheusText text, JsonObject stats) {
    JsonObject accepted = stats.getJsonObject("accepted", new JsonObject());
    counter(text, "citytwin_telemetry_accepted_messages_total",
        "Telemetry messages accepted (every reading valid)", accepted.getValue("messages"));
    counter(text, "citytwin_telemetry_accepted_readings_total",
        "Readings in accepted telemetry messages", accepted.getValue("readings"));
    PrometheusText.Family rejected = text.counter("citytwin_telemetry_rejected_total",
        "Telemetry messages rejected to the dead-letter store, by reason");
    // Sorted, so consecutive scrapes list the reasons in the same order.
    new TreeMap<>(stats.getJsonObject("rejected", new JsonObject()).getMap()).forEach((reason, count) -> {
      if (count instanceof Number n) {
        rejected.sample(n.doubleValue(), "reason", reason);
      }
    });
    counter(text, "citytwin_telemetry_handed_off_readings_total",
        "Readings durably handed off to the live twin and the history", stats.getValue("handedOff"));
    counter(text, "citytwin_telemetry_hand_off_failures_total",
        "Failed hand-off attempts (each is retried)", stats.getValue("handOffFailures"));
    JsonObject mqtt = stats.getJsonObject("mqtt");
    if (mqtt != null && mqtt.getValue("connected") instanceof Boolean connected) {
      text.gauge("citytwin_mqtt_connected", "1 while the ingest MQTT client is connected to its broker")
          .sample(connected ? 1 : 0, "broker", String.valueOf(mqtt.getString("broker", "")));
    }
    JsonObject history = stats.getJsonObject("history");
    if (history != null) {
      history(text, history);
    }
  }

  private static void history(PrometheusText text, JsonObject history) {
    String store = String.valueOf(history.getValue("store", "unknown"));
    for (String member : new TreeMap<>(history.getMap()).keySet()) {
      if (!(history.getValue(member) instanceof Number n) || member.equals("store")) {
        continue;
      }
      Known known = HISTORY.get(member);
      if (known == null) {
        known = new Known("citytwin_history_" + snakeCase(member), PrometheusText.Type.GAUGE,
            "History store statistic '" + member + "'");
      }
      text.family(known.name(), known.type(), known.help()).sample(n.doubleValue(), "store", store);
    }
  }

  private static void sensors(PrometheusText text, JsonArray sensors) {
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (SensorStatus s : SensorStatus.values()) {
      byStatus.put(s.code(), 0);
    }
    for (Object o : sensors) {
      if (o instanceof JsonObject sensor) {
        JsonObject state = sensor.getJsonObject("state", new JsonObject());
        byStatus.merge(String.valueOf(state.getValue("status", "unknown")), 1, Integer::sum);
      }
    }
    PrometheusText.Family family = text.gauge("citytwin_sensors", "Registered sensors by live status");
    byStatus.forEach((status, count) -> family.sample(count, "status", status));
  }

  private static void push(PrometheusText text, PushStats push) {
    text.gauge("citytwin_websocket_clients", "Dashboards connected to /ws").sample(push.clients());
    text.counter("citytwin_websocket_frames_sent_total", "Event frames written to /ws clients")
        .sample(push.framesSent());
    text.counter("citytwin_websocket_frames_dropped_total",
        "Event frames not written to a /ws client whose write queue was full").sample(push.framesDropped());
    text.counter("citytwin_websocket_resyncs_total",
        "Snapshots re-sent to /ws clients after they had dropped frames").sample(push.resyncs());
  }

  private static void counter(PrometheusText text, String name, String help, Object value) {
    if (value instanceof Number n) {
      text.counter(name, help).sample(n.doubleValue());
    }
  }

  /** {@code pendingPoints} to {@code pending_points}; anything outside [a-z0-9_] becomes {@code _}. */
  static String snakeCase(String member) {
    String snake = member.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    return snake.replaceAll("[^a-z0-9_]", "_");
  }
}
