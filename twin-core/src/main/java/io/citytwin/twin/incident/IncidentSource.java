package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Objects;

/**
 * What raised an incident: a rule of this platform, or a warning imported from another authority.
 *
 * @param ref the rule id, or the CAP message {@code <identifier>}
 */
public record IncidentSource(Kind kind, String ref) {

  public enum Kind {
    RULE,
    CAP;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public IncidentSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
  }

  public static IncidentSource rule(String ruleId) {
    return new IncidentSource(Kind.RULE, ruleId);
  }

  /** An imported CAP 1.2 alert, by its {@code <identifier>}. */
  public static IncidentSource cap(String identifier) {
    return new IncidentSource(Kind.CAP, identifier);
  }
}
