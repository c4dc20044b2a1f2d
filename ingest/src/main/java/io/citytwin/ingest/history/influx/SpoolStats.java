package io.citytwin.ingest.history.influx;

import java.time.Instant;

/**
 * A snapshot of the InfluxDB store's counters, for {@code /metrics} and {@code /health}.
 *
 * @param pendingPoints spooled points InfluxDB has not accepted yet (including those left by an
 *     earlier run); grows while the server is down
 * @param spoolBytes the spooled bytes those points take
 * @param writtenPoints points InfluxDB accepted since open
 * @param retries failed write attempts since open (each is retried)
 * @param rejectedPoints points InfluxDB refused as invalid; they are kept in the spool's
 *     {@code rejected/} directory, never deleted
 * @param lastError the last failure, or null when there was none since open
 * @param lastErrorAt when it happened, or null
 */
public record SpoolStats(long pendingPoints, long spoolBytes, long writtenPoints, long retries, long rejectedPoints,
        String lastError, Instant lastErrorAt) {}
