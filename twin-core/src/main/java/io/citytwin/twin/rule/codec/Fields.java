package io.citytwin.twin.rule.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.rule.RuleInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the members of one JSON object of a rule file; every failure is a {@link
 * RuleInputException} naming the file, the rule or area, and the (dotted) field.
 */
final class Fields {
  /** Longest duration a rule may name: 30 days, far beyond any sensible window. */
  static final double MAX_SECONDS = 30 * 24 * 3600.0;

  final String source;
  final String where;
  private final String prefix;
  private final JsonNode node;

  Fields(String source, String where, String prefix, JsonNode node) {
    this.source = source;
    this.where = where;
    this.prefix = prefix;
    this.node = node;
  }

  RuleInputException fail(String field, String problem) {
    return new RuleInputException(source, where, field == null ? null : prefix + field, problem);
  }

  /** The nested object {@code field} (its fields are named {@code field.x}). */
  Fields object(String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      throw fail(field, "must be an object, found " + describe(v));
    }
    return new Fields(source, where, prefix + field + ".", v);
  }

  /** Element {@code i} of the array {@code field}, which must be an object. */
  Fields element(String field, JsonNode element, int i) {
    if (!element.isObject()) {
      throw fail(field + "[" + i + "]", "must be an object, found " + describe(element));
    }
    return new Fields(source, where, prefix + field + "[" + i + "].", element);
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  JsonNode raw(String field) {
    return node.get(field);
  }

  /** Rejects members not in {@code allowed}, so that a misspelt field is not silently ignored. */
  void onlyKnown(Set<String> allowed, String what) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        throw fail(n, "unknown field " + what + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw fail(field, "must be a string, found " + describe(v));
    }
    return v.textValue();
  }

  String requiredText(String field) {
    String t = text(field);
    if (t == null || t.isBlank()) {
      throw fail(field, "missing");
    }
    return t;
  }

  /** A finite number, or null when absent. */
  Double number(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw fail(field, "must be a number, found " + describe(v));
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      throw fail(field, "number is too large");
    }
    return d;
  }

  double requiredNumber(String field) {
    Double d = number(field);
    if (d == null) {
      throw fail(field, "missing");
    }
    return d;
  }

  int requiredCount(String field, int min) {
    double d = requiredNumber(field);
    if (d != Math.rint(d) || d < min || d > 1_000_000) {
      throw fail(field, "must be a whole number of at least " + min + ", found " + d);
    }
    return (int) d;
  }

  Boolean bool(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw fail(field, "must be true or false, found " + describe(v));
    }
    return v.booleanValue();
  }

  /** A duration in seconds as milliseconds, or -1 when absent; never negative or absurd. */
  long seconds(String field) {
    Double s = number(field);
    if (s == null) {
      return -1;
    }
    if (s < 0) {
      throw fail(field, "a duration must not be negative, found " + s + " s");
    }
    if (s > MAX_SECONDS) {
      throw fail(field, "duration " + s + " s is longer than 30 days");
    }
    return Math.round(s * 1000);
  }

  /** A positive duration in seconds as milliseconds. */
  long positiveSeconds(String field) {
    if (!has(field)) {
      throw fail(field, "missing");
    }
    long ms = seconds(field);
    if (ms <= 0) {
      throw fail(field, "must be a positive number of seconds");
    }
    return ms;
  }

  /** An array of strings, empty when absent. */
  List<String> strings(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw fail(field, "must be an array of strings, found " + describe(v));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual()) {
        throw fail(field, "element [" + i + "] must be a string, found " + describe(e));
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

  static String quote(String s) {
    String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return "'" + shown.replace("\n", "\\n") + "'";
  }
}
