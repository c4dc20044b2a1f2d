package io.citytwin.app.incident;

import static io.citytwin.app.incident.LinkedDisposalIT.incidents;
import static io.citytwin.app.incident.LinkedDisposalIT.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.app.Platform;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAP in over {@code POST /api/cap} on the running platform: the real agency messages of the
 * reference set (valid ones accepted, invalid ones refused with the reason), an XXE payload
 * refused, and a warning for Monaco's harbour raised as an incident, updated and cancelled.
 */
class CapImportIT {
  static final Path SAMPLES = Path.of("..", "twin-core", "src", "test", "resources", "io", "citytwin", "twin", "cap", "samples");
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static Platform platform;

  @BeforeAll
  static void start() {
    platform = LinkedDisposalIT.start(dir.resolve("data"), Map.of());
  }

  @AfterAll
  static void stop() {
    platform.closeAndWait();
  }

  static HttpResponse<String> post(String xml) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.httpPort() + "/api/cap"))
        .header("Content-Type", "application/cap+xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyValidReferenceMessageIsAcceptedAndEveryInvalidOneRefusedWithTheReason() throws Exception {
    for (String name : List.of("australia.cap", "canada.cap", "wcatwc-warning.cap", "earthquake.cap", "weather.cap",
        "no_optional_fields.cap")) {
      HttpResponse<String> r = post(Files.readString(SAMPLES.resolve(name)));
      assertThat(r.statusCode()).as(name + ": " + r.body()).isIn(200, 201);
    }
    for (String name : List.of("invalid.cap", "noaa_errors.cap", "canada_errors.cap")) {
      HttpResponse<String> r = post(Files.readString(SAMPLES.resolve(name)));
      assertThat(r.statusCode()).as(name).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("message")).as(name).isNotBlank();
    }
  }

  @Test
  void anExternalEntityPayloadIsRefused() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";
    HttpResponse<String> r = post(xxe);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
  }

  @Test
  void aFloodWarningForTheHarbourBecomesAnIncidentThatItsUpdateAndCancelFollow() throws Exception {
    HttpResponse<String> alert = post(warning("FR-METEO-2026-0042", "Alert", "Severe", ""));
    assertThat(alert.statusCode()).as(alert.body()).isEqualTo(201);
    List<JsonObject> floods = incidents(platform, "?type=flood");
    assertThat(floods).hasSize(1);
    assertThat(floods.get(0).getString("severity")).isEqualTo("severe");
    String id = floods.get(0).getString("id");

    HttpResponse<String> update = post(warning("FR-METEO-2026-0043", "Update", "Extreme",
        "<references>vigilance@meteo.example,FR-METEO-2026-0042,2026-11-24T06:00:00+01:00</references>"));
    assertThat(update.statusCode()).as(update.body()).isIn(200, 201);
    assertThat(incidents(platform, "?type=flood")).hasSize(1);
    assertThat(incidents(platform, "?type=flood").get(0).getString("severity")).isEqualTo("extreme");

    HttpResponse<String> cancel = post(warning("FR-METEO-2026-0044", "Cancel", "Extreme",
        "<references>vigilance@meteo.example,FR-METEO-2026-0042,2026-11-24T06:00:00+01:00</references>"));
    assertThat(cancel.statusCode()).as(cancel.body()).isIn(200, 201);
    assertThat(LinkedDisposalIT.json(platform, "/api/incidents/" + id).getString("status")).isEqualTo("cancelled");
  }

  /** A met-service coastal flood warning for Port Hercule (polygon in lat,lon order). */
  static String warning(String identifier, String msgType, String severity, String references) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>%s</identifier>
          <sender>vigilance@meteo.example</sender>
          <sent>2026-11-24T06:00:00+01:00</sent>
          <status>Actual</status>
          <msgType>%s</msgType>
          <scope>Public</scope>
          %s
          <info>
            <language>fr-FR</language>
            <category>Met</category>
            <event>Coastal flood (submersion marine)</event>
            <urgency>Expected</urgency>
            <severity>%s</severity>
            <certainty>Likely</certainty>
            <headline>Vigilance submersion marine</headline>
            <area>
              <areaDesc>Port Hercule, Monaco</areaDesc>
              <polygon>43.7330,7.4180 43.7380,7.4180 43.7380,7.4250 43.7330,7.4250 43.7330,7.4180</polygon>
            </area>
          </info>
        </alert>
        """.formatted(identifier, msgType, references, severity).strip();
  }
}
