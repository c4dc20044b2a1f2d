package io.citytwin.web.http;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Reads single-valued query parameters, failing with a {@link BadParameterException} that names
 * the parameter and says what is wrong. Pure; thread-safe.
 */
final class QueryParams {
  private final MultiMap params;

  QueryParams(MultiMap params) {
    this.params = params;
  }

  /** The parameter's value; empty when absent; a repeated parameter is an error. */
  Optional<String> text(String name) {
    List<String> values = params.getAll(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw new BadParameterException(name, String.join("&", values), "given more than once");
    }
    return Optional.of(values.get(0));
  }

  /**
   * The value mapped by {@code lookup}, which answers empty for a value it does not know.
   *
   * @param what what the values are, for the message ("unknown quantity 'pm3'; expected one of ...")
   */
  <T> Optional<T> oneOf(String name, String what, Function<String, Optional<T>> lookup, List<String> known) {
    return text(name).map(v -> lookup.apply(v).orElseThrow(() -> new BadParameterException(
        name, v, "unknown " + what + " '" + v + "'; expected one of " + String.join(", ", known))));
  }

  /** {@code true} or {@code false} (any case). */
  Optional<Boolean> bool(String name) {
    return text(name).map(v -> switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadParameterException(name, v, "'" + v + "' is neither true nor false");
    });
  }

  /** A whole number in {@code [min, max]}. */
  OptionalInt integer(String name, int min, int max) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    String v = text.get();
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new BadParameterException(name, v, "'" + v + "' is not a whole number");
    }
    if (n < min || n > max) {
      throw new BadParameterException(name, v, "must be " + min + ".." + max + ", not " + n);
    }
    return OptionalInt.of((int) n);
  }

  /** An instant given as ISO-8601 ({@code 2026-11-24T08:00:00Z}, or with an offset) or epoch milliseconds. */
  Optional<Instant> instant(String name) {
    return text(name).map(v -> parseInstant(name, v));
  }

  static Instant parseInstant(String name, String v) {
    String s = v.trim();
    if (s.matches("-?\\d{1,18}")) {
      return Instant.ofEpochMilli(Long.parseLong(s));
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadParameterException(name, v, "'" + v + "' is neither an ISO-8601 instant"
          + " (e.g. 2026-11-24T08:00:00Z) nor epoch milliseconds");
    }
  }
}
