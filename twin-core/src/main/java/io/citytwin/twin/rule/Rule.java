package io.citytwin.twin.rule;

import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of a city's rule file: what to watch ({@link #spec}) on which sensors, and what alarm
 * to raise. Immutable; equal rules (same fields, geometry compared exactly) keep their evaluation
 * state across a reload.
 *
 * @param title short label that starts alarm titles, e.g. "Building fire"
 * @param description what it is for and where its levels come from
 * @param escalation a higher severity at a higher level, or null
 * @param refireMillis 0: fire once per entry into the condition (again only after it cleared);
 *     positive: while the condition stays true, fire again at most once per this much
 *     measurement time (so the incident layer can count re-triggers)
 */
public record Rule(
    String id, String title, String description, IncidentType type, Severity severity,
    Escalation escalation, SensorSelection sensors, long refireMillis, RuleSpec spec) {

  /** Legal rule ids (also used in area keys of inline fences). */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public Rule {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' must be 1-64 of [A-Za-z0-9._:-]");
    }
    title = title == null || title.isBlank() ? id : title;
    description = description == null ? "" : description;
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    sensors = sensors == null ? SensorSelection.ALL : sensors;
    Objects.requireNonNull(spec, "spec");
    if (refireMillis < 0) {
      throw new IllegalArgumentException("negative re-fire interval " + refireMillis);
    }
    if (escalation != null && escalation.severity().compareTo(severity) <= 0) {
      throw new IllegalArgumentException("escalation severity must be above " + severity);
    }
  }
}
