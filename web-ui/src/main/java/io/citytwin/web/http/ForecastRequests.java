package io.citytwin.web.http;

import io.citytwin.web.http.BadParameterException.Source;
import io.citytwin.web.scenarios.ForecastRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/forecasts}, failing with a {@link BadParameterException}
 * naming the member: {@code {scenario: id | {document}}} or {@code {incident: id, template?: id}}.
 * Only the envelope is checked here; the scenario service validates the scenario. Pure.
 */
final class ForecastRequests {
  private static final Set<String> MEMBERS = Set.of("scenario", "incident", "template");
  private static final String SHAPE = "{\"scenario\": id or scenario document} or {\"incident\": id, \"template\"?: id}";

  private ForecastRequests() {}

  static String forecastId(String value) {
    return IncidentRequests.id("id", value);
  }

  static ForecastRequest start(Buffer body) {
    if (body == null || body.toString().isBlank()) {
      throw BadParameterException.body("a JSON object " + SHAPE + " is required");
    }
    JsonObject json = JsonBodies.object(body, MEMBERS, "scenario, or incident and template");
    Object scenario = json.getValue("scenario");
    Object incident = json.getValue("incident");
    Object template = json.getValue("template");
    if ((scenario == null) == (incident == null)) {
      throw new BadParameterException(Source.BODY, scenario == null ? "scenario" : "incident", null,
          scenario == null ? "required: a scenario, or an incident to forecast from now" : "give a scenario or an incident, not both");
    }
    if (incident != null) {
      String id = text("incident", incident);
      IncidentRequests.id("incident", id);
      String t = template == null ? null : scenarioId("template", text("template", template));
      return ForecastRequest.fromNow(id, t);
    }
    if (template != null) {
      throw new BadParameterException(Source.BODY, "template", String.valueOf(template), "goes with an incident only");
    }
    if (scenario instanceof String id) {
      return ForecastRequest.builtIn(scenarioId("scenario", id));
    }
    if (scenario instanceof JsonObject document) {
      return ForecastRequest.document(document);
    }
    throw new BadParameterException(Source.BODY, "scenario", String.valueOf(scenario),
        "must be the id of a built-in scenario (a string) or a scenario document (an object)");
  }

  private static String text(String member, Object v) {
    if (!(v instanceof String s) || s.isBlank()) {
      throw new BadParameterException(Source.BODY, member, String.valueOf(v), "must be non-empty text");
    }
    return s;
  }

  private static String scenarioId(String member, String id) {
    if (!DrillRequests.SCENARIO_ID.matcher(id).matches()) {
      throw new BadParameterException(Source.BODY, member, id,
          "'" + id + "' is not a scenario id (1-64 characters of A-Z a-z 0-9 . _ -)");
    }
    return id;
  }
}
