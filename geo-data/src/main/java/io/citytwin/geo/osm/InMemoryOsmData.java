package io.citytwin.geo.osm;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** {@link OsmData} held in memory; built only by {@link OsmDataBuilder}. */
final class InMemoryOsmData implements OsmData {
  private final String source;
  private final NodeStore nodes;
  private final List<OsmNode> taggedNodes;
  private final List<OsmWay> ways;
  private final List<OsmRelation> relations;

  InMemoryOsmData(
      String source,
      NodeStore nodes,
      List<OsmNode> taggedNodes,
      List<OsmWay> ways,
      List<OsmRelation> relations) {
    this.source = source;
    this.nodes = nodes;
    this.taggedNodes = List.copyOf(taggedNodes);
    this.ways = List.copyOf(ways);
    this.relations = List.copyOf(relations);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public List<OsmNode> taggedNodes() {
    return taggedNodes;
  }

  @Override
  public List<OsmWay> ways() {
    return ways;
  }

  @Override
  public List<OsmRelation> relations() {
    return relations;
  }

  @Override
  public double[] lonLat(long nodeId) {
    return nodes.lonLat(nodeId);
  }

  @Override
  public long nodeCount() {
    return nodes.size();
  }

  @Override
  public Envelope dataBounds() {
    return nodes.bounds();
  }
}
