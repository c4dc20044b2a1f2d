package io.citytwin.ingest.telemetry;

import io.citytwin.twin.telemetry.Reading;

import java.util.List;

/**
 * A message whose every reading passed validation.
 *
 * @param readings at least one reading, in payload order, immutable
 */
public record Decoded(List<Reading> readings) implements DecodeResult {

    public Decoded {
        readings = List.copyOf(readings);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("a decoded message has at least one reading");
        }
    }
}
