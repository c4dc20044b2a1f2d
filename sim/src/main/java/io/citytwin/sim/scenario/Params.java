package io.citytwin.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed, validated access to a scenario's {@code parameters} object (or any sub-object). Every
 * getter names the full JSON path in its error, so a model's parameter parsing reads as a list of
 * requirements. Unknown members are refused with {@link #onlyKnown}.
 */
public final class Params {
  private final String source;
  private final String path;
  private final JsonNode node;

  public Params(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
    if (node == null || !node.isObject()) {
      throw fail(null, "must be a JSON object");
    }
  }

  public String path() {
    return path;
  }

  private String at(String key) {
    return key == null ? path : path.isEmpty() ? key : path + "." + key;
  }

  public ScenarioInputException fail(String key, String problem) {
    return new ScenarioInputException(source, at(key), problem);
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  /** Refuses members other than {@code known} (catches typos such as {@code windSpeeed}). */
  public Params onlyKnown(Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw fail(k, "unknown member (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  public double number(String key, double min, double max) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw fail(key, "is missing");
    }
    if (!v.isNumber()) {
      throw fail(key, "must be a number, found " + v.getNodeType().name().toLowerCase());
    }
    double d = v.asDouble();
    if (!Double.isFinite(d) || d < min || d > max) {
      throw fail(key, d + " is outside " + min + ".." + max);
    }
    return d;
  }

  public double number(String key, double min, double max, double fallback) {
    return has(key) ? number(key, min, max) : fallback;
  }

  public int integer(String key, int min, int max) {
    double d = number(key, min, max);
    if (d != Math.rint(d)) {
      throw fail(key, "must be a whole number, was " + d);
    }
    return (int) d;
  }

  public int integer(String key, int min, int max, int fallback) {
    return has(key) ? integer(key, min, max) : fallback;
  }

  public String text(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw fail(key, "is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw fail(key, "must be non-empty text");
    }
    return v.asText();
  }

  public String text(String key, String fallback) {
    return has(key) ? text(key) : fallback;
  }

  public boolean flag(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw fail(key, "must be true or false");
    }
    return v.asBoolean();
  }

  /** An ISO-8601 duration such as {@code PT10M}; must be positive. */
  public Duration duration(String key) {
    String t = text(key);
    try {
      Duration d = Duration.parse(t);
      if (d.isNegative() || d.isZero()) {
        throw fail(key, "must be positive, was " + t);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw fail(key, "'" + t + "' is not an ISO-8601 duration such as PT10M or P3D");
    }
  }

  public Duration duration(String key, Duration fallback) {
    return has(key) ? duration(key) : fallback;
  }

  /** One of {@code choices} (case-insensitive), returned as written in {@code choices}. */
  public String choice(String key, List<String> choices) {
    String t = text(key);
    for (String c : choices) {
      if (c.equalsIgnoreCase(t)) {
        return c;
      }
    }
    throw fail(key, "'" + t + "' is not one of " + String.join(", ", choices));
  }

  public Params object(String key) {
    if (!has(key)) {
      throw fail(key, "is missing");
    }
    return new Params(source, at(key), node.get(key));
  }

  /** The elements of an array member that are objects, each as Params ({@code key[i]}). */
  public List<Params> objects(String key) {
    if (!has(key)) {
      return List.of();
    }
    JsonNode a = node.get(key);
    if (!a.isArray()) {
      throw fail(key, "must be an array");
    }
    List<Params> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add(new Params(source, at(key) + "[" + i + "]", a.get(i)));
    }
    return out;
  }

  /** The raw node, for models with their own structure. */
  public JsonNode node() {
    return node;
  }
}
