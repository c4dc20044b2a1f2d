package io.citytwin.web.http;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.web.http.BadParameterException.Source;
import io.citytwin.web.incidents.Acknowledgement;
import io.citytwin.web.incidents.IncidentCodes;
import io.citytwin.web.incidents.IncidentFilter;
import io.citytwin.web.incidents.Remark;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the parameters and bodies of the incident routes, failing with a {@link
 * BadParameterException} that names the parameter or body member and says what is wrong. Pure.
 */
final class IncidentRequests {
  /** Incident and task ids: what the platform issues ({@code INC-20261124-0001}, {@code T-3}). */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:~@+=-]{0,127}");
  static final int MAX_BY_CHARS = 200;
  static final int MAX_NOTE_CHARS = 4000;
  static final List<String> TYPES = Arrays.stream(IncidentType.values()).map(IncidentType::code).toList();
  static final List<String> AGENCIES = Arrays.stream(Agency.values()).map(Agency::code).toList();

  private IncidentRequests() {}

  /** A path parameter holding an incident or task id. */
  static String id(String name, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new BadParameterException(Source.PATH, name, value,
          "'" + value + "' is not an id (1-128 characters of A-Z a-z 0-9 . _ : ~ @ + = -, starting with a letter or digit)");
    }
    return value;
  }

  /** {@code ?status=&type=&active=&exercise=}; absent parameters match everything. */
  static IncidentFilter filter(MultiMap params) {
    QueryParams q = new QueryParams(params);
    String status = q.oneOf("status", "status",
        v -> Optional.of(v).filter(IncidentCodes.INCIDENT_STATUSES::contains), IncidentCodes.INCIDENT_STATUSES)
        .orElse(null);
    IncidentType type = q.oneOf("type", "type", IncidentType::fromCode, TYPES).orElse(null);
    return new IncidentFilter(status, type, q.bool("active").orElse(null), q.bool("exercise").orElse(null));
  }

  /**
   * The optional body of an acknowledgement: {@code {by?, agency?}}, or nothing at all.
   *
   * @param body the request body; null or empty for none
   */
  static Acknowledgement acknowledgement(String incidentId, String taskId, Buffer body) {
    JsonObject json = object(body, Set.of("by", "agency"));
    String agencyCode = text(json, "agency", 32);
    Agency agency = agencyCode == null ? null : Agency.fromCode(agencyCode).orElseThrow(() -> new BadParameterException(
        Source.BODY, "agency", agencyCode,
        "unknown agency '" + agencyCode + "'; expected one of " + String.join(", ", AGENCIES)));
    return new Acknowledgement(incidentId, taskId, agency, text(json, "by", MAX_BY_CHARS));
  }

  /** The optional body of a resolve or close: {@code {by?, note?}}, or nothing at all. */
  static Remark remark(Buffer body) {
    JsonObject json = object(body, Set.of("by", "note"));
    return new Remark(text(json, "by", MAX_BY_CHARS), text(json, "note", MAX_NOTE_CHARS));
  }

  private static JsonObject object(Buffer body, Set<String> members) {
    if (body == null || body.toString().isBlank()) {
      return new JsonObject();
    }
    return JsonBodies.object(body, members, String.join(", ", members.stream().sorted().toList()));
  }


  /** A string member of at most {@code maxChars}, trimmed; null when absent, null or blank. */
  private static String text(JsonObject json, String name, int maxChars) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadParameterException(Source.BODY, name, String.valueOf(v), "must be a string");
    }
    String t = s.strip();
    if (t.length() > maxChars) {
      throw new BadParameterException(Source.BODY, name, t.substring(0, 40) + "…",
          "at most " + maxChars + " characters, got " + t.length());
    }
    return t.isEmpty() ? null : t;
  }
}
