package io.citytwin.sim.hazard;

import io.citytwin.sim.run.Frame;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;

/**
 * A hazard's state at one step boundary.
 *
 * @param frame what the runner writes (metrics, named footprints, notes)
 * @param footprint the area to keep out of, WGS84
 * @param closedEdges closed road edge indices (kept as an unmodifiable ascending set)
 */
public record HazardState(Frame frame, Geometry footprint, Set<Integer> closedEdges) {
  public HazardState {
    closedEdges = Collections.unmodifiableSortedSet(new TreeSet<>(closedEdges));
  }

  /** An unmodifiable ascending set of edge indices. */
  public static SortedSet<Integer> edges(Set<Integer> edges) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(edges));
  }
}
