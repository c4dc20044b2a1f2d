package io.citytwin.geo.road;

import java.util.BitSet;
import java.util.Collection;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A set of closed road edges (by {@link RoadGraph.Edge#index()}) that a route must avoid, e.g.
 * roads blocked by an incident or inside a hazard zone. Edges are directed: closing one direction
 * of a two-way street leaves the other open to cars. Pedestrians walk a segment either way while
 * any of its walkable edges is open, so close every edge of a street to shut it to them, as {@link
 * #intersecting} does.
 * Immutable and thread-safe; combine with {@link #and}.
 */
public final class RoadClosures {
  private static final RoadClosures NONE = new RoadClosures(new BitSet());

  private final BitSet closed;

  private RoadClosures(BitSet closed) {
    this.closed = closed;
  }

  /** No closures. */
  public static RoadClosures none() {
    return NONE;
  }

  /** Exactly these edges closed. */
  public static RoadClosures ofEdges(int... edgeIndices) {
    return ofEdges(IntStream.of(edgeIndices).boxed().toList());
  }

  /** Exactly these edges closed. */
  public static RoadClosures ofEdges(Collection<Integer> edgeIndices) {
    BitSet b = new BitSet();
    for (int e : edgeIndices) {
      if (e < 0) {
        throw new IllegalArgumentException("negative edge index " + e);
      }
      b.set(e);
    }
    return new RoadClosures(b);
  }

  /**
   * Every edge of the graph whose geometry intersects (touches or crosses) the WGS84 area, e.g. a
   * fire's exclusion zone or a flooded polygon. Linear in the number of edges, with an envelope test
   * before the exact one.
   */
  public static RoadClosures intersecting(RoadGraph graph, Geometry areaWgs84) {
    PreparedGeometry area = PreparedGeometryFactory.prepare(areaWgs84);
    Envelope env = areaWgs84.getEnvelopeInternal();
    BitSet b = new BitSet(graph.edges().size());
    for (RoadGraph.Edge e : graph.edges()) {
      if (env.intersects(e.geometry().getEnvelopeInternal()) && area.intersects(e.geometry())) {
        b.set(e.index());
      }
    }
    return new RoadClosures(b);
  }

  /** The union of both closure sets. */
  public RoadClosures and(RoadClosures other) {
    BitSet b = (BitSet) closed.clone();
    b.or(other.closed);
    return new RoadClosures(b);
  }

  public boolean isClosed(int edgeIndex) {
    return closed.get(edgeIndex);
  }

  public boolean isEmpty() {
    return closed.isEmpty();
  }

  /** Number of closed edges. */
  public int size() {
    return closed.cardinality();
  }

  /** Closed edge indices in ascending order. */
  public IntStream edges() {
    return closed.stream();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoadClosures other && closed.equals(other.closed);
  }

  @Override
  public int hashCode() {
    return closed.hashCode();
  }

  @Override
  public String toString() {
    return "RoadClosures" + closed;
  }
}
