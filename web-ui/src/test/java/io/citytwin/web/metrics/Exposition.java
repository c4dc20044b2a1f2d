package io.citytwin.web.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader of the Prometheus text format 0.0.4, written from the format's description (not
 * from {@link PrometheusText}): HELP/TYPE comments, samples {@code name{label="value",...} value},
 * label-value escapes, families contiguous and declared before their samples.
 */
public final class Exposition {
  public record Sample(String name, Map<String, String> labels, double value) {}

  public final Map<String, String> types = new LinkedHashMap<>();
  public final Map<String, String> help = new LinkedHashMap<>();
  public final List<Sample> samples = new ArrayList<>();

  public static Exposition parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the last line must end with a line feed");
    }
    Exposition e = new Exposition();
    Set<String> closed = new HashSet<>();
    String current = null;
    int lineNo = 0;
    for (String line : text.split("\n", -1)) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + lineNo + " '" + line + "': ";
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        String name = parts[0];
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
          throw new IllegalArgumentException(where + "bad metric name");
        }
        if (line.startsWith("# TYPE ")) {
          if (e.types.containsKey(name)) {
            throw new IllegalArgumentException(where + "second TYPE for " + name);
          }
          if (!Set.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[1])) {
            throw new IllegalArgumentException(where + "unknown type");
          }
          e.types.put(name, parts[1]);
        } else {
          e.help.put(name, unescapeHelp(parts.length > 1 ? parts[1] : ""));
        }
        if (!name.equals(current)) {
          if (current != null) {
            closed.add(current);
          }
          if (closed.contains(name)) {
            throw new IllegalArgumentException(where + "family " + name + " is not contiguous");
          }
          current = name;
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue;
      }
      Sample s = sample(line, where);
      if (!s.name().equals(current)) {
        throw new IllegalArgumentException(where + "sample outside its family's block (TYPE first, contiguous)");
      }
      e.samples.add(s);
    }
    return e;
  }

  private static Sample sample(String line, String where) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException(where + "bad metric name");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq);
        if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || labels.containsKey(label)) {
          throw new IllegalArgumentException(where + "bad or repeated label name '" + label + "'");
        }
        if (line.charAt(eq + 1) != '"') {
          throw new IllegalArgumentException(where + "label value not quoted");
        }
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; line.charAt(j) != '"'; j++) {
          char c = line.charAt(j);
          if (c == '\\') {
            char next = line.charAt(++j);
            switch (next) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw new IllegalArgumentException(where + "bad escape \\" + next);
            }
          } else {
            value.append(c);
          }
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    String[] rest = line.substring(i).trim().split(" ");
    if (rest.length < 1 || rest.length > 2) {
      throw new IllegalArgumentException(where + "expected a value and an optional timestamp");
    }
    double value = switch (rest[0]) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(rest[0]);
    };
    return new Sample(name, labels, value);
  }

  private static String unescapeHelp(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The value of the one sample with this name and these labels (name, value, ...). */
  public double value(String name, String... labels) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      wanted.put(labels[i], labels[i + 1]);
    }
    List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " samples " + name + wanted + " in " + samples);
    }
    return found.get(0).value();
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }
}
