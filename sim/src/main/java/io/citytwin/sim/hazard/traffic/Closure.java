package io.citytwin.sim.hazard.traffic;

import java.time.Duration;
import java.util.List;

/**
 * Road edges closed for a while.
 *
 * @param label how the closure was given, for notes (e.g. {@code "way 4224978 near 43.73,7.42"})
 * @param edges closed edge indices of the city's road graph, ascending, not empty
 * @param from offset of the closure's start from the scenario start
 * @param duration how long it lasts, or null for the rest of the scenario
 */
public record Closure(String label, List<Integer> edges, Duration from, Duration duration) {
  public Closure {
    edges = List.copyOf(edges);
    if (edges.isEmpty()) {
      throw new IllegalArgumentException("a closure needs at least one edge");
    }
  }

  /** Whether the closure is in force {@code offset} after the scenario start ({@code [from, from + duration)}). */
  public boolean activeAt(Duration offset) {
    return offset.compareTo(from) >= 0 && (duration == null || offset.compareTo(from.plus(duration)) < 0);
  }
}
