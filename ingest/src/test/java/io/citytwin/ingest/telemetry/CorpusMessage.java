package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Reading;

import static io.citytwin.ingest.telemetry.Fleet.NOW;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A valid telemetry message as the corpus generator models it: it renders itself as JSON (either
 * form) and knows the readings the decoder must produce. Defects are applied to the rendered
 * members/records, so every bad payload is a valid one with exactly one thing broken.
 */
final class CorpusMessage {

    enum Form { OBJECT, SENML }

    enum NameStyle { PLAIN, URN_BASE, SLASH_BASE, FULL_NAME }

    /** One reading: canonical value, and the unit/value it is written in (SenML may use another unit). */
    record Item(Quantity quantity, double canonical, String unit, double written, int relativeSeconds) {
    }

    final String sensorId;
    final Form form;
    final List<Item> items;
    // JSON-object form
    final Long timestampMillis;
    final Integer isoOffsetMinutes;
    final Position position;
    // SenML form
    final NameStyle nameStyle;
    final Long baseTimeSeconds;

    CorpusMessage(String sensorId, Form form, List<Item> items, Long timestampMillis, Integer isoOffsetMinutes,
            Position position, NameStyle nameStyle, Long baseTimeSeconds) {
        this.sensorId = sensorId;
        this.form = form;
        this.items = List.copyOf(items);
        this.timestampMillis = timestampMillis;
        this.isoOffsetMinutes = isoOffsetMinutes;
        this.position = position;
        this.nameStyle = nameStyle;
        this.baseTimeSeconds = baseTimeSeconds;
    }

    String topic() {
        return TelemetryTopic.topicFor(sensorId);
    }

    List<Reading> expectedReadings() {
        List<Reading> readings = new ArrayList<>();
        for (Item item : items) {
            long ts;
            if (form == Form.OBJECT) {
                ts = timestampMillis == null ? NOW : timestampMillis;
            } else {
                long base = baseTimeSeconds == null ? NOW : baseTimeSeconds * 1000;
                ts = base + item.relativeSeconds() * 1000L;
            }
            readings.add(new Reading(sensorId, item.quantity(), item.canonical(), ts,
                    form == Form.OBJECT ? position : null));
        }
        return readings;
    }

    /** Object members ({@code "key":value}) in payload order: ts, lat, lon, then the readings. */
    List<String> members() {
        List<String> members = new ArrayList<>();
        if (timestampMillis != null) {
            members.add("\"ts\":" + timestampText());
        }
        if (position != null) {
            members.add("\"lat\":" + position.lat());
            members.add("\"lon\":" + position.lon());
        }
        for (Item item : items) {
            members.add(member(item.quantity().canonicalName(), Double.toString(item.written())));
        }
        return members;
    }

    static String member(String key, String valueJson) {
        return "\"" + key + "\":" + valueJson;
    }

    private String timestampText() {
        if (isoOffsetMinutes == null) {
            return Long.toString(timestampMillis);
        }
        return "\"" + OffsetDateTime.ofInstant(Instant.ofEpochMilli(timestampMillis),
                ZoneOffset.ofTotalSeconds(isoOffsetMinutes * 60)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\"";
    }

    /** Index in {@link #members()} of reading {@code i}. */
    int memberIndexOfItem(int i) {
        return (timestampMillis != null ? 1 : 0) + (position != null ? 2 : 0) + i;
    }

    /** SenML records in payload order. */
    List<String> records() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            records.add(record(i, "\"v\":" + items.get(i).written()));
        }
        return records;
    }

    /** Record {@code i} with {@code valueFragment} (e.g. {@code "v":1.5}) as its value. */
    String record(int i, String valueFragment) {
        return record(i, items.get(i).quantity().canonicalName(), null, valueFragment, baseName());
    }

    /** Record {@code i} with another name, unit (null: the item's), value and base name. */
    String record(int i, String quantityName, String unitOverride, String valueFragment, String baseName) {
        Item item = items.get(i);
        StringBuilder sb = new StringBuilder("{");
        if (i == 0 && baseName != null) {
            sb.append("\"bn\":\"").append(baseName).append("\",");
        }
        if (i == 0 && baseTimeSeconds != null) {
            sb.append("\"bt\":").append(baseTimeSeconds).append(',');
        }
        String name = nameStyle == NameStyle.FULL_NAME ? sensorId + ":" + quantityName : quantityName;
        sb.append("\"n\":\"").append(name).append('"');
        if (unitOverride != null) {
            sb.append(",\"u\":\"").append(unitOverride).append('"');
        } else if (!item.unit().equals(item.quantity().canonicalUnit()) || i % 2 == 0) {
            sb.append(",\"u\":\"").append(item.unit()).append('"');
        }
        sb.append(',').append(valueFragment);
        if (item.relativeSeconds() != 0) {
            sb.append(",\"t\":").append(item.relativeSeconds());
        }
        return sb.append('}').toString();
    }

    String baseName() {
        switch (nameStyle) {
            case URN_BASE: return "urn:dev:" + sensorId + ":";
            case SLASH_BASE: return sensorId + "/";
            default: return null;
        }
    }

    String render() {
        return form == Form.OBJECT ? object(members()) : pack(records());
    }

    static String object(List<String> members) {
        return "{" + String.join(",", members) + "}";
    }

    static String pack(List<String> records) {
        return "[" + String.join(",", records) + "]";
    }
}
