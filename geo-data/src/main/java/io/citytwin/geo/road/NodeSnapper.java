package io.citytwin.geo.road;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

/** Nearest allowed node to a position: an STRtree over node points in the mode's planar metres. */
final class NodeSnapper {
  private static final ItemDistance PLANAR =
      (ItemBoundable a, ItemBoundable b) ->
          ((Envelope) a.getBounds()).distance((Envelope) b.getBounds());

  private final ModeGraph plane;
  private final List<RoadGraph.Node> nodes;
  private final STRtree tree = new STRtree();
  private final int size;

  NodeSnapper(ModeGraph plane, List<RoadGraph.Node> nodes, BitSet allowed) {
    this.plane = plane;
    this.nodes = nodes;
    this.size = allowed.cardinality();
    allowed.stream()
        .forEach(n -> tree.insert(new Envelope(plane.x[n], plane.x[n], plane.y[n], plane.y[n]), n));
    tree.build();
  }

  Optional<Snap> nearest(double lon, double lat) {
    if (size == 0) {
      return Optional.empty();
    }
    double px = plane.planarX(lon);
    double py = plane.planarY(lat);
    int n = (Integer) tree.nearestNeighbour(new Envelope(px, px, py, py), null, PLANAR);
    RoadGraph.Node node = nodes.get(n);
    return Optional.of(new Snap(n, GreatCircle.distanceM(lon, lat, node.lon(), node.lat())));
  }
}
