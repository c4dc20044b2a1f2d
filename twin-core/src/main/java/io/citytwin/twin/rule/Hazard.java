package io.citytwin.twin.rule;

import io.citytwin.twin.telemetry.Position;
import java.util.Objects;

/**
 * Where a moving hazard is (a plume centre, a burning vehicle, a tanker), e.g. from the simulator
 * or a tracking feed, for geofence rules on hazards.
 *
 * @param timestampMillis observation time, epoch milliseconds; later positions supersede earlier
 */
public record Hazard(String id, Position position, long timestampMillis) {
  public Hazard {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(position, "position");
  }
}
