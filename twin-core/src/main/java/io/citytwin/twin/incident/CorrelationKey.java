package io.citytwin.twin.incident;

/** Alarms with equal keys belong to one active incident; drills never share a key with reality. */
record CorrelationKey(IncidentType type, String placeKey, boolean exercise) {}
