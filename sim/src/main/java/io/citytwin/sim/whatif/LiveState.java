package io.citytwin.sim.whatif;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the platform knew at {@code asOf}: the latest reading of every sensor and quantity.
 * Readings older than {@link #FRESH} or from sensors not {@code ok} are not used by a forecast.
 */
public record LiveState(Instant asOf, List<LiveReading> readings) {
  /** How old a reading may be to count as the present state. */
  public static final Duration FRESH = Duration.ofMinutes(15);

  public LiveState {
    Objects.requireNonNull(asOf, "asOf");
    readings = List.copyOf(readings);
  }

  /** Fresh readings of {@code ok} sensors for {@code quantity}, in the order given. */
  public List<LiveReading> fresh(String quantity) {
    Instant oldest = asOf.minus(FRESH);
    return readings.stream()
        .filter(r -> r.quantity().equals(quantity) && r.ok() && !r.at().isBefore(oldest) && !r.at().isAfter(asOf.plus(FRESH)))
        .toList();
  }
}
