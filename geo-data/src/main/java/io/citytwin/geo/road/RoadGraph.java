package io.citytwin.geo.road;

import java.util.List;
import org.locationtech.jts.geom.LineString;

/**
 * A directed, routable road graph. A two-way OSM way segment becomes two edges; a one-way segment
 * one. Immutable and thread-safe once built.
 */
public final class RoadGraph {

  /** A junction or way end; {@code index} is its position in {@link #nodes()}. */
  public record Node(int index, long osmId, double lon, double lat) {}

  /**
   * A directed edge between two graph nodes.
   *
   * @param lengthM length along the geometry in metres
   * @param speedKmh free-flow vehicle speed (maxspeed tag, else the highway-class default)
   * @param lanes lanes in this direction
   * @param capacityVehPerHour lanes x per-lane capacity of the highway class
   * @param car whether vehicles may use it in this direction
   * @param foot whether pedestrians may use it
   * @param geometry WGS84 line from {@code from} to {@code to}
   */
  public record Edge(
      int index,
      int from,
      int to,
      long wayId,
      String name,
      String highway,
      double lengthM,
      double speedKmh,
      int lanes,
      double capacityVehPerHour,
      boolean car,
      boolean foot,
      LineString geometry) {}

  private final List<Node> nodes;
  private final List<Edge> edges;
  private final int[] firstOut;
  private final int[] outEdges;

  public RoadGraph(List<Node> nodes, List<Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
    this.firstOut = new int[nodes.size() + 1];
    for (Edge e : edges) {
      firstOut[e.from() + 1]++;
    }
    for (int i = 0; i < nodes.size(); i++) {
      firstOut[i + 1] += firstOut[i];
    }
    this.outEdges = new int[edges.size()];
    int[] fill = firstOut.clone();
    for (Edge e : edges) {
      outEdges[fill[e.from()]++] = e.index();
    }
  }

  public List<Node> nodes() {
    return nodes;
  }

  public List<Edge> edges() {
    return edges;
  }

  /** Number of outgoing edges of a node. */
  public int outDegree(int node) {
    return firstOut[node + 1] - firstOut[node];
  }

  /** The {@code i}-th outgoing edge index of a node, {@code 0 <= i < outDegree(node)}. */
  public int outEdge(int node, int i) {
    return outEdges[firstOut[node] + i];
  }
}
