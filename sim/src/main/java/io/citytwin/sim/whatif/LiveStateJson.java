package io.citytwin.sim.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the platform's answers a what-if needs ({@code GET /api/sensors} and {@code GET
 * /api/incidents/{id}}, whose bodies are the event-bus replies of {@code TelemetryAddresses.SENSORS}
 * and {@code IncidentAddresses.GET}) into the live-state records. Anything not shaped as the API
 * documents fails with a {@link LiveFormatException} naming the endpoint and the JSON path. Pure.
 */
public final class LiveStateJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LiveStateJson() {}

  /** A body that is not what the endpoint documents. */
  public static final class LiveFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LiveFormatException(String endpoint, String path, String problem) {
      super(endpoint + (path.isEmpty() ? "" : ", " + path) + ": " + problem, null, false, false);
    }
  }

  /** The latest reading of every quantity of every sensor that has one. */
  public static LiveState sensors(String body, Instant asOf) {
    String endpoint = "GET /api/sensors";
    JsonNode sensors = object(parse(endpoint, body), endpoint, "").get("sensors");
    if (sensors == null || !sensors.isArray()) {
      throw new LiveFormatException(endpoint, "sensors", "missing or not an array");
    }
    List<LiveReading> readings = new ArrayList<>();
    for (int i = 0; i < sensors.size(); i++) {
      String at = "sensors[" + i + "]";
      JsonNode s = object(sensors.get(i), endpoint, at);
      JsonNode state = s.get("state");
      if (state == null || state.isNull()) {
        continue;
      }
      object(state, endpoint, at + ".state");
      JsonNode latest = state.get("latest");
      if (latest == null || latest.isNull()) {
        continue;
      }
      object(latest, endpoint, at + ".state.latest");
      String id = text(s, "id", endpoint, at);
      double lon = number(s, "lon", endpoint, at);
      double lat = number(s, "lat", endpoint, at);
      boolean ok = "ok".equals(state.path("status").asText());
      for (Iterator<Map.Entry<String, JsonNode>> it = latest.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> q = it.next();
        String qat = at + ".state.latest." + q.getKey();
        JsonNode value = object(q.getValue(), endpoint, qat);
        readings.add(new LiveReading(id, q.getKey(), number(value, "value", endpoint, qat), lon, lat,
            instant(value, "ts", endpoint, qat), ok));
      }
    }
    return new LiveState(asOf, readings);
  }

  /** One incident as {@code GET /api/incidents/{id}} returns it. */
  public static LiveIncident incident(String body, String id) {
    String endpoint = "GET /api/incidents/" + id;
    JsonNode i = object(parse(endpoint, body), endpoint, "");
    JsonNode centroid = i.get("centroid");
    if (centroid == null || !centroid.isArray() || centroid.size() != 2 || !centroid.get(0).isNumber()
        || !centroid.get(1).isNumber()) {
      throw new LiveFormatException(endpoint, "centroid", "expected [lon, lat]");
    }
    return new LiveIncident(text(i, "id", endpoint, ""), text(i, "type", endpoint, ""), i.path("title").asText(""),
        text(i, "placeKey", endpoint, ""), centroid.get(0).asDouble(), centroid.get(1).asDouble(),
        i.path("exercise").asBoolean(false));
  }

  private static JsonNode parse(String endpoint, String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw new LiveFormatException(endpoint, "", "empty body");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new LiveFormatException(endpoint, "", "not JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode object(JsonNode n, String endpoint, String path) {
    if (n == null || !n.isObject()) {
      throw new LiveFormatException(endpoint, path, "expected an object");
    }
    return n;
  }

  private static String text(JsonNode n, String key, String endpoint, String path) {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new LiveFormatException(endpoint, join(path, key), "missing or not text");
    }
    return v.asText();
  }

  private static double number(JsonNode n, String key, String endpoint, String path) {
    JsonNode v = n.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new LiveFormatException(endpoint, join(path, key), "missing or not a finite number");
    }
    return v.asDouble();
  }

  private static Instant instant(JsonNode n, String key, String endpoint, String path) {
    String t = text(n, key, endpoint, path);
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new LiveFormatException(endpoint, join(path, key), "'" + t + "' is not an ISO-8601 instant");
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
