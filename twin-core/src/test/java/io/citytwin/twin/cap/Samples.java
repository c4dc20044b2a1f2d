package io.citytwin.twin.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real CAP messages in {@code src/test/resources/io/citytwin/twin/cap/samples/}. */
final class Samples {
  static final String[] VALID = {
    "canada.cap", "australia.cap", "wcatwc-warning.cap", "earthquake.cap", "weather.cap",
    "no_optional_fields.cap"
  };
  static final String[] INVALID = {"canada_errors.cap", "noaa_errors.cap", "invalid.cap"};

  private Samples() {}

  static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("samples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
