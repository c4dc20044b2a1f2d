package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Position;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * A SenML pack (RFC 8428, JSON representation), resolved record by record as it streams past.
 *
 * <ul>
 *   <li>Base fields ({@code bn bt bu bv bver}) apply to their own record and every later one until
 *       overridden; a record with nothing but base fields yields no reading.</li>
 *   <li>Name = {@code bn + n}. The part after the last {@code :} or {@code /} is the quantity; the
 *       part before it names the device and must be the topic's sensor id, or end in {@code :id}
 *       or {@code /id} (so {@code urn:dev:s-17:pm25} on sensor {@code s-17}'s topic); a name
 *       without a separator belongs to the topic's sensor.</li>
 *   <li>Value = {@code bv + v} ({@code bv} alone if there is no {@code v}); {@code vs vb vd} are
 *       legal SenML but never a number, so rejected as {@link RejectReason#NOT_A_NUMBER}; a sum
 *       ({@code s}) alone is not a reading. Unit = {@code u}, else {@code bu}, else canonical.</li>
 *   <li>Time = {@code bt + t} seconds; below 2^28 it is relative to the receive time (RFC 8428
 *       section 4.5.3), otherwise seconds since the epoch.</li>
 *   <li>Records named {@code lat}/{@code lon} (unit absent, {@code lat} or {@code lon}) give the
 *       position of the readings with the same resolved time.</li>
 *   <li>Unknown fields are ignored, except must-understand ones ending in {@code _} (RFC 8428
 *       section 4.4), which reject the pack; {@code bver} above 10 is a version we cannot read.</li>
 * </ul>
 * One instance per pack; not thread-safe.
 */
final class SenmlPackReader {

    private static final double RELATIVE_TIME_LIMIT_SECONDS = 268_435_456.0; // 2^28
    private static final int NEWEST_VERSION = 10;

    private static final int BN = 1;
    private static final int BT = 1 << 1;
    private static final int BU = 1 << 2;
    private static final int BV = 1 << 3;
    private static final int BS = 1 << 4;
    private static final int BVER = 1 << 5;
    private static final int N = 1 << 6;
    private static final int U = 1 << 7;
    private static final int V = 1 << 8;
    private static final int VS = 1 << 9;
    private static final int VB = 1 << 10;
    private static final int VD = 1 << 11;
    private static final int S = 1 << 12;
    private static final int T = 1 << 13;
    private static final int UT = 1 << 14;
    private static final int MEASUREMENT = N | U | V | VS | VB | VD | S | T | UT;
    private static final int VALUE_FIELDS = V | VS | VB | VD;

    private final JsonCursor cursor;
    private final JsonParser parser;
    private final MessageContext message;
    private final ReadingBuffer out;

    private String baseName = "";
    private double baseTime;
    private String baseUnit;
    private double baseValue;
    private boolean hasBaseValue;
    private int version = -1;

    private int fields;
    private String name;
    private String unit;
    private double value;
    private double time;
    private String recordBaseName;
    private double recordBaseTime;
    private String recordBaseUnit;
    private double recordBaseValue;
    private int recordVersion;

    private Fixes latitudes;
    private Fixes longitudes;

    SenmlPackReader(JsonCursor cursor, MessageContext message, ReadingBuffer out) {
        this.cursor = cursor;
        this.parser = cursor.parser();
        this.message = message;
        this.out = out;
    }

    /** Reads the pack whose START_ARRAY was just consumed, up to and including its END_ARRAY. */
    void read() throws IOException {
        int index = 0;
        JsonToken token;
        while ((token = cursor.next()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new PayloadRejected(RejectReason.INVALID_STRUCTURE,
                        "SenML record [" + index + "] must be an object, found " + MessageContext.describe(token));
            }
            readRecord(index);
            if (fields == 0) {
                // Likely the JSON-object form wrapped in an array: say so rather than call it empty.
                throw invalid(index, "record has no SenML fields (n, v, bn, bt, ...)");
            }
            applyBaseFields(index);
            if ((fields & MEASUREMENT) != 0) {
                resolve(index);
            }
            index++;
        }
        attachPositions();
    }

    private void readRecord(int index) throws IOException {
        fields = 0;
        while (cursor.next() != JsonToken.END_OBJECT) {
            String field = parser.currentName();
            JsonToken token = cursor.next();
            int bit = fieldBit(field);
            if (bit == 0) {
                if (field.endsWith("_")) {
                    throw invalid(index, "must-understand field " + Details.quote(field) + " is not supported");
                }
                cursor.skipValue(token);
                continue;
            }
            if ((fields & bit) != 0) {
                throw invalid(index, "field " + Details.quote(field) + " appears twice");
            }
            fields |= bit;
            readField(bit, field, token, index);
        }
    }

    private void readField(int bit, String field, JsonToken token, int index) throws IOException {
        switch (bit) {
            case BN: recordBaseName = text(field, token, index); break;
            case BT: recordBaseTime = MessageContext.senmlSeconds(parser, token, field, index); break;
            case BU: recordBaseUnit = text(field, token, index); break;
            case BV: recordBaseValue = MessageContext.number(parser, token, field, index); break;
            case BS: MessageContext.number(parser, token, field, index); break;
            case BVER: recordVersion = versionNumber(token, index); break;
            case N: name = text(field, token, index); break;
            case U: unit = text(field, token, index); break;
            case V: value = MessageContext.number(parser, token, field, index); break;
            case VS:
            case VD: text(field, token, index); break;
            case VB:
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    throw invalid(index, "vb must be true or false, found " + MessageContext.describe(token));
                }
                break;
            case S: MessageContext.number(parser, token, field, index); break;
            case T: time = MessageContext.senmlSeconds(parser, token, field, index); break;
            case UT:
                if (!token.isNumeric()) {
                    throw invalid(index, "ut must be a number, found " + MessageContext.describe(token));
                }
                break;
            default: throw new IllegalStateException("unhandled SenML field " + field);
        }
    }

    private static int fieldBit(String field) {
        switch (field) {
            case "bn": return BN;
            case "bt": return BT;
            case "bu": return BU;
            case "bv": return BV;
            case "bs": return BS;
            case "bver": return BVER;
            case "n": return N;
            case "u": return U;
            case "v": return V;
            case "vs": return VS;
            case "vb": return VB;
            case "vd": return VD;
            case "s": return S;
            case "t": return T;
            case "ut": return UT;
            default: return 0;
        }
    }

    private String text(String field, JsonToken token, int index) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw invalid(index, field + " must be a string, found " + MessageContext.describe(token));
        }
        return parser.getText();
    }

    private int versionNumber(JsonToken token, int index) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getTextLength() > 9) {
            throw invalid(index, "bver must be a small whole number, found "
                    + (token.isNumeric() ? Details.quote(parser.getText()) : MessageContext.describe(token)));
        }
        return parser.getIntValue();
    }

    private void applyBaseFields(int index) {
        if ((fields & BVER) != 0) {
            if (recordVersion < 1 || recordVersion > NEWEST_VERSION) {
                throw invalid(index, "SenML version " + recordVersion + " is not supported (1.." + NEWEST_VERSION + ")");
            }
            if (version != -1 && version != recordVersion) {
                throw invalid(index, "bver " + recordVersion + " differs from the pack's version " + version);
            }
            version = recordVersion;
        }
        if ((fields & BN) != 0) {
            baseName = recordBaseName;
        }
        if ((fields & BT) != 0) {
            baseTime = recordBaseTime;
        }
        if ((fields & BU) != 0) {
            baseUnit = recordBaseUnit;
        }
        if ((fields & BV) != 0) {
            baseValue = recordBaseValue;
            hasBaseValue = true;
        }
    }

    private void resolve(int index) {
        String resolved = (fields & N) == 0 ? baseName : baseName.isEmpty() ? name : baseName.concat(name);
        if (resolved.isEmpty()) {
            throw invalid(index, "record has no name (neither n nor bn)");
        }
        checkNameCharacters(resolved, index);
        int separator = Math.max(resolved.lastIndexOf(':'), resolved.lastIndexOf('/'));
        String label = separator < 0 ? resolved : resolved.substring(separator + 1);
        if (separator >= 0 && !namesTopicSensor(resolved, separator)) {
            throw new PayloadRejected(RejectReason.SENSOR_MISMATCH, MessageContext.where(resolved, index)
                    + " belongs to device " + Details.quote(resolved.substring(0, separator))
                    + ", not to the topic's sensor " + Details.quote(message.sensorId));
        }
        if (Integer.bitCount(fields & VALUE_FIELDS) > 1) {
            throw invalid(index, "record carries more than one of v, vs, vb, vd");
        }
        boolean latitude = label.equals("lat");
        boolean position = latitude || label.equals("lon");
        Quantity quantity = position ? null : message.declaredQuantity(label, index);
        double raw = rawValue(label, index);
        String effectiveUnit = (fields & U) != 0 ? unit : baseUnit;
        if (effectiveUnit != null && effectiveUnit.isEmpty()) {
            effectiveUnit = null;
        }
        double canonical;
        if (position) {
            if (effectiveUnit != null && !effectiveUnit.equals(label)) {
                throw new PayloadRejected(RejectReason.UNIT_MISMATCH, MessageContext.where(label, index)
                        + ": unit " + Details.quote(effectiveUnit) + " is not degrees (" + label + ")");
            }
            canonical = raw;
            if (latitude ? !Position.isLatitude(raw) : !Position.isLongitude(raw)) {
                throw new PayloadRejected(RejectReason.OUT_OF_RANGE, MessageContext.where(label, index)
                        + ": " + raw + " is outside " + (latitude ? "-90..90" : "-180..180") + " degrees");
            }
        } else {
            canonical = MessageContext.canonicalValue(quantity, effectiveUnit, raw, label, index);
        }
        long timestamp = resolvedTime(index);
        if (position) {
            fixes(latitude).add(timestamp, canonical, label, index);
        } else {
            out.add(quantity, canonical, timestamp);
        }
    }

    private double rawValue(String label, int index) {
        if ((fields & (VS | VB | VD)) != 0) {
            String kind = (fields & VS) != 0 ? "vs (string)" : (fields & VB) != 0 ? "vb (boolean)" : "vd (data)";
            throw new PayloadRejected(RejectReason.NOT_A_NUMBER, MessageContext.where(label, index)
                    + " carries " + kind + "; telemetry quantities are numbers (v)");
        }
        double raw;
        if ((fields & V) != 0) {
            raw = hasBaseValue ? baseValue + value : value;
        } else if (hasBaseValue) {
            raw = baseValue;
        } else if ((fields & S) != 0) {
            throw invalid(index, "a sum (s) without a value (v) is not a reading");
        } else {
            throw invalid(index, "record has no value (v)");
        }
        if (!Double.isFinite(raw)) {
            throw new PayloadRejected(RejectReason.NOT_A_NUMBER,
                    MessageContext.where(label, index) + ": bv + v overflows to " + raw);
        }
        return raw;
    }

    private long resolvedTime(int index) {
        double seconds = baseTime + ((fields & T) != 0 ? time : 0.0);
        double millis = seconds >= RELATIVE_TIME_LIMIT_SECONDS
                ? seconds * 1000.0
                : message.receivedAtMillis + seconds * 1000.0;
        return message.checkedTimestamp(millis, (fields & T) != 0 ? "t" : "bt", index);
    }

    /** Whether the device part {@code name[0, separator)} designates the topic's sensor. */
    private boolean namesTopicSensor(String name, int separator) {
        String id = message.sensorId;
        int start = separator - id.length();
        if (start < 0 || !name.regionMatches(start, id, 0, id.length())) {
            return false;
        }
        return start == 0 || name.charAt(start - 1) == ':' || name.charAt(start - 1) == '/';
    }

    /** RFC 8428 section 4.5.1: {@code [A-Za-z0-9][-:./_A-Za-z0-9]*}. */
    private static void checkNameCharacters(String name, int index) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || (c != '-' && c != ':' && c != '.' && c != '/' && c != '_'))) {
                throw invalid(index, "name " + Details.quote(name) + " has illegal character "
                        + Details.describeChar(c) + " at index " + i + " (RFC 8428 section 4.5.1)");
            }
        }
    }

    private Fixes fixes(boolean latitude) {
        if (latitude) {
            return latitudes == null ? latitudes = new Fixes() : latitudes;
        }
        return longitudes == null ? longitudes = new Fixes() : longitudes;
    }

    private void attachPositions() {
        if (latitudes == null && longitudes == null) {
            return;
        }
        Fixes lats = fixes(true);
        Fixes lons = fixes(false);
        lats.requireCounterparts(lons, "lat", "lon");
        lons.requireCounterparts(lats, "lon", "lat");
        for (int i = 0; i < out.size(); i++) {
            int fix = lats.indexOf(out.time(i));
            if (fix >= 0) {
                out.setPosition(i, new Position(lats.values[fix], lons.values[lons.indexOf(out.time(i))]));
            }
        }
    }

    private static PayloadRejected invalid(int index, String problem) {
        return new PayloadRejected(RejectReason.INVALID_STRUCTURE, "SenML record [" + index + "]: " + problem);
    }

    /** Latitudes or longitudes by resolved time; a handful per pack, so linear search. */
    private static final class Fixes {
        long[] times = new long[2];
        double[] values = new double[2];
        int size;

        void add(long timeMillis, double value, String label, int index) {
            if (indexOf(timeMillis) >= 0) {
                throw invalid(index, "a second " + label + " for the same time");
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = timeMillis;
            values[size] = value;
            size++;
        }

        int indexOf(long timeMillis) {
            for (int i = 0; i < size; i++) {
                if (times[i] == timeMillis) {
                    return i;
                }
            }
            return -1;
        }

        void requireCounterparts(Fixes other, String label, String otherLabel) {
            for (int i = 0; i < size; i++) {
                if (other.indexOf(times[i]) < 0) {
                    throw new PayloadRejected(RejectReason.INVALID_STRUCTURE, "SenML " + label + " at "
                            + java.time.Instant.ofEpochMilli(times[i]) + " has no " + otherLabel + " for the same time");
                }
            }
        }
    }
}
