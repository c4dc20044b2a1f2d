package io.citytwin.twin.rule;

import io.citytwin.twin.telemetry.Quantity;

/**
 * A reading that contributed to an alarm.
 *
 * @param value in the quantity's canonical unit
 * @param timestampMillis measurement time, epoch milliseconds
 */
public record Evidence(String sensorId, Quantity quantity, double value, long timestampMillis) {}
