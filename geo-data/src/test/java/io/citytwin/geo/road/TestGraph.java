package io.citytwin.geo.road;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Builds small road graphs by hand: straight edges whose length is the great-circle distance. */
final class TestGraph {
  private static final GeometryFactory GF = new GeometryFactory();

  private final List<RoadGraph.Node> nodes = new ArrayList<>();
  private final List<RoadGraph.Edge> edges = new ArrayList<>();
  private long nextWay = 1;

  /** Adds a node and returns its index. */
  int node(double lon, double lat) {
    nodes.add(new RoadGraph.Node(nodes.size(), 1000 + nodes.size(), lon, lat));
    return nodes.size() - 1;
  }

  /** A street drivable and walkable both ways; returns the index of the a->b edge (b->a is +1). */
  int street(int a, int b, double speedKmh) {
    long way = nextWay++;
    int e = edge(a, b, way, speedKmh, true, true, 1.0);
    edge(b, a, way, speedKmh, true, true, 1.0);
    return e;
  }

  /** A one-way street a->b, walkable both ways. */
  int oneWay(int a, int b, double speedKmh) {
    return edge(a, b, nextWay++, speedKmh, true, true, 1.0);
  }

  /** A footway (two edges, car=false). */
  int footway(int a, int b) {
    long way = nextWay++;
    int e = edge(a, b, way, 5, false, true, 1.0);
    edge(b, a, way, 5, false, true, 1.0);
    return e;
  }

  /** A road closed to pedestrians (e.g. a motorway tunnel), both directions. */
  int carOnly(int a, int b, double speedKmh) {
    long way = nextWay++;
    int e = edge(a, b, way, speedKmh, true, false, 1.0);
    edge(b, a, way, speedKmh, true, false, 1.0);
    return e;
  }

  /**
   * Adds one directed edge; its length is the great-circle distance times {@code detour} (>= 1
   * models a curved road whose geometry is longer than the chord).
   */
  int edge(int a, int b, long way, double speedKmh, boolean car, boolean foot, double detour) {
    RoadGraph.Node na = nodes.get(a);
    RoadGraph.Node nb = nodes.get(b);
    double len = GreatCircle.distanceM(na.lon(), na.lat(), nb.lon(), nb.lat()) * detour;
    edges.add(
        new RoadGraph.Edge(
            edges.size(), a, b, way, "way " + way, car ? "residential" : "footway", len, speedKmh,
            1, 600, car, foot,
            GF.createLineString(
                new Coordinate[] {new Coordinate(na.lon(), na.lat()), new Coordinate(nb.lon(), nb.lat())})));
    return edges.size() - 1;
  }

  RoadGraph build() {
    return new RoadGraph(nodes, edges);
  }
}
