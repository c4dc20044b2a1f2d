package io.citytwin.geo.osm;

import io.citytwin.geo.GisInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the elements a reader parses and checks them before handing out an {@link OsmData}; a
 * reader that fails never calls {@link #build()}, so nothing half-read escapes. Tag keys and values
 * are interned per file because OSM repeats them heavily. Not thread-safe.
 */
final class OsmDataBuilder {
  private final String source;
  private final NodeStore nodes = new NodeStore();
  private final List<OsmNode> taggedNodes = new ArrayList<>();
  private final List<OsmWay> ways = new ArrayList<>();
  private final List<OsmRelation> relations = new ArrayList<>();
  private final Map<String, String> strings = new HashMap<>();

  OsmDataBuilder(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  String intern(String s) {
    String prior = strings.putIfAbsent(s, s);
    return prior == null ? s : prior;
  }

  void node(long id, double lon, double lat, Map<String, String> tags) {
    if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new GisInputException(
          source, "node " + id + " has coordinates out of range: lon=" + lon + " lat=" + lat);
    }
    nodes.add(id, lon, lat);
    if (!tags.isEmpty()) {
      taggedNodes.add(new OsmNode(id, lon, lat, Map.copyOf(tags)));
    }
  }

  void way(long id, long[] refs, Map<String, String> tags) {
    ways.add(new OsmWay(id, refs, Map.copyOf(tags)));
  }

  void relation(long id, List<OsmRelation.Member> members, Map<String, String> tags) {
    relations.add(new OsmRelation(id, List.copyOf(members), Map.copyOf(tags)));
  }

  OsmData build() {
    Long duplicate = nodes.freeze();
    if (duplicate != null) {
      throw new GisInputException(source, "node " + duplicate + " appears twice");
    }
    if (nodes.size() == 0) {
      throw new GisInputException(source, "no nodes in file");
    }
    return new InMemoryOsmData(source, nodes, taggedNodes, ways, relations);
  }
}
