package io.citytwin.web.http;

import io.citytwin.web.http.BadParameterException.Source;
import io.citytwin.web.scenarios.DrillRequest;
import io.citytwin.web.scenarios.ReportFormat;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parameters and bodies of the drill routes, failing with a {@link
 * BadParameterException} that names the parameter or body member and says what is wrong. Only the
 * envelope is checked here; a scenario document is validated by the scenario service. Pure.
 */
final class DrillRequests {
  /** What scenario files allow as an id. */
  static final Pattern SCENARIO_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Set<String> MEMBERS = Set.of("scenario", "speed", "scoreAfterSeconds");
  private static final List<String> MEDIA_TYPES = Arrays.stream(ReportFormat.values()).map(ReportFormat::mediaType).toList();

  private DrillRequests() {}

  /** A path parameter holding a drill id (the platform's id alphabet, as for incidents). */
  static String drillId(String value) {
    return IncidentRequests.id("id", value);
  }

  /** The body of {@code POST /api/drills}: {@code {scenario: id | {document}, speed?, scoreAfterSeconds?}}. */
  static DrillRequest start(Buffer body) {
    if (body == null || body.toString().isBlank()) {
      throw BadParameterException.body("a JSON object {\"scenario\": id or scenario document, \"speed\"?: 1..3600} is required");
    }
    JsonObject json = JsonBodies.object(body, MEMBERS, "scenario, speed, scoreAfterSeconds");
    Double speed = speed(json.getValue("speed"));
    Integer scoreAfter = scoreAfter(json.getValue("scoreAfterSeconds"));
    Object scenario = json.getValue("scenario");
    if (scenario instanceof String id) {
      if (!SCENARIO_ID.matcher(id).matches()) {
        throw new BadParameterException(Source.BODY, "scenario", id,
            "'" + id + "' is not a scenario id (1-64 characters of A-Z a-z 0-9 . _ -)");
      }
      return DrillRequest.builtIn(id, speed).scoredAfter(scoreAfter);
    }
    if (scenario instanceof JsonObject document) {
      return DrillRequest.document(document, speed).scoredAfter(scoreAfter);
    }
    throw new BadParameterException(Source.BODY, "scenario", scenario == null ? null : String.valueOf(scenario),
        scenario == null
            ? "required: the id of a built-in scenario or a whole scenario document"
            : "must be the id of a built-in scenario (a string) or a scenario document (an object), not "
                + JsonBodies.article(JsonBodies.kind(scenario)));
  }

  private static Double speed(Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw new BadParameterException(Source.BODY, "speed", String.valueOf(v),
          "must be a number of simulated seconds per real second, not " + JsonBodies.article(JsonBodies.kind(v)));
    }
    double speed = n.doubleValue();
    if (!(speed >= DrillRequest.MIN_SPEED && speed <= DrillRequest.MAX_SPEED)) {
      throw new BadParameterException(Source.BODY, "speed", String.valueOf(v),
          "must be " + (int) DrillRequest.MIN_SPEED + ".." + (int) DrillRequest.MAX_SPEED + " simulated seconds per real second, not " + v);
    }
    return speed;
  }

  private static Integer scoreAfter(Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new BadParameterException(Source.BODY, "scoreAfterSeconds", String.valueOf(v),
          "must be a whole number of seconds, not "
              + (v instanceof Number ? String.valueOf(v) : JsonBodies.article(JsonBodies.kind(v))));
    }
    double seconds = n.doubleValue();
    if (seconds < 0 || seconds > DrillRequest.MAX_SCORE_AFTER) {
      throw new BadParameterException(Source.BODY, "scoreAfterSeconds", String.valueOf(v),
          "must be 0.." + DrillRequest.MAX_SCORE_AFTER + " seconds, not " + v);
    }
    return (int) seconds;
  }

  /**
   * The report form asked for: {@code ?format=} when given, else the {@code Accept} header's
   * preference; empty when {@code Accept} admits none of the forms.
   */
  static Optional<ReportFormat> reportFormat(MultiMap query, String accept) {
    Optional<ReportFormat> asked = new QueryParams(query).oneOf("format", "format", ReportFormat::fromCode, ReportFormat.CODES);
    if (asked.isPresent()) {
      return asked;
    }
    return AcceptHeader.choose(accept, MEDIA_TYPES)
        .map(media -> Arrays.stream(ReportFormat.values()).filter(f -> f.mediaType().equals(media)).findFirst().orElseThrow());
  }
}
