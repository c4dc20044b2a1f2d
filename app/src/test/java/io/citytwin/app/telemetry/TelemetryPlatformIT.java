package io.citytwin.app.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.demo.DemoFleet;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citytwin run} on embedded defaults (broker, demo fleet registry, embedded history), with
 * a real MQTT client publishing as a registered demo sensor.
 */
class TelemetryPlatformIT {
  @TempDir Path data;

  private Platform start() {
    CityTwinConfig cfg = CityTwinConfig.load(Optional.empty(), Map.of(), Map.of(
        "http.port", "0", "mqtt.port", "0", "data.dir", data.toString(), "simulator.enabled", "false"));
    return Platform.start(cfg).toCompletionStage().toCompletableFuture().join();
  }

  private static MqttClient connect(String url, String user, String secret) throws Exception {
    MqttClient c = new MqttClient(url, user + "-it", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(user);
    o.setPassword(secret.toCharArray());
    c.setTimeToWait(10_000);
    c.connect(o);
    return c;
  }

  private static JsonObject request(Platform p, String address, Object body) {
    return (JsonObject) p.vertx().eventBus().request(address, body).await().body();
  }

  @Test
  void aReadingPublishedByADemoSensorReachesTheLiveTwinAndHistoryAndHistorySurvivesARestart() throws Exception {
    long ts = System.currentTimeMillis() - 5_000;
    String sensorId;
    Platform p = start();
    try {
      Sensor s = p.registry().get().ofKind(SensorKind.AIR_QUALITY).get(0);
      sensorId = s.id();
      MqttClient client = connect(p.mqttUrl(), sensorId, DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, sensorId));
      client.publish("citytwin/v1/sensors/" + sensorId + "/telemetry",
          ("{\"ts\":" + ts + ",\"pm25\":41.5,\"no2\":88}").getBytes(StandardCharsets.UTF_8), 1, false);
      client.disconnect();
      client.close();

      await().atMost(Duration.ofSeconds(10)).until(() ->
          request(p, TelemetryAddresses.SENSOR, sensorId).getJsonObject("state").getString("status").equals("ok"));
      JsonObject latest = request(p, TelemetryAddresses.SENSOR, sensorId).getJsonObject("state").getJsonObject("latest");
      assertThat(latest.getJsonObject("pm25").getDouble("value")).isEqualTo(41.5);
      assertThat(latest.getJsonObject("pm25").getString("unit")).isEqualTo("ug/m3");
      String district = s.placement().district().key();
      JsonObject indicators = request(p, TelemetryAddresses.INDICATORS, null);
      assertThat(indicators.getJsonArray("districts").stream().map(JsonObject.class::cast)
          .filter(d -> d.getString("code").equals(district)).findFirst().orElseThrow()
          .getJsonArray("indicators").stream().map(JsonObject.class::cast)
          .filter(i -> i.getString("quantity").equals("pm25")).findFirst().orElseThrow()
          .getDouble("max")).isEqualTo(41.5);
    } finally {
      p.closeAndWait();
    }
    Platform again = start();
    try {
      JsonObject history = request(again, TelemetryAddresses.HISTORY, new JsonObject()
          .put("sensorId", sensorId).put("quantity", "pm25").put("from", ts - 1).put("to", ts + 1));
      assertThat(history.getJsonArray("points")).hasSize(1);
      assertThat(history.getJsonArray("points").getJsonObject(0).getDouble("value")).isEqualTo(41.5);
    } finally {
      again.closeAndWait();
    }
  }

  private static java.net.http.HttpResponse<String> http(Platform p, String method, String path, String body) throws Exception {
    var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + p.httpPort() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    return java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSensorRegisteredOverRestCanPublishIsServedWithHistoryAndSurvivesARestart() throws Exception {
    long ts = System.currentTimeMillis() - 2_000;
    Platform p = start();
    try {
      var created = http(p, "POST", "/api/sensors", "{\"id\":\"wl-test-1\",\"kind\":\"water_level\","
          + "\"lat\":43.7350,\"lon\":7.4215,\"secret\":\"a-long-enough-secret-1\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(http(p, "POST", "/api/sensors", "{\"id\":\"wl-test-1\",\"kind\":\"water_level\",\"lat\":43.7350,\"lon\":7.4215}")
          .statusCode()).isEqualTo(409);
      assertThat(http(p, "POST", "/api/sensors", "{\"id\":\"bad\",\"kind\":\"volcano\",\"lat\":43.7350,\"lon\":7.4215}")
          .body()).contains("kind");
      MqttClient client = connect(p.mqttUrl(), "wl-test-1", "a-long-enough-secret-1");
      client.publish("citytwin/v1/sensors/wl-test-1/telemetry",
          ("{\"ts\":" + ts + ",\"water_level\":1.25}").getBytes(StandardCharsets.UTF_8), 1, false);
      client.disconnect();
      client.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> new JsonObject(http(p, "GET", "/api/sensors/wl-test-1", null).body())
          .getJsonObject("state").getString("status").equals("ok"));
      JsonObject history = new JsonObject(http(p, "GET", "/api/sensors/wl-test-1/history?quantity=water_level&from="
          + (ts - 1000) + "&to=" + (ts + 1000), null).body());
      assertThat(history.getJsonArray("points").getJsonObject(0).getDouble("value")).isEqualTo(1.25);
    } finally {
      p.closeAndWait();
    }
    Platform again = start();
    try {
      var got = http(again, "GET", "/api/sensors/wl-test-1", null);
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(got.body()).getString("district")).isNotNull();
    } finally {
      again.closeAndWait();
    }
  }

  @Test
  void theEmbeddedBrokerRefusesWrongCredentialsAndDeadLettersGarbage() throws Exception {
    Platform p = start();
    try {
      Sensor s = p.registry().get().ofKind(SensorKind.WATER_LEVEL).get(0);
      assertThatThrownBy(() -> connect(p.mqttUrl(), s.id(), "not-the-secret"))
          .isInstanceOf(MqttSecurityException.class);
      MqttClient client = connect(p.mqttUrl(), s.id(), DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, s.id()));
      client.publish("citytwin/v1/sensors/" + s.id() + "/telemetry", "{\"water_level\": NaN}".getBytes(StandardCharsets.UTF_8), 1, false);
      client.disconnect();
      client.close();
      await().atMost(Duration.ofSeconds(10)).until(() ->
          request(p, TelemetryAddresses.DEAD_LETTERS, new JsonObject()).getJsonArray("recent").size() == 1);
      JsonObject dl = request(p, TelemetryAddresses.DEAD_LETTERS, new JsonObject());
      assertThat(dl.getJsonArray("recent").getJsonObject(0).getString("topic")).contains(s.id());
      assertThat(dl.getJsonObject("counters").getLong("not_json") + dl.getJsonObject("counters").getLong("not_a_number"))
          .isEqualTo(1);
    } finally {
      p.closeAndWait();
    }
  }
}
