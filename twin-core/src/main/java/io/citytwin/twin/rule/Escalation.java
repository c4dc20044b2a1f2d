package io.citytwin.twin.rule;

import io.citytwin.twin.incident.Severity;
import java.util.Objects;

/**
 * A higher severity at a higher level: for a threshold rule a value, for a rate rule a rate per
 * minute (both strictly beyond {@code at}), for a correlation a member count (at least {@code
 * at}).
 */
public record Escalation(double at, Severity severity) {
  public Escalation {
    Objects.requireNonNull(severity, "severity");
    if (!Double.isFinite(at)) {
      throw new IllegalArgumentException("escalation level must be finite: " + at);
    }
  }
}
