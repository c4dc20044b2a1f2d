package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of emergency an incident is. The {@link #code()} names it in rule files, response
 * plans, the API and CAP {@code <event>}s; {@link #capCategory()} is its CAP 1.2 category.
 */
public enum IncidentType {
  FIRE("Fire"),
  FLOOD("Met"),
  GAS_LEAK("Safety"),
  CHEMICAL_RELEASE("CBRNE"),
  TRAFFIC_ACCIDENT("Transport"),
  CROWD_CRUSH_RISK("Safety"),
  AIR_QUALITY_EPISODE("Env"),
  DISEASE_CLUSTER("Health"),
  INFRASTRUCTURE_FAILURE("Infra"),
  /** A warning issued by another authority (CAP in), e.g. a met-service flood warning. */
  EXTERNAL_WARNING("Other");

  private final String capCategory;

  IncidentType(String capCategory) {
    this.capCategory = capCategory;
  }

  /** CAP 1.2 {@code <category>} value. */
  public String capCategory() {
    return capCategory;
  }

  /** External name, e.g. {@code gas_leak}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IncidentType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (IncidentType t : values()) {
      if (t.code().equalsIgnoreCase(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
