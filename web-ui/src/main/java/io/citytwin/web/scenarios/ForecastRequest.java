package io.citytwin.web.scenarios;

import io.vertx.core.json.JsonObject;

/**
 * A forecast to run: exactly one of a built-in scenario id, a scenario document (validated by the
 * scenario service, whose message names the field), or a live incident to forecast from now
 * (optionally on a built-in template scenario instead of the city's example of its hazard).
 */
public record ForecastRequest(String scenarioId, JsonObject document, String incidentId, String template) {
  public ForecastRequest {
    int given = (scenarioId == null ? 0 : 1) + (document == null ? 0 : 1) + (incidentId == null ? 0 : 1);
    if (given != 1) {
      throw new IllegalArgumentException("give exactly one of a built-in scenario id, a scenario document or an incident");
    }
    if (template != null && incidentId == null) {
      throw new IllegalArgumentException("a template goes with an incident");
    }
  }

  public static ForecastRequest builtIn(String scenarioId) {
    return new ForecastRequest(scenarioId, null, null, null);
  }

  public static ForecastRequest document(JsonObject document) {
    return new ForecastRequest(null, document, null, null);
  }

  public static ForecastRequest fromNow(String incidentId, String template) {
    return new ForecastRequest(null, null, incidentId, template);
  }

  /** The event-bus request of {@code SimAddresses.START_FORECAST}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (scenarioId != null) {
      json.put("scenario", scenarioId);
    } else if (document != null) {
      json.put("scenario", document);
    } else {
      json.put("incident", incidentId);
      if (template != null) {
        json.put("template", template);
      }
    }
    return json;
  }
}
