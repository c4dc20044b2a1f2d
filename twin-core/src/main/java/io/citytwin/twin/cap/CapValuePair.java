package io.citytwin.twin.cap;

import java.util.Objects;

/**
 * A CAP {@code valueName}/{@code value} pair, the shape of {@code <eventCode>}, {@code
 * <parameter>} and {@code <geocode>}; e.g. {@code ("SAME", "FFA")}. The value may be empty.
 */
public record CapValuePair(String valueName, String value) {
  public CapValuePair {
    Objects.requireNonNull(valueName, "valueName");
    Objects.requireNonNull(value, "value");
  }
}
