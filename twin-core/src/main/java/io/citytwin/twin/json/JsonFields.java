package io.citytwin.twin.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed, strict access to the members of one JSON object, for parsers whose errors must name the
 * field and the problem. Every failure goes through the caller's {@link Failure}, which builds the
 * caller's own exception (with source and position). Stateless apart from the object; not shared.
 */
public final class JsonFields {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Builds the caller's exception for a problem with a field (null: the object as a whole). */
  @FunctionalInterface
  public interface Failure {
    RuntimeException fail(String field, String problem);
  }

  private final JsonNode object;
  private final Failure failure;

  private JsonFields(JsonNode object, Failure failure) {
    this.object = object;
    this.failure = failure;
  }

  /**
   * Parses a whole document; duplicate members and trailing content are errors.
   *
   * @param syntax builds the caller's exception from a message (naming line and column)
   */
  public static JsonNode parse(InputStream in, Function<String, RuntimeException> syntax) {
    try {
      JsonNode root = JSON.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw syntax.apply("empty document");
      }
      return root;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String at = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      throw syntax.apply(at + "invalid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw syntax.apply("cannot read: " + e.getMessage());
    }
  }

  /** Parses a whole document held in memory (see {@link #parse(InputStream, Function)}). */
  public static JsonNode parse(byte[] json, Function<String, RuntimeException> syntax) {
    return parse(new java.io.ByteArrayInputStream(json), syntax);
  }

  /** The members of {@code node}, which must be an object. */
  public static JsonFields of(JsonNode node, Failure failure) {
    if (node == null || !node.isObject()) {
      throw failure.fail(null, "must be a JSON object, found " + describe(node));
    }
    return new JsonFields(node, failure);
  }

  public JsonNode node() {
    return object;
  }

  /** The caller's exception for {@code field}. */
  public RuntimeException fail(String field, String problem) {
    return failure.fail(field, problem);
  }

  /** Rejects members not in {@code allowed}, so that a typo does not silently drop a field. */
  public JsonFields onlyKnown(Set<String> allowed) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw failure.fail(n, "unknown member (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
    return this;
  }

  public boolean has(String field) {
    JsonNode v = object.get(field);
    return v != null && !v.isNull();
  }

  /** A required member of any type. */
  public JsonNode required(String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      throw failure.fail(field, "missing");
    }
    return v;
  }

  /** A required string member, at most {@code maxLength} characters. */
  public String text(String field, int maxLength) {
    JsonNode v = required(field);
    if (!v.isTextual()) {
      throw failure.fail(field, "must be a string, found " + describe(v));
    }
    if (v.textValue().length() > maxLength) {
      throw failure.fail(field, "is longer than " + maxLength + " characters");
    }
    return v.textValue();
  }

  /** A required string member that is not blank. */
  public String nonBlank(String field, int maxLength) {
    String s = text(field, maxLength);
    if (s.isBlank()) {
      throw failure.fail(field, "must not be blank");
    }
    return s;
  }

  /** An optional string member. */
  public Optional<String> optionalText(String field, int maxLength) {
    return has(field) ? Optional.of(text(field, maxLength)) : Optional.empty();
  }

  /** A required member naming a constant through {@code lookup}, e.g. an agency code. */
  public <T> T code(String field, Function<String, Optional<T>> lookup, String what) {
    String s = text(field, 100);
    return lookup.apply(s).orElseThrow(() -> failure.fail(field, "unknown " + what + " '" + s + "'"));
  }

  /** A required boolean member. */
  public boolean bool(String field) {
    JsonNode v = required(field);
    if (!v.isBoolean()) {
      throw failure.fail(field, "must be true or false, found " + describe(v));
    }
    return v.booleanValue();
  }

  /** A required integer member within {@code min..max}. */
  public long integer(String field, long min, long max) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw failure.fail(field, "must be a whole number, found " + describe(v));
    }
    long n = v.longValue();
    if (n < min || n > max) {
      throw failure.fail(field, "must be within " + min + ".." + max + ", found " + n);
    }
    return n;
  }

  /** A required finite number member within {@code min..max}. */
  public double number(String field, double min, double max) {
    JsonNode v = required(field);
    if (!v.isNumber()) {
      throw failure.fail(field, "must be a number, found " + describe(v));
    }
    double d = v.doubleValue();
    if (!(d >= min && d <= max)) {
      throw failure.fail(field, "must be within " + min + ".." + max + ", found " + v.asText());
    }
    return d;
  }

  /** A required ISO-8601 duration (e.g. {@code PT60S}, {@code PT8M}) within {@code min..max}. */
  public Duration duration(String field, Duration min, Duration max) {
    String s = text(field, 40);
    Duration d;
    try {
      d = Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw failure.fail(field, "must be an ISO-8601 duration like PT60S or PT8M, found '" + s + "'");
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw failure.fail(field, "must be within " + min + ".." + max + ", found " + s);
    }
    return d;
  }

  /** A required array member. */
  public JsonNode array(String field) {
    JsonNode v = required(field);
    if (!v.isArray()) {
      throw failure.fail(field, "must be an array, found " + describe(v));
    }
    return v;
  }

  /** A required object member. */
  public JsonNode object(String field) {
    JsonNode v = required(field);
    if (!v.isObject()) {
      throw failure.fail(field, "must be an object, found " + describe(v));
    }
    return v;
  }

  /** A short description of a value's type for messages: "a string", "an array", "null"... */
  public static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "nothing";
    }
    return switch (v.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> String.valueOf(v.booleanValue());
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "(no detail)";
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
