package io.citytwin.geo.road;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.osm.OsmData;
import io.citytwin.geo.osm.OsmWay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Builds a {@link RoadGraph} from the {@code highway=*} ways of an OSM file. Ways are split at
 * junctions (nodes shared by two or more highway ways, or used twice by one) and at their ends;
 * each piece becomes a directed edge per allowed direction. A piece is kept when the midpoint of
 * its line satisfies {@code keep} (the importer passes "inside the city boundary"). Pieces whose
 * nodes are missing from the file are dropped, so a way cut at the extract edge keeps its
 * complete parts.
 *
 * <p>Direction rules: {@code oneway=yes|true|1} forward only, {@code oneway=-1|reverse} backward
 * only, {@code junction=roundabout|circular} and motorways are one-way unless {@code oneway=no}.
 * One-way rules bind vehicles only: where pedestrians may walk, the opposite direction gets a
 * foot-only edge. Lanes come from {@code lanes:forward/backward}, else {@code lanes} (halved on
 * two-way roads, at least 1), else the class default; capacity is lanes x {@link
 * HighwayClass#capacityPerLane()}. Speed comes from a numeric {@code maxspeed} (km/h, or {@code
 * mph}), else the class default. Not thread-safe; use one builder per build.
 */
public final class RoadGraphBuilder {
  private final OsmData osm;
  private final MetricProjection projection;
  private final Predicate<Coordinate> keep;
  private final GeometryFactory gf;

  private final List<RoadGraph.Node> nodes = new ArrayList<>();
  private final Map<Long, Integer> nodeIndex = new HashMap<>();
  private final List<RoadGraph.Edge> edges = new ArrayList<>();

  public RoadGraphBuilder(OsmData osm, MetricProjection projection, Predicate<Coordinate> keep, GeometryFactory gf) {
    this.osm = osm;
    this.projection = projection;
    this.keep = keep;
    this.gf = gf;
  }

  /** Whether a way is a road or path the graph uses. */
  public static boolean isRoutable(OsmWay way) {
    return way.nodeRefs().length >= 2
        && HighwayClass.of(way.tags().get("highway")).isPresent()
        && (!"no".equals(way.tags().get("access")) || "yes".equals(way.tags().get("foot")));
  }

  public RoadGraph build() {
    List<OsmWay> ways = osm.ways().stream().filter(RoadGraphBuilder::isRoutable).toList();
    Map<Long, Integer> uses = new HashMap<>();
    for (OsmWay w : ways) {
      for (long ref : w.nodeRefs()) {
        uses.merge(ref, 1, Integer::sum);
      }
    }
    for (OsmWay w : ways) {
      addWay(w, uses);
    }
    return new RoadGraph(nodes, edges);
  }

  private void addWay(OsmWay way, Map<Long, Integer> uses) {
    long[] refs = way.nodeRefs();
    WayAttributes attrs = WayAttributes.of(way);
    int start = 0;
    for (int i = 1; i < refs.length; i++) {
      boolean split = i == refs.length - 1 || uses.get(refs[i]) > 1;
      if (split) {
        addPiece(way, attrs, refs, start, i);
        start = i;
      }
    }
  }

  private void addPiece(OsmWay way, WayAttributes a, long[] refs, int from, int to) {
    List<Coordinate> cs = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      double[] ll = osm.lonLat(refs[i]);
      if (ll == null) {
        return;
      }
      cs.add(new Coordinate(ll[0], ll[1]));
    }
    if (refs[from] == refs[to] && cs.size() < 3) {
      return;
    }
    LineString line = gf.createLineString(cs.toArray(Coordinate[]::new));
    Coordinate mid = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
    if (!keep.test(mid)) {
      return;
    }
    double lengthM = projection.lengthM(line);
    int a0 = node(refs[from], cs.get(0));
    int b0 = node(refs[to], cs.get(cs.size() - 1));
    if (a.carForward() || a.foot()) {
      edge(way, a, a0, b0, lengthM, a.carForward(), a.lanesForward(), line);
    }
    if (a.carBackward() || a.foot()) {
      edge(way, a, b0, a0, lengthM, a.carBackward(), a.lanesBackward(), line.reverse());
    }
  }

  private void edge(OsmWay way, WayAttributes a, int from, int to, double lengthM, boolean car, int lanes, LineString g) {
    int carLanes = car ? lanes : 0;
    double speed = car ? a.speedKmh() : HighwayClass.WALKING_SPEED_KMH;
    edges.add(
        new RoadGraph.Edge(
            edges.size(),
            from,
            to,
            way.id(),
            way.tags().getOrDefault("name", ""),
            a.cls().highway(),
            lengthM,
            speed,
            carLanes,
            carLanes * a.cls().capacityPerLane(),
            car,
            a.foot(),
            g));
  }

  private int node(long osmId, Coordinate c) {
    return nodeIndex.computeIfAbsent(
        osmId,
        id -> {
          nodes.add(new RoadGraph.Node(nodes.size(), id, c.x, c.y));
          return nodes.size() - 1;
        });
  }
}
