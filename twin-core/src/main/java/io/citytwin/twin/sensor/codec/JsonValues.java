package io.citytwin.twin.sensor.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.twin.sensor.SensorInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to the JSON members of one sensor entry, failing with {@link SensorFields}. */
final class JsonValues {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private JsonValues() {}

  /** Parses a whole JSON document; syntax errors name the line and column. */
  static JsonNode parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String at = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new SensorInputException(source, at, null, "invalid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new SensorInputException(source, null, null, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new SensorInputException(source, null, null, "empty document");
    }
    return root;
  }

  /** Rejects members not in {@code allowed}, so that a typo does not silently drop a field. */
  static void onlyKnown(JsonNode object, Set<String> allowed, SensorFields f, String what) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw f.fail(n, "unknown " + what + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  /** A string member; null when absent or JSON null. */
  static String text(JsonNode object, String field, SensorFields f) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw f.fail(field, "must be a string, found " + describe(v));
    }
    return v.textValue();
  }

  /** A required finite number member. */
  static double requiredNumber(JsonNode object, String field, SensorFields f) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      throw f.fail(field, "missing");
    }
    return number(v, field, f);
  }

  /** A finite number value. */
  static double number(JsonNode v, String field, SensorFields f) {
    if (!v.isNumber()) {
      throw f.fail(field, "must be a number, found " + describe(v));
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw f.fail(field, "number is too large");
    }
    return d;
  }

  /** An array of strings member; null when absent or JSON null. */
  static List<String> strings(JsonNode object, String field, SensorFields f) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw f.fail(field, "must be an array of strings, found " + describe(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual()) {
        throw f.fail(field, "element [" + i + "] must be a string, found " + describe(e));
      }
      out.add(e.textValue());
    }
    return out;
  }

  static String describe(JsonNode v) {
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
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
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
