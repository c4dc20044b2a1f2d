package io.citytwin.geo.road;

/**
 * A position snapped to the road graph.
 *
 * @param node graph node index
 * @param distanceM great-circle distance in metres from the queried position to the node
 */
public record Snap(int node, double distanceM) {}
