package io.citytwin.app.sim;

import static io.citytwin.app.incident.LinkedDisposalIT.http;
import static io.citytwin.app.incident.LinkedDisposalIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.app.incident.LinkedDisposalIT;
import io.citytwin.twin.cap.CapParseResult;
import io.citytwin.twin.cap.CapParser;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drill end to end on the running platform: the building-fire drill's footprints become smoke
 * readings of the real detectors inside, published through the embedded broker on drill topics →
 * an exercise fire incident → tasks → an agency acknowledges → the drill is scored; everything is
 * marked as an exercise (incident, CAP status, history) and the real live state is untouched.
 */
class DrillIT {
  @TempDir Path dir;

  @Test
  void aFireDrillRaisesAnExerciseIncidentWhoseResponseIsScored() throws Exception {
    Platform p = LinkedDisposalIT.start(dir.resolve("data"), Map.of());
    try {
      HttpResponse<String> started = http(p, "POST", "/api/drills",
          "{\"scenario\":\"monaco-drill-fire\",\"speed\":600,\"scoreAfterSeconds\":8}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      String drill = new JsonObject(started.body()).getString("id");

      await().atMost(Duration.ofSeconds(60)).until(() -> !LinkedDisposalIT.incidents(p, "?exercise=true").isEmpty());
      List<JsonObject> exercise = LinkedDisposalIT.incidents(p, "?exercise=true");
      JsonObject incident = exercise.get(0);
      assertThat(incident.getString("type")).isEqualTo("fire");
      assertThat(incident.getBoolean("exercise")).isTrue();
      assertThat(LinkedDisposalIT.incidents(p, "?exercise=false")).isEmpty();

      // an agency responds: the fire brigade acknowledges over REST
      String fireTask = incident.getJsonArray("tasks").stream().map(JsonObject.class::cast)
          .filter(t -> t.getString("agency").equals("fire")).findFirst().orElseThrow().getString("id");
      assertThat(http(p, "POST", "/api/incidents/" + incident.getString("id") + "/tasks/" + fireTask + "/ack",
          "{\"by\":\"drill crew\"}").statusCode()).isEqualTo(200);

      // CAP says Exercise
      String cap = http(p, "GET", "/api/incidents/" + incident.getString("id") + "/cap", null).body();
      CapParseResult parsed = new CapParser().parse(cap.getBytes(StandardCharsets.UTF_8), "drill CAP");
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.validAlert().orElseThrow().status().cap()).isEqualTo("Exercise");

      // the drill is scored
      await().atMost(Duration.ofSeconds(90)).until(() -> json(p, "/api/drills/" + drill).getString("status").equals("finished"));
      JsonObject score = json(p, "/api/drills/" + drill).getJsonObject("score");
      assertThat(score.getDouble("timeToDetectSeconds")).isNotNull().isGreaterThanOrEqualTo(0.0);
      assertThat(score.getInteger("incidents")).isGreaterThanOrEqualTo(1);
      assertThat(score.getInteger("tasksAcknowledged")).isGreaterThanOrEqualTo(1);
      assertThat(score.getJsonObject("agencies").getJsonObject("fire").getInteger("acknowledged")).isEqualTo(1);
      HttpResponse<String> report = http(p, "GET", "/api/drills/" + drill + "/report?format=markdown", null);
      assertThat(report.body()).contains("EXERCISE").contains("time to detect");

      // drill telemetry is in history as exercise, and never in the real live state
      String detector = "smk-001";
      JsonObject real = json(p, "/api/sensors/" + detector);
      assertThat(real.getJsonObject("state").getString("status")).isNotEqualTo("ok");
      var points = json(p, "/api/sensors/" + detector + "/history?quantity=smoke").getJsonArray("points");
      assertThat(points).isNotEmpty();
      assertThat(points.stream().map(JsonObject.class::cast).allMatch(pt -> pt.getBoolean("exercise"))).isTrue();
    } finally {
      p.closeAndWait();
    }
  }
}
