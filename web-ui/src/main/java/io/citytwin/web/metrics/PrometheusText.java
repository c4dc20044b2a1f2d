package io.citytwin.web.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds one scrape in the Prometheus text exposition format, version 0.0.4: per family a {@code
 * # HELP} and a {@code # TYPE} line followed by all of its samples, families in the order first
 * declared. Label values and help texts are escaped as the format requires ({@code \\}, {@code \"}
 * and {@code \n}). Not thread-safe; one instance per scrape.
 */
public final class PrometheusText {
  /** The Content-Type of a scrape. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  /** Metric types of the format. */
  public enum Type {
    COUNTER, GAUGE, UNTYPED;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /**
   * The family {@code name}, declared on first use; later calls must agree on the type.
   *
   * @throws IllegalArgumentException for a name the format does not allow or a conflicting type
   */
  public Family family(String name, Type type, String help) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a Prometheus metric name: '" + name + "'");
    }
    Family f = families.computeIfAbsent(name, n -> new Family(n, type, help));
    if (f.type != type) {
      throw new IllegalArgumentException("metric " + name + " is a " + f.type.code() + ", not a " + type.code());
    }
    return f;
  }

  public Family counter(String name, String help) {
    return family(name, Type.COUNTER, help);
  }

  public Family gauge(String name, String help) {
    return family(name, Type.GAUGE, help);
  }

  /** The exposition text, ending with a line feed (empty when no family has a sample). */
  public String render() {
    StringBuilder out = new StringBuilder(4096);
    for (Family f : families.values()) {
      if (f.samples.isEmpty()) {
        continue;
      }
      out.append("# HELP ").append(f.name).append(' ').append(escapeHelp(f.help)).append('\n');
      out.append("# TYPE ").append(f.name).append(' ').append(f.type.code()).append('\n');
      for (String sample : f.samples) {
        out.append(f.name).append(sample).append('\n');
      }
    }
    return out.toString();
  }

  /** One metric family; its samples are kept together in the output. */
  public static final class Family {
    private final String name;
    private final Type type;
    private final String help;
    private final List<String> samples = new ArrayList<>();

    private Family(String name, Type type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    /** Adds a sample without labels. */
    public Family sample(double value) {
      samples.add(" " + formatValue(value));
      return this;
    }

    /** Adds a sample with labels given as name, value, name, value... (values may hold anything). */
    public Family sample(double value, String... labelPairs) {
      if (labelPairs.length % 2 != 0) {
        throw new IllegalArgumentException("labels come in name/value pairs, got " + labelPairs.length + " strings");
      }
      if (labelPairs.length == 0) {
        return sample(value);
      }
      StringBuilder s = new StringBuilder("{");
      for (int i = 0; i < labelPairs.length; i += 2) {
        String label = labelPairs[i];
        if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
          throw new IllegalArgumentException("not a Prometheus label name: '" + label + "'");
        }
        if (i > 0) {
          s.append(',');
        }
        s.append(label).append("=\"").append(escapeLabelValue(String.valueOf(labelPairs[i + 1]))).append('"');
      }
      samples.add(s.append("} ").append(formatValue(value)).toString());
      return this;
    }
  }

  /** A label value as written between the double quotes. */
  static String escapeLabelValue(String value) {
    StringBuilder s = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> s.append("\\\\");
        case '"' -> s.append("\\\"");
        case '\n' -> s.append("\\n");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** Go's float syntax: whole numbers without a fraction, NaN, +Inf, -Inf. */
  static String formatValue(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
