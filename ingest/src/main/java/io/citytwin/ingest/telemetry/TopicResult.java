package io.citytwin.ingest.telemetry;

/** Outcome of parsing an MQTT topic: a {@link TelemetryTopic} or a {@link Rejection}. */
public sealed interface TopicResult permits TelemetryTopic, Rejection {
}
