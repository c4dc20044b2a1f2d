package io.citytwin.app.config;

import java.util.function.Function;

/**
 * One configuration key: its dotted name (as in the config file), the environment variable that
 * overrides it, a default and a parser that rejects bad values with a reason.
 *
 * @param name dotted key, e.g. {@code http.port}
 * @param defaultValue value used when no source sets the key, as text
 * @param description one line for {@code --help} and the README
 * @param parser turns text into the typed value or throws {@link IllegalArgumentException} whose
 *     message says what is wrong
 */
public record Setting(
    String name, String defaultValue, String description, Function<String, Object> parser) {

  /** Environment variable overriding this key: {@code CITYTWIN_} + upper-cased name, dots as '_'. */
  public String envVar() {
    return "CITYTWIN_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  static Setting text(String name, String def, String description) {
    return new Setting(
        name,
        def,
        description,
        v -> {
          if (v.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
          }
          return v.strip();
        });
  }

  static Setting integer(String name, String def, int min, int max, String description) {
    return new Setting(
        name,
        def,
        description,
        v -> {
          int i;
          try {
            i = Integer.parseInt(v.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not an integer");
          }
          if (i < min || i > max) {
            throw new IllegalArgumentException(i + " is outside " + min + ".." + max);
          }
          return i;
        });
  }

  /** Text that may be empty, meaning "not set" (e.g. an optional external URL). */
  static Setting optional(String name, String description) {
    return new Setting(name, "", description, v -> v.strip());
  }

  static Setting bool(String name, String def, String description) {
    return new Setting(name, def, description, v -> {
      String t = v.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Boolean.parseBoolean(t);
      }
      throw new IllegalArgumentException("'" + v + "' is not true or false");
    });
  }

  static Setting choice(String name, String def, java.util.List<String> choices, String description) {
    return new Setting(name, def, description, v -> {
      String t = v.strip();
      if (!choices.contains(t)) {
        throw new IllegalArgumentException("'" + v + "' is not one of " + String.join(", ", choices));
      }
      return t;
    });
  }

  /** A duration in whole seconds, at least {@code min}. */
  static Setting seconds(String name, String def, long min, String description) {
    return new Setting(name, def, description, v -> {
      long n;
      try {
        n = Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + v + "' is not a whole number of seconds");
      }
      if (n < min) {
        throw new IllegalArgumentException(n + " s is below the minimum of " + min + " s");
      }
      return java.time.Duration.ofSeconds(n);
    });
  }

  /** A time-zone id such as {@code Europe/Monaco} or {@code UTC}. */
  static Setting zone(String name, String def, String description) {
    return new Setting(name, def, description, v -> {
      try {
        return java.time.ZoneId.of(v.strip()).getId();
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("'" + v + "' is not a time-zone id (e.g. Europe/Monaco, UTC)");
      }
    });
  }
}
