package io.citytwin.twin.cim;

import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.linemerge.LineMerger;

/**
 * Road entities: one per OSM way ({@code road/w123}), aggregated from the directed edges of the
 * routable graph. A two-way piece of road appears twice in the graph (once per direction) and once
 * here; the graph stays the thing to route on.
 */
final class RoadSegments {
  private static final GeometryFactory GF = new GeometryFactory();

  private RoadSegments() {}

  static List<CityEntity> of(RoadGraph graph) {
    Map<Long, List<RoadGraph.Edge>> byWay = new LinkedHashMap<>();
    for (RoadGraph.Edge e : graph.edges()) {
      byWay.computeIfAbsent(e.wayId(), w -> new ArrayList<>()).add(e);
    }
    List<CityEntity> out = new ArrayList<>(byWay.size());
    byWay.forEach((wayId, edges) -> out.add(road(wayId, edges)));
    return out;
  }

  private static CityEntity road(long wayId, List<RoadGraph.Edge> edges) {
    // Key each piece by its unordered end nodes: the two directions of one piece share a key.
    Map<Long, List<RoadGraph.Edge>> pieces = new HashMap<>();
    for (RoadGraph.Edge e : edges) {
      long key = ((long) Math.min(e.from(), e.to()) << 32) | Math.max(e.from(), e.to());
      pieces.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    double length = 0;
    boolean oneway = true;
    LineMerger merger = new LineMerger();
    for (List<RoadGraph.Edge> piece : pieces.values()) {
      length += piece.get(0).lengthM();
      oneway &= piece.size() == 1;
      merger.add(piece.get(0).geometry());
    }
    RoadGraph.Edge first = edges.get(0);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("highway", first.highway());
    a.put("lengthM", CityEntities.round1(length));
    a.put("speedKmh", edges.stream().mapToDouble(RoadGraph.Edge::speedKmh).max().orElse(0));
    a.put("lanes", edges.stream().mapToInt(RoadGraph.Edge::lanes).max().orElse(0));
    a.put(
        "capacityVehPerHour",
        CityEntities.round1(
            edges.stream().mapToDouble(RoadGraph.Edge::capacityVehPerHour).max().orElse(0)));
    a.put("oneway", oneway);
    a.put("car", edges.stream().anyMatch(RoadGraph.Edge::car));
    a.put("foot", edges.stream().anyMatch(RoadGraph.Edge::foot));
    String name = edges.stream().map(RoadGraph.Edge::name).filter(n -> n != null && !n.isEmpty())
        .findFirst().orElse("");
    return new CityEntity(EntityId.of(EntityType.ROAD, "w" + wayId), name, merged(merger), a);
  }

  @SuppressWarnings("unchecked")
  private static Geometry merged(LineMerger merger) {
    Collection<LineString> lines = merger.getMergedLineStrings();
    if (lines.size() == 1) {
      return lines.iterator().next();
    }
    return GF.createMultiLineString(lines.toArray(new LineString[0]));
  }
}
