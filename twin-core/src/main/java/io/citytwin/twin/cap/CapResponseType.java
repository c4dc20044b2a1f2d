package io.citytwin.twin.cap;

import java.util.Optional;

/**
 * CAP {@code <responseType>}: the action recommended for the target audience. {@code Avoid} and
 * {@code AllClear} are new in CAP 1.2.
 */
public enum CapResponseType implements CapCode {
  SHELTER("Shelter"),
  EVACUATE("Evacuate"),
  PREPARE("Prepare"),
  EXECUTE("Execute"),
  AVOID("Avoid"),
  MONITOR("Monitor"),
  ASSESS("Assess"),
  ALL_CLEAR("AllClear"),
  NONE("None");

  private final String cap;

  CapResponseType(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapResponseType> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
