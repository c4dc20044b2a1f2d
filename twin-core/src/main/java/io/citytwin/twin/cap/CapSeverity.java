package io.citytwin.twin.cap;

import java.util.Optional;

/**
 * CAP {@code <severity>}: the intensity of impact. Unlike the incident {@code Severity} it has
 * {@link #UNKNOWN}.
 */
public enum CapSeverity implements CapCode {
  EXTREME("Extreme"),
  SEVERE("Severe"),
  MODERATE("Moderate"),
  MINOR("Minor"),
  UNKNOWN("Unknown");

  private final String cap;

  CapSeverity(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapSeverity> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
