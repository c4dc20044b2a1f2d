package io.citytwin.twin.cap;

import java.util.Optional;

/** A CAP enumeration value with its exact spelling in the XML. */
public interface CapCode {
  /** The value as written in CAP, e.g. {@code AllClear}. */
  String cap();

  /** The constant whose {@link #cap()} equals {@code text} exactly; empty for null or no match. */
  static <E extends CapCode> Optional<E> lookup(E[] values, String text) {
    for (E e : values) {
      if (e.cap().equals(text)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
