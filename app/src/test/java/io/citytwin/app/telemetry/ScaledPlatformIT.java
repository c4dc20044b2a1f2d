package io.citytwin.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.ingest.testing.InfluxServer;
import io.citytwin.ingest.testing.KafkaBroker;
import io.citytwin.ingest.testing.Mosquitto;
import io.citytwin.ingest.testing.Publisher;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaled deployment in one test: sensors publish to an external Mosquitto broker, ingest
 * produces to a real Kafka broker (in-JVM KRaft), the twin consumes as a consumer group, history
 * goes to a real InfluxDB 1.x server. Read back from the live twin and from InfluxDB itself.
 */
class ScaledPlatformIT {
  @TempDir Path dir;

  @Test
  void readingsFlowMqttToKafkaToTheTwinAndIntoInfluxDb() throws Exception {
    Path mq = java.nio.file.Files.createDirectories(dir.resolve("mosquitto"));
    Path influxDir = java.nio.file.Files.createDirectories(dir.resolve("influx"));
    java.util.List<JsonObject> hooked = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.vertx.core.Vertx hookVertx = io.vertx.core.Vertx.vertx();
    int hookPort = hookVertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      hooked.add(b.toJsonObject());
      req.response().setStatusCode(204).end();
    })).listen(0).await().actualPort();
    try (Mosquitto mosquitto = Mosquitto.start(mq, List.of());
        KafkaBroker kafka = KafkaBroker.start();
        InfluxServer influx = InfluxServer.startForTest(influxDir)) {
      CityTwinConfig cfg = CityTwinConfig.load(Optional.empty(), Map.of(), Map.of(
          "http.port", "0", "data.dir", dir.resolve("data").toString(), "simulator.enabled", "false",
          "mqtt.url", mosquitto.url(), "kafka.bootstrap", kafka.bootstrapServers(), "kafka.partitions", "4",
          "history.store", "influx", "influx.url", influx.url().toString(), "influx.database", "citytwin",
          "alerts.webhooks", "{\"fire\": \"http://127.0.0.1:" + hookPort + "/fire\"}"));
      Platform p = Platform.start(cfg).toCompletionStage().toCompletableFuture().join();
      try {
        List<Sensor> counters = p.registry().get().ofKind(SensorKind.TRAFFIC_COUNTER).subList(0, 10);
        long t0 = System.currentTimeMillis() - 600_000;
        int perSensor = 50;
        try (Publisher pub = Publisher.anonymous(mosquitto.url(), "scaled-it")) {
          for (int i = 0; i < perSensor; i++) {
            for (Sensor s : counters) {
              pub.publish("citytwin/v1/sensors/" + s.id() + "/telemetry",
                  "{\"ts\":" + (t0 + i * 1000L) + ",\"traffic_flow\":" + (600 + i) + ",\"speed\":" + (30 + i % 20) + "}", 1);
            }
          }
        }
        Sensor last = counters.get(counters.size() - 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          JsonObject s = (JsonObject) p.vertx().eventBus().request(TelemetryAddresses.SENSOR, last.id()).await().body();
          JsonObject flow = s.getJsonObject("state").getJsonObject("latest").getJsonObject("traffic_flow");
          return flow != null && flow.getDouble("value") == 600 + perSensor - 1;
        });
        await().atMost(Duration.ofSeconds(60)).until(() ->
            influx.count("citytwin", "traffic_flow") == (long) perSensor * counters.size()
                && influx.count("citytwin", "speed") == (long) perSensor * counters.size());
        JsonObject history = (JsonObject) p.vertx().eventBus().request(TelemetryAddresses.HISTORY, new JsonObject()
            .put("sensorId", last.id()).put("quantity", "traffic_flow").put("from", t0).put("to", t0 + 3_600_000))
            .await().body();
        assertThat(history.getJsonArray("points")).hasSize(perSensor);

        // a fire: its tasks reach Kafka citytwin.alerts and the fire brigade's webhook
        List<Sensor> smoke = p.registry().get().ofKind(SensorKind.SMOKE_DETECTOR).stream()
            .filter(s -> s.id().equals("smk-001") || s.id().equals("smk-002")).toList();
        try (Publisher pub = Publisher.anonymous(mosquitto.url(), "scaled-it-smoke")) {
          long ts = System.currentTimeMillis() - 10_000;
          pub.publish("citytwin/v1/sensors/" + smoke.get(0).id() + "/telemetry", "{\"ts\":" + ts + ",\"smoke\":15}", 1);
          pub.publish("citytwin/v1/sensors/" + smoke.get(1).id() + "/telemetry", "{\"ts\":" + (ts + 1000) + ",\"smoke\":12}", 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hooked.stream()
            .anyMatch(m -> "fire".equals(m.getJsonObject("task").getString("agency"))));
        List<JsonObject> kafkaAlerts = alertsOnKafka(kafka.bootstrapServers());
        assertThat(kafkaAlerts).extracting(m -> m.getJsonObject("task").getString("agency"))
            .contains("fire", "ems", "police", "traffic");
      } finally {
        p.closeAndWait();
      }
    } finally {
      hookVertx.close().await();
    }
  }

  /** Everything on Kafka's citytwin.alerts so far, read by a fresh consumer. */
  static List<JsonObject> alertsOnKafka(String bootstrap) {
    java.util.Properties props = new java.util.Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", "scaled-it-alerts");
    props.put("auto.offset.reset", "earliest");
    List<JsonObject> out = new java.util.ArrayList<>();
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props,
        new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.StringDeserializer())) {
      consumer.subscribe(List.of("citytwin.alerts"));
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline && out.size() < 4) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> out.add(new JsonObject(r.value())));
      }
    }
    return out;
  }
}
