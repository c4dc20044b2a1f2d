package io.citytwin.sim.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON with a fixed shape: numbers through {@link Numbers}, non-finite numbers as {@code null},
 * {@code "key": value} with two-space indentation and {@code \n} line ends whatever the platform (Jackson's default indenter
 * uses the system line separator).
 */
final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonText() {}

  /** A pretty-printing generator on {@code out}; the caller closes it. */
  static JsonGenerator pretty(Writer out) throws IOException {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators).withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    JsonGenerator g = FACTORY.createGenerator(out);
    g.setPrettyPrinter(printer);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** A generator writing everything on one line; the caller closes it. */
  static JsonGenerator compact(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  /** One value on one line, e.g. a GeoJSON feature. */
  static String compact(Callback body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = compact(w)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Writes something with a generator. */
  interface Callback {
    void write(JsonGenerator g) throws IOException;
  }

  static void number(JsonGenerator g, double d) throws IOException {
    if (Double.isFinite(d)) {
      g.writeNumber(Numbers.value(d));
    } else {
      g.writeNull();
    }
  }

  /** A value of {@link io.citytwin.sim.run.SummaryValues#canonical}'s form. */
  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Double d) {
      number(g, d);
    } else if (v instanceof JsonNode n) {
      MAPPER.writeTree(g, n);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a canonical summary value: " + v.getClass().getName());
    }
  }
}
