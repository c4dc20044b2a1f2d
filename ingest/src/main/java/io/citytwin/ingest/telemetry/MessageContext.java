package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.UnitConversion;
import io.citytwin.twin.telemetry.Position;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * One message being decoded: whose it is, when it arrived, and the checks both payload forms share.
 * Every check throws {@link PayloadRejected} with a detail naming the field.
 */
final class MessageContext {

    /** Longest ISO-8601 text worth handing to the parser ("+999999999-12-31T23:59:59.999999999+18:00"). */
    private static final int MAX_ISO_LENGTH = 64;

    final String sensorId;
    final long receivedAtMillis;
    private final Set<Quantity> declared;
    private final long earliestMillis;
    private final long latestMillis;
    private final DecoderLimits limits;

    /**
     * @param maxAgeMillis        {@code limits.maxAge()} in ms, saturated (see {@link #saturatedMillis})
     * @param maxFutureSkewMillis {@code limits.maxFutureSkew()} in ms, saturated
     */
    MessageContext(String sensorId, Set<Quantity> declared, long receivedAtMillis, DecoderLimits limits,
            long maxAgeMillis, long maxFutureSkewMillis) {
        this.sensorId = sensorId;
        this.declared = declared;
        this.receivedAtMillis = receivedAtMillis;
        this.limits = limits;
        this.earliestMillis = saturatedAdd(receivedAtMillis, -maxAgeMillis);
        this.latestMillis = saturatedAdd(receivedAtMillis, maxFutureSkewMillis);
    }

    /** A non-negative duration in ms, {@link Long#MAX_VALUE} if it does not fit. */
    static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    /**
     * Where a problem is, built only on the bad path: {@code field 'pm25'} for the JSON-object
     * form, {@code SenML record [2] 'pm25'} for record 2 of a pack ({@code record < 0}: object form).
     */
    static String where(String label, int record) {
        return (record < 0 ? "field " : "SenML record [" + record + "] ") + Details.quote(label);
    }

    /** The catalogued quantity this sensor declares under {@code name}. */
    Quantity declaredQuantity(String name, int record) {
        Quantity quantity = Quantity.byName(name);
        if (quantity == null) {
            throw new PayloadRejected(RejectReason.UNKNOWN_QUANTITY,
                    where(name, record) + " is not a known quantity");
        }
        if (!declared.contains(quantity)) {
            throw new PayloadRejected(RejectReason.UNDECLARED_QUANTITY,
                    where(name, record) + ": sensor " + Details.quote(sensorId) + " is not registered for it");
        }
        return quantity;
    }

    /** {@code value} in {@code unit} (null = canonical), converted and range-checked. */
    static double canonicalValue(Quantity quantity, String unit, double value, String label, int record) {
        double canonical = value;
        if (unit != null && !unit.equals(quantity.canonicalUnit())) {
            UnitConversion conversion = quantity.conversionFrom(unit);
            if (conversion == null) {
                throw new PayloadRejected(RejectReason.UNIT_MISMATCH, where(label, record) + ": unit " + Details.quote(unit)
                        + " does not convert to " + quantity.canonicalName() + "'s " + quantity.canonicalUnit()
                        + " (accepted: " + String.join(", ", quantity.conversions().keySet()) + ")");
            }
            canonical = conversion.apply(value);
        }
        if (!quantity.admits(canonical)) {
            throw new PayloadRejected(RejectReason.OUT_OF_RANGE, where(label, record) + ": " + canonical + " "
                    + quantity.canonicalUnit() + " is outside the plausible range " + quantity.min() + ".."
                    + quantity.max() + (quantity.wholeNumber() ? " (whole numbers)" : ""));
        }
        return canonical;
    }

