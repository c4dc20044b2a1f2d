package io.citytwin.app.incident;

import static io.citytwin.app.incident.LinkedDisposalIT.incidents;
import static io.citytwin.app.incident.LinkedDisposalIT.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.demo.DemoFleet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules are data: editing the rules file changes what raises incidents, without a restart. */
class RulesReloadIT {
  @TempDir Path dir;

  @Test
  void aRuleAddedToTheFileTakesEffectAndABrokenFileLeavesTheRunningRules() throws Exception {
    Path rules = dir.resolve("rules.json");
    try (var in = getClass().getResourceAsStream("/cities/monaco/rules.json")) {
      Files.write(rules, in.readAllBytes());
    }
    Platform p = start(dir.resolve("data"), Map.of("rules.file", rules.toString()));
    try {
      Sensor noise = p.registry().get().ofKind(SensorKind.NOISE_MONITOR).get(0);
      JsonObject file = new JsonObject(Files.readString(rules));
      file.getJsonArray("rules").add(new JsonObject()
          .put("id", "noise-test").put("title", "Test noise alarm").put("description", "test rule")
          .put("kind", "threshold").put("incident", "infrastructure_failure").put("severity", "minor")
          .put("sensor_kinds", new JsonArray().add("noise_monitor")).put("quantity", "noise")
          .put("above", 110).put("clear", 100).put("place", "sensor"));
      Files.writeString(rules, file.encodePrettily());
      Thread.sleep(7_000); // the platform checks the file every 5 s

      MqttClient c = LinkedDisposalIT.mqtt(p, noise.id(), DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, noise.id()));
      c.publish("citytwin/v1/sensors/" + noise.id() + "/telemetry",
          ("{\"ts\":" + (System.currentTimeMillis() - 1000) + ",\"noise\":120}").getBytes(StandardCharsets.UTF_8), 1, false);
      await().atMost(Duration.ofSeconds(10)).until(() -> !incidents(p, "?type=infrastructure_failure").isEmpty());
      assertThat(incidents(p, "?type=infrastructure_failure").get(0).getString("title")).isNotBlank();

      Files.writeString(rules, "{ not json");
      Thread.sleep(7_000);
      long now = System.currentTimeMillis();
      c.publish("citytwin/v1/sensors/" + noise.id() + "/telemetry",
          ("{\"ts\":" + (now - 500) + ",\"noise\":50}").getBytes(StandardCharsets.UTF_8), 1, false);
      c.publish("citytwin/v1/sensors/" + noise.id() + "/telemetry",
          ("{\"ts\":" + now + ",\"noise\":121}").getBytes(StandardCharsets.UTF_8), 1, false);
      c.disconnect();
      c.close();
      // still running on the last good rules: the rule cleared, fired again, and re-triggered the incident
      await().atMost(Duration.ofSeconds(10)).until(() ->
          incidents(p, "?type=infrastructure_failure").get(0).getLong("alarmCount") == 2);
    } finally {
      p.closeAndWait();
    }
  }
}
