package io.citytwin.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.web.push.PushStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** {@code /metrics} text, read back with an independent parser of the exposition format. */
class TelemetryMetricsTest {
  private static final PushStats PUSH = new PushStats(2, 40, 3, 1);

  private static JsonObject stats(JsonObject history) {
    return new JsonObject()
        .put("accepted", new JsonObject().put("messages", 1200).put("readings", 3400))
        .put("rejected", new JsonObject().put("unknown_sensor", 2).put("not_json", 7))
        .put("handedOff", 3398).put("handOffFailures", 1)
        .put("mqtt", new JsonObject().put("connected", true).put("broker", "tcp://127.0.0.1:1883"))
        .put("history", history);
  }

  private static JsonObject sensor(String status) {
    return new JsonObject().put("id", "s-" + status).put("state", new JsonObject().put("status", status));
  }

  @Test
  void exportsIngestCountersSensorsByStatusAndPushCounters() {
    JsonArray sensors = new JsonArray().add(sensor("ok")).add(sensor("ok")).add(sensor("faulty"));
    JsonObject influx = new JsonObject().put("store", "influxdb").put("pendingPoints", 512).put("spoolBytes", 40960)
        .put("writtenPoints", 9000).put("retries", 4).put("rejectedPoints", 0).put("lastError", "connection refused");
    Exposition e = Exposition.parse(TelemetryMetrics.render(stats(influx), sensors, PUSH));

    assertThat(e.value("citytwin_scrape_source_up", "source", "ingest")).isEqualTo(1);
    assertThat(e.value("citytwin_scrape_source_up", "source", "twin")).isEqualTo(1);
    assertThat(e.value("citytwin_telemetry_accepted_messages_total")).isEqualTo(1200);
    assertThat(e.value("citytwin_telemetry_accepted_readings_total")).isEqualTo(3400);
    assertThat(e.value("citytwin_telemetry_rejected_total", "reason", "not_json")).isEqualTo(7);
    assertThat(e.value("citytwin_telemetry_rejected_total", "reason", "unknown_sensor")).isEqualTo(2);
    assertThat(e.value("citytwin_telemetry_handed_off_readings_total")).isEqualTo(3398);
    assertThat(e.value("citytwin_telemetry_hand_off_failures_total")).isEqualTo(1);
    assertThat(e.value("citytwin_mqtt_connected", "broker", "tcp://127.0.0.1:1883")).isEqualTo(1);
    assertThat(e.value("citytwin_history_pending_points", "store", "influxdb")).isEqualTo(512);
    assertThat(e.value("citytwin_history_written_points_total", "store", "influxdb")).isEqualTo(9000);
    assertThat(e.value("citytwin_history_write_retries_total", "store", "influxdb")).isEqualTo(4);
    assertThat(e.value("citytwin_sensors", "status", "ok")).isEqualTo(2);
    assertThat(e.value("citytwin_sensors", "status", "faulty")).isEqualTo(1);
    // Every status is listed, so a status that empties shows 0 instead of vanishing.
    assertThat(e.value("citytwin_sensors", "status", "stale")).isZero();
    assertThat(e.value("citytwin_sensors", "status", "no-signal")).isZero();
    assertThat(e.value("citytwin_websocket_clients")).isEqualTo(2);
    assertThat(e.value("citytwin_websocket_frames_dropped_total")).isEqualTo(3);
    assertThat(e.types).containsEntry("citytwin_telemetry_rejected_total", "counter")
        .containsEntry("citytwin_sensors", "gauge").containsEntry("citytwin_history_pending_points", "gauge")
        .containsEntry("citytwin_history_written_points_total", "counter");
    assertThat(e.help.get("citytwin_telemetry_rejected_total")).isNotBlank();
  }

