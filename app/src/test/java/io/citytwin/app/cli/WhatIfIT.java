package io.citytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.app.incident.LinkedDisposalIT;
import io.citytwin.twin.sensor.demo.DemoFleet;
import io.citytwin.twin.sensor.Sensor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citytwin simulate --from-live} against a running platform: the forecast starts now, at
 * the live incident's building, and a flood starts from the sea level the port gauge reports.
 */
class WhatIfIT {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private Platform platform;

  @BeforeEach
  void start() {
    // Started before the streams are captured, so a failing start-up leaves its log in the report.
    platform = LinkedDisposalIT.start(dir.resolve("data"), Map.of());
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    if (oldOut != null) {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    if (platform != null) {
      platform.closeAndWait();
    }
  }

  private int simulate(String... args) {
    out.reset();
    err.reset();
    return CityTwinCommand.commandLine().execute(args);
  }

  private String url() {
    return "http://127.0.0.1:" + platform.httpPort();
  }

  @Test
  void aLiveFireIsForecastFromNowInItsBuilding() throws Exception {
    List<Sensor> detectors = LinkedDisposalIT.twoDetectorsInOneBuilding(platform);
    long now = System.currentTimeMillis();
    for (Sensor s : detectors) {
      LinkedDisposalIT.smoke(platform, s, now, 12.0);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !LinkedDisposalIT.incidents(platform, "?type=fire").isEmpty());
    JsonObject incident = LinkedDisposalIT.incidents(platform, "?type=fire").get(0);
    String building = detectors.get(0).placement().building().key();

    Instant before = Instant.now().minusSeconds(1);
    Path results = dir.resolve("fire");
    int code = simulate("simulate", "--from-live", url(), "--incident", incident.getString("id"), "--out", results.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

    JsonObject scenario = new JsonObject(Files.readString(results.resolve("summary.json"))).getJsonObject("scenario");
    assertThat(scenario.getString("type")).isEqualTo("building_fire");
    assertThat(scenario.getJsonObject("site").getString("entity")).isEqualTo("building/" + building);
    Instant start = Instant.parse(scenario.getString("start"));
    assertThat(start).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.now());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("what-if: incident " + incident.getString("id"));

    // The document kept beside the results re-runs the same forecast.
    Path again = dir.resolve("again");
    assertThat(simulate("simulate", results.resolve("scenario.json").toString(), "--out", again.toString())).isZero();
    assertThat(Files.readString(again.resolve("metrics.csv"))).isEqualTo(Files.readString(results.resolve("metrics.csv")));
  }

  @Test
  void aFloodStartsFromTheSeaLevelThePortGaugeReportsNow() throws Exception {
    MqttClient c = LinkedDisposalIT.mqtt(platform, "wl-001", DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, "wl-001"));
    c.publish("citytwin/v1/sensors/wl-001/telemetry",
        ("{\"ts\":" + System.currentTimeMillis() + ",\"water_level\":1.25,\"rainfall\":0}").getBytes(StandardCharsets.UTF_8), 1, false);
    c.disconnect();
    c.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> LinkedDisposalIT.json(platform, "/api/sensors/wl-001")
        .getJsonObject("state").getJsonObject("latest", new JsonObject()).containsKey("water_level"));

    Path results = dir.resolve("flood");
    assertThat(simulate("simulate", "monaco-flood", "--from-live", url(), "--out", results.toString(), "--no-charts"))
        .as(err.toString(StandardCharsets.UTF_8)).isZero();
    JsonObject scenario = new JsonObject(Files.readString(results.resolve("scenario.json")));
    JsonArray level = scenario.getJsonObject("parameters").getJsonArray("sources").getJsonObject(0).getJsonArray("levelM");
    assertThat(level.getJsonArray(0).getDouble(1)).isEqualTo(1.25);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("sea level 1.250 m now (wl-001");
  }

  @Test
  void anUnknownIncidentOrAnUnreachablePlatformIsSaidPlainly() {
    assertThat(simulate("simulate", "--from-live", url(), "--incident", "INC-404", "--out", dir.resolve("x").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no incident INC-404 at " + url());
    assertThat(simulate("simulate", "--from-live", "http://127.0.0.1:9", "--incident", "INC-1", "--out",
        dir.resolve("z").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach the platform at http://127.0.0.1:9/");
    assertThat(simulate("simulate", "--from-live", "ftp://example", "--incident", "INC-1", "--out",
        dir.resolve("w").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not an http(s) URL");
    assertThat(simulate("simulate", "--incident", "INC-1", "--out", dir.resolve("y").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--incident needs --from-live");
  }
}
