package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The ThingsBoard-style form: {@code {"ts": 1763800000000, "lat": 43.73, "lon": 7.42, "pm25": 35.2}}.
 * {@code ts} (epoch ms or ISO-8601, default: receive time) and {@code lat}/{@code lon} (together
 * or not at all) apply to every reading; every other key is a quantity in its canonical unit.
 */
final class ObjectPayloadReader {

    private ObjectPayloadReader() {
    }

    /** Reads the object whose START_OBJECT was just consumed, up to and including its END_OBJECT. */
    static void read(JsonCursor cursor, MessageContext message, ReadingBuffer out) throws IOException {
        JsonParser parser = cursor.parser();
        long timestamp = message.receivedAtMillis;
        boolean hasTimestamp = false;
        double lat = Double.NaN;
        double lon = Double.NaN;
        long seen = 0L;
        while (cursor.next() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonToken value = cursor.next();
            switch (key) {
                case "ts":
                    if (hasTimestamp) {
                        throw duplicate(key);
                    }
                    hasTimestamp = true;
                    timestamp = message.objectTimestamp(parser, value, key, -1);
                    break;
                case "lat":
                    if (!Double.isNaN(lat)) {
                        throw duplicate(key);
                    }
                    lat = MessageContext.coordinate(parser, value, true, key, -1);
                    break;
                case "lon":
                    if (!Double.isNaN(lon)) {
                        throw duplicate(key);
                    }
                    lon = MessageContext.coordinate(parser, value, false, key, -1);
                    break;
                default:
                    Quantity quantity = message.declaredQuantity(key, -1);
                    if ((seen & quantity.bit()) != 0) {
                        throw duplicate(key);
                    }
                    seen |= quantity.bit();
                    double number = MessageContext.number(parser, value, key, -1);
                    out.add(quantity, MessageContext.canonicalValue(quantity, null, number, key, -1), 0L);
            }
        }
        if (Double.isNaN(lat) != Double.isNaN(lon)) {
            throw new PayloadRejected(RejectReason.INVALID_STRUCTURE,
                    "lat and lon must be given together, found only " + (Double.isNaN(lat) ? "lon" : "lat"));
        }
        out.setAllTimes(timestamp);
        if (!Double.isNaN(lat)) {
            Position position = new Position(lat, lon);
            for (int i = 0; i < out.size(); i++) {
                out.setPosition(i, position);
            }
        }
    }

    private static PayloadRejected duplicate(String key) {
        return new PayloadRejected(RejectReason.INVALID_STRUCTURE, "field " + Details.quote(key) + " appears twice");
    }
}
