package io.citytwin.twin.live;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.telemetry.Quantity;

/**
 * An indicator of one quantity over one district: statistics of the latest values of the
 * district's sensors that are {@link SensorStatus#countsForIndicators() healthy enough to count}.
 * E.g. mean PM2.5, max water level, max crowd density (crowd load).
 *
 * @param sensors number of sensors contributing (at least 1)
 * @param mean arithmetic mean, in the quantity's canonical unit
 * @param newestMillis measurement time of the newest contributing value
 */
public record DistrictIndicator(
    EntityId district, Quantity quantity, int sensors, double mean, double min, double max,
    long newestMillis) {}
