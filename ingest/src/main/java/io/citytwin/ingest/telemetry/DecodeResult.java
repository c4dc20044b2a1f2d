package io.citytwin.ingest.telemetry;

/** Outcome of decoding one telemetry message: {@link Decoded} or {@link Rejection}, never both. */
public sealed interface DecodeResult permits Decoded, Rejection {
}
