package io.citytwin.twin.cim;

/**
 * The value types an attribute or live property may hold: the JSON scalars, so every value can be
 * sent over the event bus and the REST API unchanged.
 */
public final class AttributeValues {
  private AttributeValues() {}

  /** Whether {@code v} is a String, Boolean, Integer, Long or finite Double. */
  public static boolean isValid(Object v) {
    if (v instanceof Double d) {
      return Double.isFinite(d);
    }
    return v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long;
  }
}
