package io.citytwin.sim.hazard.traffic;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.sim.hazard.HazardState;
import io.citytwin.sim.hazard.SteppedHazard;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Road closures over time ({@link TrafficParams}) and what they do to trips: the closed edges are
 * the {@link io.citytwin.sim.hazard.Hazard}'s closures (so evacuation and dispatch route around
 * them with {@link RoadClosures#ofEdges}), and a set of trips is routed by travel time with the
 * city's {@link Router}, free-flow, without and with the closures in force, to show which get
 * longer and which become impossible. Trips: for each closure, the trips along its closed edges
 * (from each closed edge's start node to its end node: the detour around the closure), the given
 * pairs, and random pairs of road nodes near the first closure drawn from the scenario's seed.
 * Free-flow times do not include queues or the extra load the detours add.
 */
public final class TrafficIncidentModel extends SteppedHazard {
  private static final int ACROSS_PER_CLOSURE = 4;
  private static final double BUFFER_M = 6;

  /** A trip between two road nodes and its free-flow travel time without closures. */
  public record Trip(String kind, int from, int to, double baselineS) {}

  /** Travel time of a trip under a set of closures; infinite when cut off. */
  private record Outcome(double[] seconds) {}

  private final TrafficParams params;
  private final CityModel city;
  private final Router router;
  private final List<Trip> trips = new ArrayList<>();
  private final Map<Set<Integer>, Outcome> outcomes = new HashMap<>();
  private final double[] worstS;
  private final Instant end;
  private boolean allEnded;

  public TrafficIncidentModel(Scenario scenario, CityModel city) {
    super(scenario);
    this.params = TrafficParams.parse(scenario, city);
    this.city = city;
    this.router = new Router(city.roads());
    this.end = scenario.start().plus(scenario.duration());
    planTrips(scenario.seed());
    this.worstS = new double[trips.size()];
    for (int i = 0; i < trips.size(); i++) {
      worstS[i] = trips.get(i).baselineS();
    }
  }

  private void planTrips(long seed) {
    RoadGraph g = city.roads();
    Set<List<Integer>> seen = new LinkedHashSet<>();
    for (Closure c : params.closures()) {
      int n = 0;
      for (int e : c.edges()) {
        RoadGraph.Edge edge = g.edges().get(e);
        boolean usable = Double.isFinite(router.edgeTravelTimeS(e, params.mode()));
        if (n < ACROSS_PER_CLOSURE && usable && router.inMainNetwork(edge.from(), params.mode())
            && router.inMainNetwork(edge.to(), params.mode()) && seen.add(List.of(edge.from(), edge.to()))) {
          addTrip("across " + c.label(), edge.from(), edge.to());
          n++;
        }
      }
    }
    for (org.locationtech.jts.geom.Point[] p : params.pairs()) {
      Snap a = router.snap(p[0].getX(), p[0].getY(), params.mode()).orElseThrow();
      Snap b = router.snap(p[1].getX(), p[1].getY(), params.mode()).orElseThrow();
      addTrip("given", a.node(), b.node());
    }
    List<Integer> nearby = nodesNear(params.closures().get(0));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < params.samplePairs() && nearby.size() > 1; i++) {
      int a = nearby.get(random.nextInt(nearby.size()));
      int b = nearby.get(random.nextInt(nearby.size()));
      if (a != b) {
        addTrip("sample", a, b);
      }
    }
  }

  private void addTrip(String kind, int from, int to) {
    double base = router.route(from, to, params.mode(), Cost.TIME).map(Route::travelTimeS).orElse(Double.POSITIVE_INFINITY);
    trips.add(new Trip(kind, from, to, base));
  }

  /** Main-network nodes within the sample radius of the closure's first edge, ascending. */
  private List<Integer> nodesNear(Closure c) {
    RoadGraph g = city.roads();
    Coordinate centre = city.projection().toMetric(g.edges().get(c.edges().get(0)).geometry().getCentroid().getCoordinate());
    List<Integer> out = new ArrayList<>();
    for (RoadGraph.Node n : g.nodes()) {
      if (router.inMainNetwork(n.index(), params.mode())
          && city.projection().toMetric(new Coordinate(n.lon(), n.lat())).distance(centre) <= params.sampleRadiusM()) {
        out.add(n.index());
      }
    }
    return out;
  }

  /** The trips compared, in the order of the per-trip results. */
  public List<Trip> trips() {
    return List.copyOf(trips);
  }

  /** The validated parameters. */
  public TrafficParams params() {
    return params;
  }

  /**
   * Free-flow travel time in seconds of each trip (in {@link #trips()} order) with the given
   * edges closed; infinite where a trip becomes impossible. Computed once per set of edges.
   */
  public synchronized double[] travelTimesWith(Set<Integer> closedEdges) {
    return outcomes.computeIfAbsent(Set.copyOf(closedEdges), edges -> {
      RoadClosures closures = RoadClosures.ofEdges(edges);
      double[] s = new double[trips.size()];
      for (int i = 0; i < s.length; i++) {
        Trip t = trips.get(i);
        s[i] = router.route(t.from(), t.to(), params.mode(), Cost.TIME, closures)
            .map(Route::travelTimeS).orElse(Double.POSITIVE_INFINITY);
      }
      return new Outcome(s);
    }).seconds().clone();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        new Metric("roadsClosed", "edges", "road graph edges closed"),
        new Metric("closedLengthM", "m", "length of closed road (both directions of a street counted once)"),
        new Metric("tripsDelayed", "trips", "trips that take longer than without the closures"),
        new Metric("tripsCutOff", "trips", "trips that the closures make impossible"),
        new Metric("meanDelayS", "s", "mean extra free-flow travel time over the trips still possible"),
        new Metric("maxDelayS", "s", "largest extra free-flow travel time of a trip still possible"));
  }

  @Override
  protected HazardState advance(int k, Instant from, Instant to) {
    Duration now = Duration.between(start(), to);
    Duration before = Duration.between(start(), from);
    Set<Integer> closed = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    boolean pending = false;
    for (Closure c : params.closures()) {
      if (c.activeAt(now)) {
        closed.addAll(c.edges());
        if (k == 0 || !c.activeAt(before)) {
          notes.add("closure of " + c.label() + " started (" + c.edges().size() + " edges)");
        }
      } else if (k > 0 && c.activeAt(before)) {
        notes.add("closure of " + c.label() + " ended");
      }
      pending |= c.duration() == null || now.compareTo(c.from().plus(c.duration())) < 0;
    }
    allEnded = !pending;
    double[] after = travelTimesWith(closed);
    int delayed = 0;
    int cutOff = 0;
    double sum = 0;
    int reachable = 0;
    double max = 0;
    for (int i = 0; i < trips.size(); i++) {
      double base = trips.get(i).baselineS();
      if (Double.isInfinite(base)) {
        continue;
      }
      if (Double.isInfinite(after[i])) {
        cutOff++;
      } else {
        double delay = after[i] - base;
        delayed += delay > 1e-6 ? 1 : 0;
        sum += delay;
        max = Math.max(max, delay);
        reachable++;
      }
      worstS[i] = Math.max(worstS[i], after[i]);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("roadsClosed", (double) closed.size());
    m.put("closedLengthM", closedLength(closed));
    m.put("tripsDelayed", (double) delayed);
    m.put("tripsCutOff", (double) cutOff);
    m.put("meanDelayS", reachable == 0 ? 0 : sum / reachable);
    m.put("maxDelayS", max);
    Geometry footprint = footprint(closed);
    return new HazardState(new Frame(k, to, m, Map.of("closedRoads", footprint), notes), footprint, closed);
  }

  private double closedLength(Set<Integer> closed) {
    Set<List<Long>> segments = new LinkedHashSet<>();
    double length = 0;
    for (int e : closed) {
      RoadGraph.Edge edge = city.roads().edges().get(e);
      long a = Math.min(edge.from(), edge.to());
      long b = Math.max(edge.from(), edge.to());
      if (segments.add(List.of(edge.wayId(), a, b))) {
        length += edge.lengthM();
      }
    }
    return length;
  }

  private Geometry footprint(Set<Integer> closed) {
    if (closed.isEmpty()) {
      return GF.createPolygon();
    }
    List<Geometry> parts = new ArrayList<>();
    for (int e : closed) {
      parts.add(city.projection().toMetric(city.roads().edges().get(e).geometry()).buffer(BUFFER_M, 4));
    }
    return city.projection().toWgs84(UnaryUnionOp.union(parts));
  }

  /** True once every closure has ended. */
  @Override
  public synchronized boolean finished() {
    return allEnded;
  }

  @Override
  public synchronized Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    List<Map<String, Object>> closures = new ArrayList<>();
    for (Closure c : params.closures()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("closure", c.label());
      e.put("edges", c.edges());
      Set<String> roads = new TreeSet<>();
      c.edges().forEach(i -> {
        RoadGraph.Edge edge = city.roads().edges().get(i);
        roads.add((edge.name().isEmpty() ? edge.highway() : edge.name()) + " (way " + edge.wayId() + ")");
      });
      e.put("roads", List.copyOf(roads));
      e.put("from", start().plus(c.from()).toString());
      e.put("until", c.duration() == null ? end.toString() : start().plus(c.from()).plus(c.duration()).toString());
      closures.add(e);
    }
    s.put("closures", closures);
    s.put("mode", params.mode().name().toLowerCase(java.util.Locale.ROOT));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < trips.size(); i++) {
      Trip t = trips.get(i);
      RoadGraph.Node a = city.roads().nodes().get(t.from());
      RoadGraph.Node b = city.roads().nodes().get(t.to());
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("kind", t.kind());
      r.put("from", List.of(a.lon(), a.lat()));
      r.put("to", List.of(b.lon(), b.lat()));
      r.put("baselineS", finite(t.baselineS()));
      r.put("worstS", finite(worstS[i]));
      r.put("cutOff", Double.isFinite(t.baselineS()) && Double.isInfinite(worstS[i]));
      r.put("longer", worstS[i] > t.baselineS() + 1e-6);
      rows.add(r);
    }
    s.put("trips", rows);
    s.put("timing", "free-flow travel times by the city's router; no queues");
    return s;
  }

  /** JSON has no infinity: unreachable is null. */
  private static Object finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