  @Test
  void embeddedStoreStatisticsAndUnknownOnesAreExportedPerStore() {
    JsonObject embedded = new JsonObject().put("store", "embedded").put("points", 77).put("logBytes", 4096)
        .put("replayedAtOpen", 3).put("pruned", 10).put("compactionsDone", 2).put("path", "/var/lib/citytwin");
    Exposition e = Exposition.parse(TelemetryMetrics.render(stats(embedded), new JsonArray(), PUSH));
    assertThat(e.value("citytwin_history_points", "store", "embedded")).isEqualTo(77);
    assertThat(e.value("citytwin_history_log_bytes", "store", "embedded")).isEqualTo(4096);
    assertThat(e.value("citytwin_history_pruned_points_total", "store", "embedded")).isEqualTo(10);
    assertThat(e.value("citytwin_history_compactions_done", "store", "embedded")).isEqualTo(2);
    assertThat(e.types).containsEntry("citytwin_history_compactions_done", "gauge");
    assertThat(e.samples).noneMatch(s -> s.name().contains("path"));
    assertThat(e.samples("citytwin_history_pending_points")).isEmpty();
  }

  @Test
  void aSourceThatDidNotAnswerIsDownAndContributesNoSamples() {
    Exposition e = Exposition.parse(TelemetryMetrics.render(null, null, PUSH));
    assertThat(e.value("citytwin_scrape_source_up", "source", "ingest")).isZero();
    assertThat(e.value("citytwin_scrape_source_up", "source", "twin")).isZero();
    assertThat(e.samples).extracting(Exposition.Sample::name)
        .allMatch(n -> n.equals("citytwin_scrape_source_up") || n.startsWith("citytwin_websocket_"));
  }

  @Test
  void labelValuesWithQuotesBackslashesAndLineFeedsAreEscaped() {
    JsonObject stats = stats(new JsonObject().put("store", "embedded"));
    stats.getJsonObject("rejected").put("say \"hi\"\\n\nbye", 5);
    stats.getJsonObject("mqtt").put("broker", "ssl://b\\x:8883/\"q\"");
    String text = TelemetryMetrics.render(stats, new JsonArray(), PUSH);
    assertThat(text).contains("citytwin_telemetry_rejected_total{reason=\"say \\\"hi\\\"\\\\n\\nbye\"} 5\n");
    Exposition e = Exposition.parse(text);
    assertThat(e.value("citytwin_telemetry_rejected_total", "reason", "say \"hi\"\\n\nbye")).isEqualTo(5);
    assertThat(e.value("citytwin_mqtt_connected", "broker", "ssl://b\\x:8883/\"q\"")).isEqualTo(1);
  }

  @Property(tries = 300, seed = "20261124")
  void anyLabelValueReadsBackAsWritten(@ForAll @StringLength(max = 40) String value, @ForAll double number) {
    PrometheusText text = new PrometheusText();
    text.counter("x_total", "help with \\ and\nline").sample(number, "a", value, "b", value + "\n");
    Exposition e = Exposition.parse(text.render());
    assertThat(e.samples).hasSize(1);
    assertThat(e.samples.get(0).labels()).isEqualTo(Map.of("a", value, "b", value + "\n"));
    assertThat(e.samples.get(0).value()).isEqualTo(number);
    assertThat(e.help.get("x_total")).isEqualTo("help with \\ and\nline");
  }

  @Test
  void valuesUseTheFormatsSpellingOfSpecialNumbers() {
    assertThat(PrometheusText.formatValue(3)).isEqualTo("3");
    assertThat(PrometheusText.formatValue(-0.25)).isEqualTo("-0.25");
    assertThat(PrometheusText.formatValue(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.formatValue(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusText.formatValue(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(Double.parseDouble(PrometheusText.formatValue(1e300))).isEqualTo(1e300);
  }

  @Test
  void refusesNamesTheFormatDoesNotAllowAndConflictingTypes() {
    PrometheusText text = new PrometheusText();
    assertThatThrownBy(() -> text.gauge("9lives", "")).hasMessage("not a Prometheus metric name: '9lives'");
    assertThatThrownBy(() -> text.gauge("ok", "").sample(1, "bad-label", "v"))
        .hasMessage("not a Prometheus label name: 'bad-label'");
    assertThatThrownBy(() -> text.gauge("ok", "").sample(1, "__reserved", "v"))
        .hasMessage("not a Prometheus label name: '__reserved'");
    assertThatThrownBy(() -> text.counter("ok", "")).hasMessage("metric ok is a gauge, not a counter");
    assertThat(TelemetryMetrics.snakeCase("pendingPoints")).isEqualTo("pending_points");
    assertThat(TelemetryMetrics.snakeCase("spool.bytes-2")).isEqualTo("spool_bytes_2");
  }
}
