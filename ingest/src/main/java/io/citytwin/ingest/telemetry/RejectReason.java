package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Quantity;

/**
 * Why a telemetry message was rejected to the dead-letter store. Every rejected message has
 * exactly one reason; see {@link TelemetryDecoder} for which wins when several apply.
 */
public enum RejectReason {
    /** The topic is not {@code citytwin/v1/sensors/{sensorId}/telemetry} with a legal sensor id. */
    BAD_TOPIC,
    /** The payload exceeds the configured byte limit; it was not parsed. */
    PAYLOAD_TOO_LARGE,
    /** The topic's sensor id is not in the registry. */
    UNKNOWN_SENSOR,
    /** The payload is not one well-formed JSON value (syntax, encoding, empty, trailing bytes). */
    NOT_JSON,
    /** Objects/arrays nest deeper than the configured limit (telemetry needs two levels). */
    NESTING_TOO_DEEP,
    /**
     * Well-formed JSON of the wrong shape: not an object or SenML array, a duplicate key, a SenML
     * record that is not an object, lacks a name or value, carries several values, an unsupported
     * version or an unknown must-understand field, or lat without lon.
     */
    INVALID_STRUCTURE,
    /** A value that must be a finite number is a string, boolean, null, object, array, NaN or Infinity. */
    NOT_A_NUMBER,
    /** A key or SenML name is not in the {@link Quantity} catalogue. */
    UNKNOWN_QUANTITY,
    /** A catalogued quantity the registry does not list for this sensor (likely a mis-provisioned device). */
    UNDECLARED_QUANTITY,
    /** The unit is unknown or does not convert to the quantity's canonical unit. */
    UNIT_MISMATCH,
    /** The value (after conversion) or a position lies outside the physically plausible range. */
    OUT_OF_RANGE,
    /** The timestamp is unparseable, too far in the future, or older than the accepted age. */
    BAD_TIMESTAMP,
    /** A SenML name resolves to a different sensor than the topic's. */
    SENSOR_MISMATCH,
    /** Well-formed, but no readings: {@code {}}, {@code []}, only {@code ts}/lat/lon or base records. */
    EMPTY,
    /** The decoder threw; a bug, never expected in practice but the stream must go on. */
    INTERNAL_ERROR
}
