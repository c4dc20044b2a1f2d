package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes, validates and normalises one telemetry payload (DESIGN.md "Telemetry over MQTT"): a
 * JSON object of readings or a SenML pack, into readings in canonical units, or one rejection.
 *
 * <p><b>Atomic.</b> A message is accepted whole or rejected whole: one bad field rejects the
 * message, good fields included. A message is what the sensor sent as one observation, so a
 * partial accept would silently turn a faulty device's output into plausible-looking state,
 * the dead letter would hold a payload that was half applied (replaying it after a fix would
 * duplicate the other half), and QoS 1 acknowledgement would have no single meaning.
 *
 * <p><b>Which reason wins.</b> Checks run in this order and the first failure is reported:
 * {@link RejectReason#PAYLOAD_TOO_LARGE} (before any parsing), {@link RejectReason#UNKNOWN_SENSOR}
 * (before parsing: nobody's payload is not worth reading), then whole-document problems —
 * {@link RejectReason#NOT_JSON} / {@link RejectReason#NESTING_TOO_DEEP}, whichever comes first in
 * the bytes — which beat any content problem found earlier in the stream, then the first content
 * problem in document order, and {@link RejectReason#EMPTY} last. Topic problems
 * ({@link RejectReason#BAD_TOPIC}) are {@link TelemetryTopic}'s and precede all of these.
 *
 * <p><b>Cost.</b> One streaming pass, no databind, no regular expressions; JSON-object keys are
 * canonicalised by the parser, so the happy path allocates the parser, one small buffer and the
 * readings. Numbers: JSON numbers only; {@code NaN}/{@code Infinity} literals are read so they
 * can be reported as {@link RejectReason#NOT_A_NUMBER} rather than as syntax errors.
 *
 * <p>Immutable and thread-safe: share one instance between all ingest threads.
 */
public final class TelemetryDecoder {

    private final SensorDirectory sensors;
    private final DecoderLimits limits;
    private final JsonFactory json;
    private final long maxAgeMillis;
    private final long maxFutureSkewMillis;

    public TelemetryDecoder(SensorDirectory sensors, DecoderLimits limits) {
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxAgeMillis = MessageContext.saturatedMillis(limits.maxAge());
        this.maxFutureSkewMillis = MessageContext.saturatedMillis(limits.maxFutureSkew());
        this.json = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                // Keys are untrusted: on a hash-flooding pattern stop canonicalising instead of throwing.
                .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
                // Our own limits decide; the parser's must never fire first (they would read as NOT_JSON).
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth() + 1)
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .build())
                .build();
    }

    public DecoderLimits limits() {
        return limits;
    }

    /** Decodes a whole array; see {@link #decode(String, byte[], int, int, long)}. */
    public DecodeResult decode(String sensorId, byte[] payload, long receivedAtMillis) {
        return decode(sensorId, payload, 0, payload.length, receivedAtMillis);
    }

    /**
     * Decodes {@code payload[offset, offset + length)} published by {@code sensorId}.
     *
     * @param sensorId         the sensor the message came from (from the topic or the Kafka key)
     * @param receivedAtMillis receive time, epoch ms: the default timestamp, the base of relative
     *                         SenML times and the reference for the timestamp window
     * @return the readings, or the rejection; never throws for any payload content
     */
    public DecodeResult decode(String sensorId, byte[] payload, int offset, int length, long receivedAtMillis) {
        Objects.requireNonNull(sensorId, "sensorId");
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (length > limits.maxPayloadBytes()) {
            return new Rejection(RejectReason.PAYLOAD_TOO_LARGE,
                    "payload is " + length + " bytes, the limit is " + limits.maxPayloadBytes());
        }
        Optional<Set<Quantity>> declared = sensors.quantitiesOf(sensorId);
        if (declared.isEmpty()) {
            return new Rejection(RejectReason.UNKNOWN_SENSOR,
                    "sensor " + Details.quote(sensorId) + " is not in the sensor registry");
        }
        MessageContext message = new MessageContext(sensorId, declared.get(), receivedAtMillis, limits,
                maxAgeMillis, maxFutureSkewMillis);
        try (JsonParser parser = json.createParser(payload, offset, length)) {
            return decode(new JsonCursor(parser, limits.maxNestingDepth()), message);
        } catch (PayloadRejected e) {
            return e.toRejection();
        } catch (JsonParseException e) {
            return new Rejection(RejectReason.NOT_JSON, "invalid JSON at byte "
                    + e.getLocation().getByteOffset() + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            return new Rejection(RejectReason.NOT_JSON, "unreadable JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            // Only the encoding detection of a byte[] source can get here (e.g. broken UTF-32).
            return new Rejection(RejectReason.NOT_JSON, "unreadable payload: " + firstLine(e.getMessage()));
        }
    }

    private static DecodeResult decode(JsonCursor cursor, MessageContext message) throws IOException {
        JsonToken first = cursor.next();
        if (first == null) {
            return new Rejection(RejectReason.NOT_JSON, "payload is empty or only whitespace");
        }
        ReadingBuffer readings = new ReadingBuffer();
        PayloadRejected contentProblem = null;
        try {
            if (first == JsonToken.START_OBJECT) {
                ObjectPayloadReader.read(cursor, message, readings);
            } else if (first == JsonToken.START_ARRAY) {
                new SenmlPackReader(cursor, message, readings).read();
            } else {
                throw new PayloadRejected(RejectReason.INVALID_STRUCTURE,
                        "payload must be a JSON object or a SenML array, found " + MessageContext.describe(first));
            }
        } catch (PayloadRejected e) {
            if (e.reason() == RejectReason.NESTING_TOO_DEEP) {
                throw e;
            }
            contentProblem = e;
        }
        // The rest of the document is still read: a syntax error anywhere outranks content problems.
        cursor.finish();
        if (contentProblem != null) {
            return contentProblem.toRejection();
        }
        if (readings.size() == 0) {
            return new Rejection(RejectReason.EMPTY, first == JsonToken.START_ARRAY
                    ? "SenML pack has no measurement records"
                    : "object has no quantity fields (only ts/lat/lon or nothing)");
        }
        return new Decoded(readings.toReadings(message.sensorId));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
