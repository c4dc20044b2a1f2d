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
}
