package io.citytwin.twin.sensor.codec;

import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.telemetry.Quantity;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sensor registry as CSV (RFC 4180, UTF-8). The first line is a header naming the columns, in
 * any order: {@code id}, {@code kind}, {@code lat}, {@code lon} are required; {@code quantities}
 * (semicolon-separated canonical names), {@code owner}, {@code name}, {@code username},
 * {@code salt}, {@code hash} are optional, and an empty cell means absent (the kind's default
 * quantities and owner; no credentials). Unknown or repeated columns are rejected. Stateless;
 * thread-safe.
 */
public final class SensorCsv {
  /** Every column, in the order {@link #write} uses. */
  public static final List<String> COLUMNS =
      List.of("id", "kind", "lat", "lon", "quantities", "owner", "name", "username", "salt", "hash");

  private static final List<String> REQUIRED = List.of("id", "kind", "lat", "lon");

  private SensorCsv() {}

  /**
   * Reads a whole file; the stream is not closed.
   *
   * @param source file name for messages
   * @throws SensorInputException naming the source, the line, the field and the problem
   */
  public static List<Sensor> read(InputStream in, String source) {
    return entries(in, source).stream().map(SensorEntry::sensor).toList();
  }

  static List<SensorEntry> entries(InputStream in, String source) {
    List<CsvRecords.Row> rows = CsvRecords.parse(CsvRecords.decodeUtf8(in, source), source);
    if (rows.isEmpty()) {
      throw new SensorInputException(source, null, null,
          "empty: the first line must be a header (" + String.join(",", COLUMNS) + ")");
    }
    Map<String, Integer> column = header(rows.get(0), source);
    List<SensorEntry> out = new ArrayList<>(rows.size() - 1);
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      out.add(entry(row, column, new SensorFields(source, "line " + row.line())));
    }
    SensorEntry.requireUniqueIds(out);
    return out;
  }

  private static Map<String, Integer> header(CsvRecords.Row row, String source) {
    Map<String, Integer> column = new HashMap<>();
    SensorFields f = new SensorFields(source, "line " + row.line() + " (header)");
    for (int i = 0; i < row.fields().size(); i++) {
      String name = row.fields().get(i);
      if (!COLUMNS.contains(name)) {
        throw f.fail(null, "unknown column " + SensorFields.quote(name)
            + " (allowed: " + String.join(", ", COLUMNS) + ")");
      }
      if (column.putIfAbsent(name, i) != null) {
        throw f.fail(null, "column " + SensorFields.quote(name) + " appears twice");
      }
    }
    for (String required : REQUIRED) {
      if (!column.containsKey(required)) {
        throw f.fail(null, "required column '" + required + "' is missing (header must name "
            + String.join(", ", REQUIRED) + ")");
      }
    }
    return column;
  }

  private static SensorEntry entry(CsvRecords.Row row, Map<String, Integer> column, SensorFields f) {
    if (row.fields().size() != column.size()) {
      throw f.fail(null, row.fields().size() + " fields, but the header has " + column.size());
    }
    String quantities = cell(row, column, "quantities");
    Sensor s = f.sensor(
        cell(row, column, "id"),
        cell(row, column, "kind"),
        f.decimal("lat", cell(row, column, "lat")),
        f.decimal("lon", cell(row, column, "lon")),
        quantities == null ? null : Arrays.asList(quantities.split(";", -1)),
        cell(row, column, "owner"),
        cell(row, column, "name"),
        cell(row, column, "username"),
        cell(row, column, "salt"),
        cell(row, column, "hash"),
        null);
    return new SensorEntry(s, f, "lat");
  }

  /** The cell of a column; null when the column is absent or the cell empty. */
  private static String cell(CsvRecords.Row row, Map<String, Integer> column, String name) {
    Integer i = column.get(name);
    if (i == null) {
      return null;
    }
    String v = row.fields().get(i);
    return v.isEmpty() ? null : v;
  }

  /** The sensors as CSV text with every column, LF line ends. */
  public static String write(Collection<Sensor> sensors) {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Sensor s : sensors) {
      Credentials c = s.credentials();
      List<String> cells = List.of(
          s.id(),
          s.kind().code(),
          Coordinates.format(s.location().lat()),
          Coordinates.format(s.location().lon()),
          s.quantities().stream().map(Quantity::canonicalName).collect(Collectors.joining(";")),
          s.owner().code(),
          s.name(),
          c == null ? "" : c.username(),
          c == null ? "" : c.salt(),
          c == null ? "" : c.hash());
      out.append(cells.stream().map(CsvRecords::escape).collect(Collectors.joining(","))).append('\n');
    }
    return out.toString();
  }
}
