package io.citytwin.twin.dispatch;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * A unit's drive to an incident, as planned on the city's road graph. Node and edge indices refer
 * to the graph the plan was made on (the same city data must be loaded to interpret them).
 *
 * @param nodes graph nodes from the unit's start to the site
 * @param edges graph edges in travel order, {@code nodes.size() - 1} of them
 * @param lengthM metres along the road
 * @param travelTimeS seconds at free-flow speeds
 * @param geometry WGS84 line of the drive (empty when the unit starts at the site)
 */
public record RoutePlan(
    List<Integer> nodes, List<Integer> edges, double lengthM, double travelTimeS,
    LineString geometry) {

  public RoutePlan {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    Objects.requireNonNull(geometry, "geometry");
    if (nodes.isEmpty() || edges.size() != nodes.size() - 1) {
      throw new IllegalArgumentException(
          "a route needs n nodes and n-1 edges, got " + nodes.size() + " and " + edges.size());
    }
    if (!(lengthM >= 0) || Double.isInfinite(lengthM) || !(travelTimeS >= 0)
        || Double.isInfinite(travelTimeS)) {
      throw new IllegalArgumentException(
          "route length and time must be finite and >= 0, were " + lengthM + " m, " + travelTimeS + " s");
    }
  }

  /** The node the drive starts from. */
  public int from() {
    return nodes.get(0);
  }

  /** The node at the site. */
  public int to() {
    return nodes.get(nodes.size() - 1);
  }
}
