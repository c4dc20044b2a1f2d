package io.citytwin.ingest.history;

import io.citytwin.twin.telemetry.Quantity;

/**
 * One stored reading as read back.
 *
 * @param timestampMillis measurement time, epoch milliseconds
 * @param value in the quantity's canonical unit
 * @param exercise whether it came from a drill
 */
public record HistoryPoint(String sensorId, Quantity quantity, long timestampMillis, double value, boolean exercise) {}
