package io.citytwin.ingest.history.embedded;

/** Index value: the reading's canonical value and whether a drill produced it. */
record StoredValue(double value, boolean exercise) {}
