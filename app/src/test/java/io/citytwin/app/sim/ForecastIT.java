package io.citytwin.app.sim;

import static io.citytwin.app.incident.LinkedDisposalIT.http;
import static io.citytwin.app.incident.LinkedDisposalIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.citytwin.app.Platform;
import io.citytwin.app.incident.LinkedDisposalIT;
import io.citytwin.twin.sensor.Sensor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecasts inside the running platform: started over REST, frames on the WebSocket, every output
 * written under data.dir; a what-if from now for a live fire incident; refusals that say why.
 */
class ForecastIT {
  @TempDir Path dir;
  private Platform p;
  private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  private WebSocket ws;

  @BeforeEach
  void start() throws Exception {
    p = LinkedDisposalIT.start(dir.resolve("data"), Map.of());
    ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + p.httpPort() + "/ws"), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              JsonObject m = new JsonObject(text.toString());
              text.setLength(0);
              if ("forecast-frame".equals(m.getString("type"))) {
                frames.add(m);
              }
            }
            socket.request(1);
            return null;
          }
        }).join();
  }

  @AfterEach
  void stop() {
    ws.abort();
    p.closeAndWait();
  }

  @Test
  void aBuiltInForecastRunsToTheEndWithItsFramesOnTheWebSocketAndItsOutputsOnDisk() throws Exception {
    HttpResponse<String> started = http(p, "POST", "/api/forecasts", "{\"scenario\":\"monaco-chemical\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject forecast = new JsonObject(started.body());
    String id = forecast.getString("id");
    assertThat(started.headers().firstValue("Location")).contains("/api/forecasts/" + id);
    assertThat(forecast.getJsonObject("scenario").getString("type")).isEqualTo("chemical_release");

    await().atMost(Duration.ofSeconds(60)).until(() -> json(p, "/api/forecasts/" + id).getString("status").equals("finished"));
    JsonObject done = json(p, "/api/forecasts/" + id);
    // The release lasts 20 minutes; the model stops once the plume has passed.
    int stepsRun = done.getJsonObject("summary").getJsonObject("run").getInteger("stepsRun");
    assertThat(done.getJsonObject("summary").getString("outcome")).isEqualTo("finished_early");
    assertThat(done.getInteger("step")).isEqualTo(stepsRun).isBetween(2, 23);
    assertThat(done.getInteger("steps")).isEqualTo(24);
    Path out = Path.of(done.getString("outputs"));
    assertThat(out).startsWith(dir.resolve("data"));
    assertThat(out.resolve("summary.json")).exists();
    assertThat(Files.readString(out.resolve("metrics.csv")).lines()).hasSize(stepsRun + 1);

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().anyMatch(f -> f.getInteger("step") == stepsRun));
    assertThat(frames).allSatisfy(f -> {
      assertThat(f.getString("forecastId")).isEqualTo(id);
      assertThat(f.getBoolean("exercise")).isFalse();
    });
    // The first frame is always sent: the plume is there five minutes into the release.
    assertThat(frames.get(0).getInteger("step")).isEqualTo(1);
    assertThat(frames.get(0).getJsonObject("footprints").getJsonArray("features")).isNotEmpty();
    assertThat(json(p, "/api/forecasts").getJsonArray("forecasts").getJsonObject(0).getString("id")).isEqualTo(id);
  }

  @Test
  void aLiveFireIsForecastFromNowInItsBuilding() throws Exception {
    List<Sensor> detectors = LinkedDisposalIT.twoDetectorsInOneBuilding(p);
    for (Sensor s : detectors) {
      LinkedDisposalIT.smoke(p, s, System.currentTimeMillis(), 12.0);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !LinkedDisposalIT.incidents(p, "?type=fire").isEmpty());
    String incident = LinkedDisposalIT.incidents(p, "?type=fire").get(0).getString("id");

    HttpResponse<String> started = http(p, "POST", "/api/forecasts", "{\"incident\":\"" + incident + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonObject forecast = new JsonObject(started.body());
    assertThat(forecast.getJsonObject("scenario").getString("type")).isEqualTo("building_fire");
    assertThat(forecast.getJsonArray("basis").getString(0)).contains(incident)
        .contains("building/" + detectors.get(0).placement().building().key());
    String id = forecast.getString("id");
    await().atMost(Duration.ofSeconds(60)).until(() -> !json(p, "/api/forecasts/" + id).getString("status").equals("running"));
    JsonObject done = json(p, "/api/forecasts/" + id);
    assertThat(done.getString("status")).as(done.encode()).isEqualTo("finished");
    JsonObject site = new JsonObject(Files.readString(Path.of(done.getString("outputs")).resolve("summary.json")))
        .getJsonObject("scenario").getJsonObject("site");
    assertThat(site.getString("entity")).isEqualTo("building/" + detectors.get(0).placement().building().key());
  }

  @Test
  void refusalsSayWhy() throws Exception {
    HttpResponse<String> drill = http(p, "POST", "/api/forecasts", "{\"scenario\":\"monaco-drill-fire\"}");
    assertThat(drill.statusCode()).isEqualTo(400);
    assertThat(drill.body()).contains("is a drill").contains("POST /api/drills");
    HttpResponse<String> unknown = http(p, "POST", "/api/forecasts", "{\"incident\":\"INC-404\"}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    HttpResponse<String> both = http(p, "POST", "/api/forecasts", "{\"scenario\":\"monaco-fire\",\"incident\":\"INC-1\"}");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.body()).contains("not both");
    HttpResponse<String> bad = http(p, "POST", "/api/forecasts",
        "{\"scenario\":{\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-XX\"}}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("location");
    assertThat(http(p, "GET", "/api/forecasts/FC-nope", null).statusCode()).isEqualTo(404);

    // One at a time: the epidemic runs for a while after it has been accepted.
    assertThat(http(p, "POST", "/api/forecasts", "{\"scenario\":\"monaco-epidemic\"}").statusCode()).isEqualTo(201);
    HttpResponse<String> second = http(p, "POST", "/api/forecasts", "{\"scenario\":\"monaco-chemical\"}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
  }
}
