package io.citytwin.twin.sensor.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Mutations of valid documents: structure-aware (JSON tree) and blind (text). */
public final class Garbage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] STRINGS = {
    "", " ", "x", "weather", "air_quality", "pm25", "noise;pm25", "health", "Feature", "Point",
    "FeatureCollection", "aq-1", "a b", "\u0000", "\n", "é", "\uD83D\uDE00", "null", "1e999", "NaN",
    "AAAAAAAAAAAAAAAAAAAAAA==", "%%%", "x".repeat(300), "43.73", "-", "\"", ","
  };
  private static final double[] NUMBERS = {
    0, -0.0, 1, -1, 7.42, 43.73, 90, -90, 90.0000001, 180, 181, -181, 1e308, -1e308, 4.9e-324,
    123456789012345678901234567890.0
  };

  private Garbage() {}

  /** A random JSON value, nested up to {@code depth}. */
  static JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth > 0 ? 9 : 6)) {
      case 0: return F.textNode(STRINGS[r.nextInt(STRINGS.length)]);
      case 1: return F.numberNode(NUMBERS[r.nextInt(NUMBERS.length)]);
      case 2: return F.numberNode(r.nextLong());
      case 3: return F.booleanNode(r.nextBoolean());
      case 4: return F.nullNode();
      case 5: return F.numberNode(new java.math.BigInteger(200, r));
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
          o.set(STRINGS[r.nextInt(STRINGS.length)], value(r, depth - 1));
        }
        return o;
      }
    }
  }

  /** {@code valid} with one to three random tree edits, then possibly one text edit. */
  public static String mutateJson(String valid, Random r) {
    try {
      JsonNode root = JSON.readTree(valid);
      for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
        root = editTree(root, r);
      }
      String text = JSON.writeValueAsString(root);
      return r.nextInt(4) == 0 ? mutateText(text, r) : text;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode editTree(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty() || r.nextInt(20) == 0) {
      return value(r, 3);
    }
    JsonNode c = containers.get(r.nextInt(containers.size()));
    if (c instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      int op = r.nextInt(3);
      if (op == 0 && !names.isEmpty()) {
        o.remove(names.get(r.nextInt(names.size())));
      } else if (op == 1 && !names.isEmpty()) {
        o.set(names.get(r.nextInt(names.size())), value(r, 3));
      } else {
        o.set(STRINGS[r.nextInt(STRINGS.length)], value(r, 2));
      }
    } else if (c instanceof ArrayNode a) {
      int op = r.nextInt(3);
      if (op == 0 && a.size() > 0) {
        a.remove(r.nextInt(a.size()));
      } else if (op == 1 && a.size() > 0) {
        a.set(r.nextInt(a.size()), value(r, 3));
      } else {
        a.add(value(r, 2));
      }
    }
    return root;
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
    String alphabet = "{}[]\",:;\n\r\\ 0123456789.-eE\u0000é";
    char c = alphabet.charAt(r.nextInt(alphabet.length()));
    return switch (r.nextInt(4)) {
      case 0 -> text.substring(0, i);
      case 1 -> text.substring(0, i) + c + text.substring(i);
      case 2 -> text.substring(0, i) + text.substring(i + 1);
      default -> text.substring(0, i) + c + text.substring(i + 1);
    };
  }

  /** A CSV document: a header (maybe shuffled, maybe wrong) and rows of random cells. */
  static String csv(Random r) {
    List<String> optional = new ArrayList<>(SensorCsv.COLUMNS.subList(4, SensorCsv.COLUMNS.size()));
    java.util.Collections.shuffle(optional, r);
    List<String> header = new ArrayList<>(SensorCsv.COLUMNS.subList(0, r.nextInt(12) == 0 ? 3 : 4));
    header.addAll(optional.subList(0, r.nextInt(optional.size() + 1)));
    java.util.Collections.shuffle(header, r);
    if (r.nextInt(12) == 0) {
      header.add(STRINGS[r.nextInt(STRINGS.length)]);
    }
    StringBuilder b = new StringBuilder(String.join(",", header)).append(r.nextBoolean() ? "\n" : "\r\n");
    for (int row = r.nextInt(6); row > 0; row--) {
      int cells = r.nextInt(12) == 0 ? r.nextInt(12) : header.size();
      for (int i = 0; i < cells; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(cell(i < header.size() ? header.get(i) : "", r));
      }
      b.append(r.nextInt(10) == 0 ? "\r" : "\n");
    }
    String text = b.toString();
    return r.nextInt(5) == 0 ? mutateText(text, r) : text;
  }

  private static String cell(String column, Random r) {
    if (r.nextInt(8) > 0) {
      String good = switch (column) {
        case "id" -> "s-" + r.nextInt(5);
        case "kind" -> "weather";
        case "lat" -> "43.73";
        case "lon" -> "7.42";
        case "quantities" -> "temperature;humidity";
        case "owner" -> "fire";
        case "name" -> "Station \"Nord\", quai";
        case "username" -> "s-1";
        case "salt" -> "AAAAAAAAAAAAAAAAAAAAAA==";
        case "hash" -> "QjEyQxSJOh7hRvoZ945wVMTbcfRpEfftxDaxDLTK6vQ=";
        default -> "";
      };
      return CsvRecords.escape(good);
    }
    String s = STRINGS[r.nextInt(STRINGS.length)];
    return r.nextBoolean() ? CsvRecords.escape(s) : s;
  }
}
