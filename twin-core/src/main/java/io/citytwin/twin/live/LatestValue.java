package io.citytwin.twin.live;

/**
 * The newest value of one quantity of one sensor.
 *
 * @param value in the quantity's canonical unit
 * @param timestampMillis measurement time (device clock), epoch milliseconds
 * @param receivedAtMillis when the twin received it (platform clock), epoch milliseconds
 */
public record LatestValue(double value, long timestampMillis, long receivedAtMillis) {}
