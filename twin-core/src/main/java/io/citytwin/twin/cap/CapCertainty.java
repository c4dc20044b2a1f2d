package io.citytwin.twin.cap;

import java.util.Optional;

/** CAP {@code <certainty>}: the confidence in the observation or prediction. */
public enum CapCertainty implements CapCode {
  OBSERVED("Observed"),
  LIKELY("Likely"),
  POSSIBLE("Possible"),
  UNLIKELY("Unlikely"),
  UNKNOWN("Unknown");

  private final String cap;

  CapCertainty(String cap) {
    this.cap = cap;
  }

  @Override
  public String cap() {
    return cap;
  }

  /** The constant spelled exactly {@code text} in CAP (case-sensitive, as the schema is). */
  public static Optional<CapCertainty> fromCap(String text) {
    return CapCode.lookup(values(), text);
  }
}
