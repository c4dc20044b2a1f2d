package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Small hand-made road graphs whose edge lengths, speeds, lanes and capacities are given directly. */
final class TestGraphs {
  private static final GeometryFactory GF = new GeometryFactory();

  private final List<RoadGraph.Node> nodes = new ArrayList<>();
  private final List<RoadGraph.Edge> edges = new ArrayList<>();

  /** {@code n} nodes placed 0.001 degrees apart along a line (positions do not matter here). */
  static TestGraphs nodes(int n) {
    TestGraphs g = new TestGraphs();
    for (int i = 0; i < n; i++) {
      g.nodes.add(new RoadGraph.Node(i, 1000 + i, 7.40 + 0.001 * i, 43.70 + 0.0003 * (i % 3)));
    }
    return g;
  }

  /** A car-and-foot edge; returns its index. */
  int edge(int from, int to, double lengthM, double speedKmh, int lanes, double capacityVehPerHour) {
    int index = edges.size();
    RoadGraph.Node a = nodes.get(from);
    RoadGraph.Node b = nodes.get(to);
    edges.add(new RoadGraph.Edge(index, from, to, 500 + index, "Edge " + index, "secondary", lengthM, speedKmh,
        lanes, capacityVehPerHour, true, true, GF.createLineString(
            new Coordinate[] {new Coordinate(a.lon(), a.lat()), new Coordinate(b.lon(), b.lat())})));
    return index;
  }

  RoadGraph graph() {
    return new RoadGraph(nodes, edges);
  }
}
