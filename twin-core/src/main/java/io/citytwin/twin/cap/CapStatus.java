package io.citytwin.twin.cap;

import java.util.Optional;

/**
 * CAP {@code <status>}: the appropriate handling of the alert. Drills are {@link #EXERCISE}.
 */
public enum CapStatus implements CapCode {
  ACTUAL("Actual"),
  EXERCISE("Exercise"),
  SYSTEM("System"),
  TEST("Test"),
  DRAFT("Draft");

  private final String cap;

  CapStatus(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapStatus> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
