package io.citytwin.app.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.twin.sensor.demo.DemoFleet;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citytwin run} as a separate process, killed with SIGKILL right after acknowledgements were
 * accepted: on restart every incident, task and acknowledgement is back from the journal.
 */
class JournalKillIT {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Path JAR = Path.of("target", "citytwin.jar");
  @TempDir Path data;
  int httpPort;
  int mqttPort;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Process start() throws Exception {
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString(), "run",
        "--port", Integer.toString(httpPort), "--set", "mqtt.port=" + mqttPort, "--set", "data.dir=" + data,
        "--set", "simulator.enabled=false")
        .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
      if (!p.isAlive()) {
        throw new IllegalStateException("citytwin exited with " + p.exitValue());
      }
      try {
        return get("/health").statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
    return p;
  }

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void smoke(String sensor, long ts, double value) throws Exception {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + mqttPort, sensor + "-kill-it", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(sensor);
    o.setPassword(DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, sensor).toCharArray());
    c.setTimeToWait(10_000);
    c.connect(o);
    c.publish("citytwin/v1/sensors/" + sensor + "/telemetry",
        ("{\"ts\":" + ts + ",\"smoke\":" + value + "}").getBytes(StandardCharsets.UTF_8), 1, false);
    c.disconnect();
    c.close();
  }

  @Test
  void acknowledgedTasksSurviveAKillMinus9() throws Exception {
    httpPort = freePort();
    mqttPort = freePort();
    Process first = start();
    String incidentId;
    try {
      List<String> detectors = twoDetectorsOfOneBuilding();
      long t0 = System.currentTimeMillis() - 20_000;
      smoke(detectors.get(0), t0, 13.0);
      smoke(detectors.get(1), t0 + 5_000, 12.0);
      await().atMost(Duration.ofSeconds(20)).until(() ->
          new JsonObject(get("/api/incidents?type=fire").body()).getJsonArray("incidents").size() == 1);
      incidentId = new JsonObject(get("/api/incidents?type=fire").body()).getJsonArray("incidents").getJsonObject(0).getString("id");
      for (String task : List.of("fire-1", "police-1")) {
        HttpResponse<String> ack = post("/api/incidents/" + incidentId + "/tasks/" + task + "/ack", "{\"by\":\"duty officer\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
      }
    } finally {
      first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
    }
    Process second = start();
    try {
      JsonObject incident = new JsonObject(get("/api/incidents/" + incidentId).body());
      assertThat(incident.getString("type")).isEqualTo("fire");
      for (Object o : incident.getJsonArray("tasks")) {
        JsonObject t = (JsonObject) o;
        boolean acked = t.getString("id").equals("fire-1") || t.getString("id").equals("police-1");
        assertThat(t.getString("status")).as(t.encode()).isEqualTo(acked ? "acknowledged" : "dispatched");
        if (acked) {
          assertThat(t.getString("ackedBy")).isEqualTo("duty officer");
        }
      }
      assertThat(new JsonObject(get("/api/incidents?type=fire").body()).getJsonArray("incidents")).hasSize(1);
    } finally {
      second.destroy();
      second.waitFor();
    }
  }

  /** Two of the six smoke detectors of the Princess Grace hospital in the shipped demo fleet. */
  static List<String> twoDetectorsOfOneBuilding() {
    return List.of("smk-001", "smk-002");
  }
}
