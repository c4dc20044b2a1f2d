package io.citytwin.geo.road;

import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * A path through the road graph found by {@link Router}.
 *
 * @param nodes graph node indices from origin to destination (one node when both coincide)
 * @param edges edge indices in travel order, {@code nodes.size() - 1} of them; on foot an edge may
 *     be walked against its direction (then {@code nodes} shows the direction)
 * @param lengthM length in metres along the edge geometries
 * @param travelTimeS travel time in seconds for {@code mode} (free-flow speeds for cars, walking
 *     speed on foot)
 * @param geometry WGS84 line from origin to destination; empty when the route has no edges
 * @param mode travel mode the route was planned for
 * @param optimised the cost that was minimised
 */
public record Route(
    List<Integer> nodes,
    List<Integer> edges,
    double lengthM,
    double travelTimeS,
    LineString geometry,
    TravelMode mode,
    Cost optimised) {

  public Route {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    if (nodes.isEmpty() || edges.size() != nodes.size() - 1) {
      throw new IllegalArgumentException(
          "a route needs n nodes and n-1 edges, got " + nodes.size() + " and " + edges.size());
    }
  }

  /** Origin node index. */
  public int from() {
    return nodes.get(0);
  }

  /** Destination node index. */
  public int to() {
    return nodes.get(nodes.size() - 1);
  }

  /** The minimised value: seconds for {@link Cost#TIME}, metres for {@link Cost#DISTANCE}. */
  public double cost() {
    return optimised == Cost.TIME ? travelTimeS : lengthM;
  }
}
