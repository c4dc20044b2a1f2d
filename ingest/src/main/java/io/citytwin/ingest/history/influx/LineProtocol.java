package io.citytwin.ingest.history.influx;

import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.twin.telemetry.Reading;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * InfluxDB 1.x line protocol for history records: measurement = the quantity's canonical name, tags
 * {@code district}, {@code exercise}, {@code kind}, {@code sensor} (sorted by key, as InfluxDB
 * prefers; an empty district or kind is left out), one float field {@code value}, and the time in
 * epoch milliseconds (written with {@code precision=ms}).
 *
 * <p>Commas, equals signs and spaces in tag values are escaped. Backslashes and line breaks cannot
 * be carried faithfully by line protocol 1.x (InfluxDB keeps backslashes literally, and one before
 * a separator breaks the line), so a record holding one is refused with an error naming it.
 */
final class LineProtocol {

    private LineProtocol() {}

    /**
     * Encodes records, one {@code \n}-terminated line each, as UTF-8.
     *
     * @throws IllegalArgumentException naming the record and tag when a tag value cannot be written
     */
    static byte[] encode(List<HistoryRecord> records) {
        StringBuilder lines = new StringBuilder(records.size() * 100);
        for (HistoryRecord r : records) {
            appendLine(lines, r);
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void appendLine(StringBuilder line, HistoryRecord r) {
        Reading reading = r.reading();
        // Canonical quantity names are [a-z0-9_]: nothing to escape in a measurement name.
        line.append(reading.quantity().canonicalName());
        tag(line, "district", r.district(), r);
        tag(line, "exercise", r.exercise() ? "true" : "false", r);
        tag(line, "kind", r.kind(), r);
        tag(line, "sensor", reading.sensorId(), r);
        // Double.toString is exact and round-trips; InfluxDB parses its "1.0E-5" notation.
        line.append(" value=").append(reading.value()).append(' ').append(reading.timestampMillis()).append('\n');
    }

    private static void tag(StringBuilder line, String key, String value, HistoryRecord r) {
        if (value.isEmpty()) {
            return;
        }
        line.append(',').append(key).append('=');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ',', '=', ' ' -> line.append('\\').append(c);
                case '\\', '\n', '\r' -> throw new IllegalArgumentException("history record of sensor '"
                        + r.reading().sensorId() + "': tag " + key + " = '" + value
                        + "' contains a backslash or line break, which InfluxDB line protocol cannot carry");
                default -> line.append(c);
            }
        }
    }
}
