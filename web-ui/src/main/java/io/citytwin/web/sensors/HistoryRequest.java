package io.citytwin.web.sensors;

import io.citytwin.twin.telemetry.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Readings of one sensor over a closed time range.
 *
 * @param quantity one quantity, or every quantity of the sensor when empty
 * @param from start of the range, inclusive; not after {@code to}
 * @param to end of the range, inclusive
 * @param limit at most this many points (oldest first); the history service's default when empty
 */
public record HistoryRequest(
    String sensorId, Optional<Quantity> quantity, Instant from, Instant to, OptionalInt limit) {

  public HistoryRequest {
    Objects.requireNonNull(sensorId, "sensorId");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }
}
