package io.citytwin.ingest.fleet;

import java.util.Locale;

/** Which of the two telemetry payload forms (DESIGN.md "Telemetry over MQTT") the fleet sends. */
public enum PayloadFormat {
    /** {@code {"ts": 1763800000000, "pm25": 35.2, ...}}. */
    JSON,
    /** A SenML pack (RFC 8428) with base name, base time and units. */
    SENML,
    /** Each sensor alternates between the two, message by message. */
    MIXED;

    /** Lower-case name, as on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
