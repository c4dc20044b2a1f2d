package io.citytwin.twin.incident;

import java.util.Locale;
import java.util.Optional;

/** Incident severity, ordered from least to most severe; the names are CAP 1.2 {@code <severity>} values. */
public enum Severity {
  MINOR("Minor"),
  MODERATE("Moderate"),
  SEVERE("Severe"),
  EXTREME("Extreme");

  private final String cap;

  Severity(String cap) {
    this.cap = cap;
  }

  /** The CAP 1.2 value, e.g. {@code Severe}. */
  public String cap() {
    return cap;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Severity max(Severity other) {
    return other.compareTo(this) > 0 ? other : this;
  }

  public static Optional<Severity> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Severity s : values()) {
      if (s.code().equalsIgnoreCase(code) || s.cap.equalsIgnoreCase(code)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
