package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The most congested car links: per frame by load (vehicles on the link / its storage), and over
 * the run by peak load and queued vehicle-time. Ties go to the longer queue, then the lower edge
 * index, so lists are stable.
 */
final class Congestion {
  private static final GeometryFactory GF = new GeometryFactory();

  /** One link's state: {@code load} = vehicles / storage (0..1). */
  record Link(int edge, int vehicles, int queued, int storage, double load) {}

  /** The network at one time: the worst links, all queued vehicles, the highest load. */
  record Snapshot(List<Link> top, int queued, double maxLoad) {}

  private static final Comparator<Link> WORST_FIRST = Comparator.comparingDouble(Link::load).reversed()
      .thenComparing(Comparator.comparingInt(Link::queued).reversed()).thenComparingInt(Link::edge);

  private final CarLinks links;
  private final int top;
  private final double[] peakLoad;
  private final double[] peakAtS;
  private final double[] queuedVehicleS;

  Congestion(CarLinks links, int top) {
    this.links = links;
    this.top = top;
    this.peakLoad = new double[links.size()];
    this.peakAtS = new double[links.size()];
    this.queuedVehicleS = new double[links.size()];
  }

  /** The {@code top} most loaded links now, and their history updated for a step of {@code dtS}. */
  Snapshot observe(LinkQueues q, double atS, double dtS) {
    List<Link> loaded = new ArrayList<>();
    int queuedAll = 0;
    for (int e = 0; e < links.size(); e++) {
      int n = q.occupancy(e);
      if (n == 0) {
        continue;
      }
      int queued = q.queued(e, atS);
      double load = n / (double) links.storage(e);
      loaded.add(new Link(e, n, queued, links.storage(e), load));
      queuedAll += queued;
      queuedVehicleS[e] += queued * dtS;
      if (load > peakLoad[e]) {
        peakLoad[e] = load;
        peakAtS[e] = atS;
      }
    }
    loaded.sort(WORST_FIRST);
    double max = loaded.isEmpty() ? 0 : loaded.get(0).load();
    return new Snapshot(List.copyOf(loaded.subList(0, Math.min(top, loaded.size()))), queuedAll, max);
  }

  /** The links as one WGS84 MultiLineString (empty when none). */
  static Geometry lines(List<Link> top, RoadGraph graph) {
    return GF.createMultiLineString(
        top.stream().map(l -> graph.edges().get(l.edge()).geometry()).toArray(LineString[]::new));
  }

  /** Over the run: the {@code top} links by peak load, then by queued vehicle-hours. */
  List<Map<String, Object>> summary(RoadGraph graph, java.util.function.DoubleFunction<String> time) {
    List<Integer> used = new ArrayList<>();
    for (int e = 0; e < links.size(); e++) {
      if (peakLoad[e] > 0) {
        used.add(e);
      }
    }
    used.sort(Comparator.comparingDouble((Integer e) -> -peakLoad[e])
        .thenComparingDouble(e -> -queuedVehicleS[e]).thenComparingInt(e -> e));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int e : used.subList(0, Math.min(top, used.size()))) {
      RoadGraph.Edge edge = graph.edges().get(e);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("edge", e);
      m.put("road", "road/w" + edge.wayId());
      m.put("name", edge.name());
      m.put("highway", edge.highway());
      m.put("lengthM", Math.round(edge.lengthM() * 10) / 10.0);
      m.put("storageVehicles", links.storage(e));
      m.put("capacityVehPerHour", links.capacityVehPerHour(e));
      m.put("peakLoad", Math.round(peakLoad[e] * 1000) / 1000.0);
      m.put("peakAt", time.apply(peakAtS[e]));
      m.put("queuedVehicleHours", Math.round(queuedVehicleS[e] / 3.6) / 1000.0);
      out.add(m);
    }
    return out;
  }
}
