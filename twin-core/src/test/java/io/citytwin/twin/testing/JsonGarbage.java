package io.citytwin.twin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Mutations of valid JSON documents for parser robustness properties: structure-aware edits
 * (remove, replace or add members and elements; values drawn from a vocabulary of tricky strings
 * and numbers) and blind text edits. {@link #DEFAULT} has the incident vocabulary; a parser of
 * another domain makes its own with {@link #JsonGarbage(String[], double[])}.
 */
public final class JsonGarbage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] INCIDENT_STRINGS = {
    "", " ", "x", "fire", "ems", "minor", "severe", "PT60S", "PT0S", "-PT5S", "P1000000D", "fire_station",
    "duty_supervisor", "area", "segment", "LineString", "Polygon", "Point", "task.created", "INC-1",
    "\u0000", "\n", "é", "\uD83D\uDE00", "null", "1e999", "NaN", "x".repeat(3000), "%%%", "\"", ","
  };
  private static final double[] INCIDENT_NUMBERS = {
    0, -0.0, 1, -1, 2, 7.42, 43.73, 90, -90, 181, 1e308, -1e308, 4.9e-324, 1e20, 2147483648.0, 0.5
  };

  /** Incidents, tasks, plans: the vocabulary of twin-core's incident parsers. */
  public static final JsonGarbage DEFAULT = new JsonGarbage(INCIDENT_STRINGS, INCIDENT_NUMBERS);

  private final String[] strings;
  private final double[] numbers;

  /** Mutations drawing member names and values from {@code strings} and {@code numbers}. */
  public JsonGarbage(String[] strings, double[] numbers) {
    this.strings = strings.clone();
    this.numbers = numbers.clone();
  }

  /** {@link #DEFAULT}'s {@link #mutate}. */
  public static String mutateJson(String valid, Random r) {
    return DEFAULT.mutate(valid, r);
  }

  /** A random JSON value, nested up to {@code depth}. */
  public JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth > 0 ? 9 : 6)) {
      case 0: return F.textNode(strings[r.nextInt(strings.length)]);
      case 1: return F.numberNode(numbers[r.nextInt(numbers.length)]);
      case 2: return F.numberNode(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(100) - 10);
      case 3: return F.booleanNode(r.nextBoolean());
      case 4: return F.nullNode();
      case 5: return F.numberNode(new java.math.BigInteger(100, r));
      case 6: {
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(value(r, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(strings[r.nextInt(strings.length)], value(r, depth - 1));
        }
        return o;
      }
    }
  }

  /** {@code valid} with one to three random tree edits, then possibly one text edit. */
  public String mutate(String valid, Random r) {
    try {
      JsonNode root = JSON.readTree(valid);
      for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
        root = editTree(root, r);
      }
      String text = JSON.writeValueAsString(root);
      return r.nextInt(4) == 0 ? mutateText(text, r) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode editTree(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty() || r.nextInt(30) == 0) {
      return value(r, 3);
    }
    JsonNode c = containers.get(r.nextInt(containers.size()));
    if (c instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = r.nextInt(4);
      if (op == 0 && !names.isEmpty()) {
        o.remove(names.get(r.nextInt(names.size())));
      } else if (op <= 2 && !names.isEmpty()) {
        String n = names.get(r.nextInt(names.size()));
        o.set(n, r.nextBoolean() ? value(r, 2) : sibling(o.get(n), r));
      } else {
        o.set(strings[r.nextInt(strings.length)], value(r, 2));
      }
    } else if (c instanceof ArrayNode a) {
      int op = r.nextInt(3);
      if (op == 0 && a.size() > 0) {
        a.remove(r.nextInt(a.size()));
      } else if (op == 1 && a.size() > 0) {
        a.set(r.nextInt(a.size()), value(r, 3));
      } else {
        a.add(a.size() > 0 && r.nextBoolean() ? a.get(r.nextInt(a.size())).deepCopy() : value(r, 2));
      }
    }
    return root;
  }

  /** A plausible replacement of the same kind: a nearby number, an edited string. */
  private JsonNode sibling(JsonNode v, Random r) {
    if (v.isNumber()) {
      return F.numberNode(v.asDouble() + (r.nextBoolean() ? 1 : -1) * (r.nextInt(3) == 0 ? 0.5 : 1));
    }
    if (v.isTextual() && !v.textValue().isEmpty()) {
      return F.textNode(mutateText(v.textValue(), r));
    }
    return value(r, 1);
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  /** One blind edit: truncate, insert, delete or replace a character. */
  public static String mutateText(String text, Random r) {
    if (text.isEmpty()) {
      return String.valueOf((char) r.nextInt(128));
    }
    int i = r.nextInt(text.length());
    String alphabet = "{}[]\",:;\n\r\\ 0123456789.-eE\u0000éT";
    char c = alphabet.charAt(r.nextInt(alphabet.length()));
    return switch (r.nextInt(4)) {
      case 0 -> text.substring(0, i);
      case 1 -> text.substring(0, i) + c + text.substring(i);
      case 2 -> text.substring(0, i) + text.substring(i + 1);
      default -> text.substring(0, i) + c + text.substring(i + 1);
    };
  }
}
