package io.citytwin.twin.dispatch;

import java.util.Objects;

/**
 * How an active incident closes roads to everyone else's traffic.
 *
 * @param mode what is closed
 * @param bufferM metres around the incident's area that count as inside it (0 = the area itself);
 *     finite and at most 5 km
 */
public record ClosureRule(Mode mode, double bufferM) {

  /** What an incident's area closes. */
  public enum Mode {
    /** Every road edge intersecting the (buffered) area: a hazard footprint, a flooded zone. */
    AREA,
    /**
     * Only the incident's own road: when its place is a road ({@code road/w123}), the edges of
     * that way intersecting the (buffered) area, so a crash closes its carriageway but not the
     * cross streets; on any other place it behaves like {@link #AREA}.
     */
    SEGMENT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ClosureRule {
    Objects.requireNonNull(mode, "mode");
    if (!(bufferM >= 0 && bufferM <= 5000)) {
      throw new IllegalArgumentException("closure buffer must be 0..5000 m, was " + bufferM);
    }
  }
}
