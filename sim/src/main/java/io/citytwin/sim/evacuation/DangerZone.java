package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import java.util.BitSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The danger area at one time, projected onto the road graph: the edges it touches (travellers on
 * them count as in danger; nobody outside is routed over them) and the nodes it covers. Immutable.
 */
final class DangerZone {
  private static final GeometryFactory GF = new GeometryFactory();

  final Geometry footprint;
  private final PreparedGeometry prepared;
  private final Envelope envelope;
  /** Edges whose geometry intersects the footprint. */
  final BitSet edges;
  /** Nodes covered by the footprint. */
  final BitSet inside;

  private DangerZone(Geometry footprint, RoadGraph graph) {
    this.footprint = footprint;
    this.prepared = PreparedGeometryFactory.prepare(footprint);
    this.envelope = footprint.getEnvelopeInternal();
    this.edges = new BitSet();
    this.inside = new BitSet();
    if (footprint.isEmpty()) {
      return;
    }
    RoadClosures.intersecting(graph, footprint).edges().forEach(edges::set);
    for (RoadGraph.Node n : graph.nodes()) {
      if (envelope.contains(n.lon(), n.lat()) && prepared.covers(GF.createPoint(new Coordinate(n.lon(), n.lat())))) {
        inside.set(n.index());
      }
    }
  }

  static DangerZone of(Geometry footprintWgs84, RoadGraph graph) {
    return new DangerZone(footprintWgs84, graph);
  }

  boolean isEmpty() {
    return footprint.isEmpty();
  }

  /** Whether a WGS84 geometry (a building footprint, a point) touches the danger area. */
  boolean intersects(Geometry g) {
    return !footprint.isEmpty() && envelope.intersects(g.getEnvelopeInternal()) && prepared.intersects(g);
  }

  /** Whether {@code other} is the same area (so nothing needs re-routing). */
  boolean sameArea(Geometry other) {
    return footprint.isEmpty() ? other.isEmpty() : footprint.equalsExact(other);
  }
}
