package io.citytwin.sim.hazard;

import java.time.Instant;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * What a hazard does to the city over time, for models that must keep clear of it (evacuation,
 * responder dispatch). The state between two time steps is the state at the latest step boundary
 * at or before the instant; before the scenario starts there is no footprint and no closure.
 * Answers depend only on the scenario (and its seed), never on the order or timing of calls.
 * Implementations are thread-safe.
 */
public interface Hazard {

  /**
   * The area to keep out of at {@code time}: WGS84 (lon = x, lat = y), polygonal, possibly empty
   * (never null).
   */
  Geometry footprintAt(Instant time);

  /**
   * Indices of the edges of the city model's {@link io.citytwin.geo.road.RoadGraph} closed at
   * {@code time} (the indices {@link io.citytwin.geo.road.RoadClosures#ofEdges} takes); an
   * unmodifiable set iterating in ascending order.
   */
  Set<Integer> closedEdgesAt(Instant time);
}
