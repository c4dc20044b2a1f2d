package io.citytwin.app.cli;

import io.citytwin.sim.whatif.LiveIncident;
import io.citytwin.sim.whatif.LiveState;
import io.citytwin.sim.whatif.LiveStateJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A running CityTwin platform read over its REST API, for forecasts from the live state. Blocking
 * (the CLI's thread); every failure is a {@link LiveException} whose message names the URL.
 */
final class LivePlatform {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Clock clock;

  LivePlatform(String url, Clock clock) {
    URI u;
    try {
      u = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new LiveException("'" + url + "' is not a URL: " + e.getMessage());
    }
    if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
      throw new LiveException("'" + url + "' is not an http(s) URL of a CityTwin platform");
    }
    this.base = u;
    this.clock = clock;
  }

  /** The latest readings, as of now. */
  LiveState state() {
    return LiveStateJson.sensors(get("api/sensors", "sensors"), clock.instant());
  }

  LiveIncident incident(String id) {
    return LiveStateJson.incident(get("api/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8), "incident " + id), id);
  }

  private String get(String path, String what) {
    URI uri = base.resolve(path);
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new LiveException("cannot reach the platform at " + base + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LiveException("interrupted while reading " + uri);
    }
    if (r.statusCode() == 404) {
      throw new LiveException("no " + what + " at " + base + " (404)");
    }
    if (r.statusCode() != 200) {
      throw new LiveException("GET " + uri + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
    }
    return r.body();
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** The platform could not be read. */
  static final class LiveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LiveException(String message) {
      super(message, null, false, false);
    }
  }
}
