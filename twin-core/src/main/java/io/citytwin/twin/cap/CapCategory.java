package io.citytwin.twin.cap;

import java.util.Optional;

/** CAP {@code <category>} of the subject event. */
public enum CapCategory implements CapCode {
  GEO("Geo"),
  MET("Met"),
  SAFETY("Safety"),
  SECURITY("Security"),
  RESCUE("Rescue"),
  FIRE("Fire"),
  HEALTH("Health"),
  ENV("Env"),
  TRANSPORT("Transport"),
  INFRA("Infra"),
  CBRNE("CBRNE"),
  OTHER("Other");

  private final String cap;

  CapCategory(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapCategory> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
