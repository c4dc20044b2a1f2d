package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.testing.JsonGarbage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Garbage in the sensor vocabulary: mutated JSON documents (via {@link JsonGarbage}) and CSV files. */
public final class Garbage {
  private static final String[] STRINGS = {
    "", " ", "x", "weather", "air_quality", "pm25", "noise;pm25", "health", "Feature", "Point",
    "FeatureCollection", "aq-1", "a b", "\u0000", "\n", "é", "\uD83D\uDE00", "null", "1e999", "NaN",
    "AAAAAAAAAAAAAAAAAAAAAA==", "%%%", "x".repeat(300), "43.73", "-", "\"", ","
  };
  private static final double[] NUMBERS = {
    0, -0.0, 1, -1, 7.42, 43.73, 90, -90, 90.0000001, 180, 181, -181, 1e308, -1e308, 4.9e-324,
    123456789012345678901234567890.0
  };

  private static final JsonGarbage JSON_GARBAGE = new JsonGarbage(STRINGS, NUMBERS);

  private Garbage() {}

  /** A valid sensor document with a few structure-aware edits in the sensor vocabulary. */
  public static String mutateJson(String valid, Random r) {
    return JSON_GARBAGE.mutate(valid, r);
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
    return r.nextInt(5) == 0 ? JsonGarbage.mutateText(text, r) : text;
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
