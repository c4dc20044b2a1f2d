package io.citytwin.twin.cap;

import java.util.Optional;

/** CAP {@code <urgency>}: how soon responsive action should be taken. */
public enum CapUrgency implements CapCode {
  IMMEDIATE("Immediate"),
  EXPECTED("Expected"),
  FUTURE("Future"),
  PAST("Past"),
  UNKNOWN("Unknown");

  private final String cap;

  CapUrgency(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapUrgency> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
