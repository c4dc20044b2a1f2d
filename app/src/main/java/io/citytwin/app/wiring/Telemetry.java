package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.ingest.deadletter.DeadLetterStore;
import io.citytwin.ingest.handoff.HistorySink;
import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.ingest.handoff.ReadingSinks;
import io.citytwin.ingest.handoff.EventBusSink;
import io.citytwin.ingest.kafka.KafkaReadingSink;
import io.citytwin.ingest.kafka.KafkaReadingSource;
import io.citytwin.ingest.kafka.KafkaSettings;
import io.citytwin.ingest.mqtt.MqttSettings;
import io.citytwin.ingest.mqtt.MqttTelemetrySubscriber;
import io.citytwin.ingest.mqtt.TelemetrySubscriber;
import io.citytwin.ingest.mqtt.VertxMqttTelemetrySubscriber;
import io.citytwin.ingest.mqtt.RejectionListener;
import io.citytwin.ingest.telemetry.DecoderLimits;
import io.citytwin.ingest.telemetry.RejectReason;
import io.citytwin.ingest.telemetry.RejectionCounters;
import io.citytwin.ingest.telemetry.TelemetryDecoder;
import io.citytwin.ingest.telemetry.TelemetryIntake;
import io.citytwin.ingest.vertx.IngestVerticle;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the telemetry path from configuration: MQTT intake, then either the twin and history
 * directly (embedded mode) or Kafka in between (scaled mode, when {@code kafka.bootstrap} is set).
 * The twin-side code is the same in both modes.
 */
final class Telemetry {
  private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
  private static final long TWIN_TIMEOUT_MS = 10_000;

  /** Rejections caused by what a device sent; enough in a row make the sensor faulty. */
  static final Set<RejectReason> DEVICE_FAULTS = EnumSet.complementOf(
      EnumSet.of(RejectReason.BAD_TOPIC, RejectReason.UNKNOWN_SENSOR, RejectReason.INTERNAL_ERROR));

  private Telemetry() {}

  static IngestVerticle.Parts assemble(Vertx vertx, CityTwinConfig config, MqttEndpoint mqtt,
      AtomicReference<SensorRegistry> registry, HistoryStores.Opened history, DeadLetterStore deadLetters) {
    ReadingSink twinAndHistory = ReadingSinks.all(
        EventBusSink.twin(vertx, TWIN_TIMEOUT_MS),
        new EventBusSink(vertx, IncidentAddresses.READINGS, TWIN_TIMEOUT_MS),
        new HistorySink(history.store(), id -> registry.get().find(id)));
    List<IngestVerticle.Lifecycle> lifecycle = new ArrayList<>();
    ReadingSink intakeSink = twinAndHistory;
    if (config.optional("kafka.bootstrap").isPresent()) {
      KafkaSettings defaults = KafkaSettings.defaults(config.text("kafka.bootstrap"));
      KafkaSettings kafka = defaults.withTopic(config.text("kafka.topic"))
          .withGroupId(config.text("kafka.group"))
          .withPartitions(config.integer("kafka.partitions"), defaults.replicationFactor());
      KafkaReadingSink producer = new KafkaReadingSink(kafka);
      KafkaReadingSource consumer = new KafkaReadingSource(kafka, twinAndHistory,
          r -> LOG.warn("undecodable record {}-{}@{} skipped: {}", r.topic(), r.partition(), r.offset(), r.reason()));
      lifecycle.add(lifecycle(producer::start, producer::close));
      lifecycle.add(lifecycle(consumer::start, consumer::stop));
      intakeSink = producer;
    }
    RejectionCounters counters = new RejectionCounters();
    TelemetryDecoder decoder = new TelemetryDecoder(id -> registry.get().quantitiesOf(id),
        DecoderLimits.DEFAULTS.withMaxPayloadBytes(config.integer("ingest.max-payload-bytes")));
    TelemetryIntake intake = new TelemetryIntake(decoder, counters, deadLetters);
    MqttSettings settings = new MqttSettings(mqtt.url(), config.text("mqtt.client-id"), mqtt.username(),
        mqtt.password(), config.text("mqtt.subscription"), 50_000);
    TelemetrySubscriber subscriber = "vertx".equals(config.text("mqtt.client"))
        ? new VertxMqttTelemetrySubscriber(vertx, settings, intake, intakeSink, rejections(vertx), System::currentTimeMillis)
        : new MqttTelemetrySubscriber(vertx, settings, intake, intakeSink, rejections(vertx));
    // Drill telemetry: its own topics, counters and rule state, tagged as exercise everywhere, and
    // straight to this node's twin (never through Kafka, never into real statistics).
    ReadingSink drillSink = ReadingSinks.all(
        new EventBusSink(vertx, TelemetryAddresses.READINGS, TWIN_TIMEOUT_MS, true),
        new EventBusSink(vertx, IncidentAddresses.READINGS, TWIN_TIMEOUT_MS, true),
        new HistorySink(history.store(), id -> registry.get().find(id), true));
    RejectionCounters drillCounters = new RejectionCounters();
    TelemetryIntake drillIntake = new TelemetryIntake(decoder, drillCounters, deadLetters);
    MqttSettings drillSettings = MqttSettings.drills(mqtt.url(), config.text("mqtt.client-id") + "-drills",
        mqtt.username(), mqtt.password());
    TelemetrySubscriber drills = new MqttTelemetrySubscriber(vertx, drillSettings, drillIntake, drillSink,
        (id, reason, at) -> { });
    return new IngestVerticle.Parts(subscriber, mqtt.url(), counters, deadLetters, history.store(),
        history.kind(), history.stats(), id -> registry.get().find(id), lifecycle, drills, drillCounters);
  }

  private static RejectionListener rejections(Vertx vertx) {
    return (sensorId, reason, at) -> {
      if (DEVICE_FAULTS.contains(reason)) {
        vertx.eventBus().publish(TelemetryAddresses.REJECTIONS, new JsonObject().put("sensorId", sensorId)
            .put("reason", reason.name().toLowerCase(Locale.ROOT)).put("at", at));
      }
    };
  }

  private static IngestVerticle.Lifecycle lifecycle(
      java.util.function.Supplier<Future<?>> start, java.util.function.Supplier<Future<?>> stop) {
    return new IngestVerticle.Lifecycle() {
      @Override
      public Future<?> start() {
        return start.get();
      }

      @Override
      public Future<?> stop() {
        return stop.get();
      }
    };
  }
}
