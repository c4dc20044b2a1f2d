package io.citytwin.twin.cap;

import java.util.Optional;

/**
 * CAP {@code <scope>}: who may receive the alert. Restricted needs a {@code <restriction>},
 * Private needs {@code <addresses>}.
 */
public enum CapScope implements CapCode {
  PUBLIC("Public"),
  RESTRICTED("Restricted"),
  PRIVATE("Private");

  private final String cap;

  CapScope(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapScope> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