    /** The current token as a finite number. */
    static double number(JsonParser parser, JsonToken token, String label, int record) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            // Long integer literals go through the linear decimal parser, never BigInteger.
            double value = token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() > 18
                    ? Double.parseDouble(parser.getText())
                    : parser.getDoubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
            throw new PayloadRejected(RejectReason.NOT_A_NUMBER,
                    where(label, record) + ": " + Details.quote(parser.getText()) + " is not a finite number");
        }
        throw new PayloadRejected(RejectReason.NOT_A_NUMBER, where(label, record) + " must be a number, found " + describe(token));
    }

    static String describe(JsonToken token) {
        switch (token) {
            case VALUE_STRING: return "a string";
            case VALUE_TRUE: return "true";
            case VALUE_FALSE: return "false";
            case VALUE_NULL: return "null";
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            default: return token.name();
        }
    }

    /** A latitude or longitude field, range-checked. */
    static double coordinate(JsonParser parser, JsonToken token, boolean latitude, String label, int record) throws IOException {
        double value = number(parser, token, label, record);
        if (latitude ? !Position.isLatitude(value) : !Position.isLongitude(value)) {
            throw new PayloadRejected(RejectReason.OUT_OF_RANGE, where(label, record) + ": " + value + " is outside "
                    + (latitude ? "-90..90" : "-180..180") + " degrees");
        }
        return value;
    }

    /** A JSON-object {@code ts}: epoch milliseconds, or ISO-8601 text with a zone offset. */
    long objectTimestamp(JsonParser parser, JsonToken token, String label, int record) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double millis = token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() > 18
                    ? Double.parseDouble(parser.getText())
                    : parser.getDoubleValue();
            if (!Double.isFinite(millis)) {
                throw new PayloadRejected(RejectReason.BAD_TIMESTAMP,
                        where(label, record) + ": " + Details.quote(parser.getText()) + " is not a finite number");
            }
            return checkedTimestamp(millis, label, record);
        }
        if (token == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            long millis;
            try {
                if (text.length() > MAX_ISO_LENGTH) {
                    throw new DateTimeException("too long");
                }
                millis = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from).toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                throw new PayloadRejected(RejectReason.BAD_TIMESTAMP, where(label, record) + ": " + Details.quote(text)
                        + " is not an ISO-8601 date-time with a zone offset (e.g. 2026-11-22T09:15:00+01:00)");
            }
            return checkedTimestamp(millis, label, record);
        }
        throw new PayloadRejected(RejectReason.BAD_TIMESTAMP,
                where(label, record) + " must be epoch milliseconds or an ISO-8601 string, found " + describe(token));
    }

    /** A SenML time field (seconds): must be a finite number. */
    static double senmlSeconds(JsonParser parser, JsonToken token, String label, int record) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = token == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() > 18
                    ? Double.parseDouble(parser.getText())
                    : parser.getDoubleValue();
            if (Double.isFinite(seconds)) {
                return seconds;
            }
        }
        throw new PayloadRejected(RejectReason.BAD_TIMESTAMP, where(label, record) + " must be a finite number of seconds, found "
                + (token.isNumeric() ? Details.quote(parser.getText()) : describe(token)));
    }

    /** {@code millis} rounded, if within [receive - maxAge, receive + maxFutureSkew]. */
    long checkedTimestamp(double millis, String label, int record) {
        if (millis > latestMillis) {
            throw new PayloadRejected(RejectReason.BAD_TIMESTAMP, where(label, record) + ": " + render(millis)
                    + " is more than " + limits.maxFutureSkew() + " after the receive time " + render(receivedAtMillis));
        }
        if (millis < earliestMillis) {
            throw new PayloadRejected(RejectReason.BAD_TIMESTAMP, where(label, record) + ": " + render(millis)
                    + " is more than " + limits.maxAge() + " before the receive time " + render(receivedAtMillis));
        }
        return Math.round(millis);
    }

    private static String render(double millis) {
        if (Math.abs(millis) < 3.0e17) {
            return Instant.ofEpochMilli((long) millis).toString();
        }
        return millis + " ms since the epoch";
    }
}
