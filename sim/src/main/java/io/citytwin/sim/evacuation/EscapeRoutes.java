package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Fastest routes to the nearest open shelter that avoid the danger area, by car or on foot, with
 * the city's {@link Router} (free-flow travel times). A traveller out of danger, at a node outside
 * the area, is never routed over an edge intersecting it (and has no route when every way out
 * crosses it). A traveller in danger — at a node inside the area, on a road touching it, or leaving
 * a home that touches it — first takes the quickest way out, to the nearest node outside from which
 * a shelter can be reached without crossing the area, then goes to the nearest shelter from there.
 * When such a traveller's road node lies just outside the area (a home on its edge), that way out
 * may itself pass through the area. Closed edges are never used. Routes are cached per origin
 * until {@link #reset} is called with a new situation. Not thread-safe.
 */
final class EscapeRoutes {

  /** A route to a shelter: {@code nodes} has one more element than {@code edges}. */
  record Plan(int[] edges, int[] nodes, Shelter shelter, double freeFlowS) {}

  private final Router router;
  private final List<Shelter> shelters;
  private final int nodeCount;
  private final Map<Long, Optional<Plan>> cache = new HashMap<>();
  private DangerZone zone;
  private RoadClosures closed = RoadClosures.none();
  private RoadClosures avoid = RoadClosures.none();
  private final Map<TravelMode, Map<Integer, Shelter>> openByNode = new LinkedHashMap<>();
  private final Map<TravelMode, List<Integer>> safeTargets = new HashMap<>();

  EscapeRoutes(Router router, List<Shelter> shelters) {
    this.router = router;
    this.shelters = shelters;
    this.nodeCount = router.graph().nodes().size();
    this.zone = DangerZone.of(new GeometryFactory().createPolygon(), router.graph());
  }

  /**
   * A new situation: danger area, closed edges, and which shelters take new parties. Forgets every
   * cached route.
   */
  void reset(DangerZone zone, BitSet closedEdges, boolean[] open) {
    this.zone = zone;
    this.closed = RoadClosures.ofEdges(closedEdges.stream().boxed().toList());
    BitSet both = (BitSet) closedEdges.clone();
    both.or(zone.edges);
    this.avoid = RoadClosures.ofEdges(both.stream().boxed().toList());
    cache.clear();
    safeTargets.clear();
    for (TravelMode m : TravelMode.values()) {
      Map<Integer, Shelter> byNode = new LinkedHashMap<>();
      for (Shelter s : shelters) {
        if (open[s.index]) {
          byNode.putIfAbsent(m == TravelMode.CAR ? s.carNode : s.footNode, s);
        }
      }
      openByNode.put(m, byNode);
    }
  }

  DangerZone zone() {
    return zone;
  }

  /**
   * The escape route from {@code node}; empty when no open shelter can be reached.
   *
   * @param inDanger whether the traveller counts as in the danger area even if {@code node} is not
   *     in it (its home touches it): it may then cross the area to get out, as people inside do
   */
  Optional<Plan> plan(int node, TravelMode mode, boolean inDanger) {
    long key = ((long) mode.ordinal() * nodeCount + node) * 2 + (inDanger ? 1 : 0);
    return cache.computeIfAbsent(key, k -> search(node, mode, inDanger));
  }

  private Optional<Plan> search(int node, TravelMode mode, boolean inDanger) {
    Map<Integer, Shelter> open = openByNode.get(mode);
    if (open.isEmpty()) {
      return Optional.empty();
    }
    List<Integer> targets = List.copyOf(open.keySet());
    Optional<Route> direct = router.nearestByTravelTime(node, targets, mode, avoid);
    if (direct.isPresent()) {
      return Optional.of(plan(List.of(direct.get()), open));
    }
    if (!zone.inside.get(node) && !inDanger) {
      return Optional.empty();
    }
    Optional<Route> out = router.nearestByTravelTime(node, safeTargets(mode, targets), mode, closed);
    if (out.isEmpty()) {
      return Optional.empty();
    }
    Optional<Route> on = router.nearestByTravelTime(out.get().to(), targets, mode, avoid);
    return on.map(r -> plan(List.of(out.get(), r), open));
  }

  /**
   * Nodes outside the danger area from which some open shelter is reachable avoiding it: one
   * backward search per shelter node, once per situation and mode.
   */
  private List<Integer> safeTargets(TravelMode mode, List<Integer> shelterNodes) {
    return safeTargets.computeIfAbsent(mode, m -> {
      BitSet reach = new BitSet(nodeCount);
      for (int s : shelterNodes) {
        double[] cost = router.costsTo(s, m, Cost.TIME, avoid);
        for (int n = 0; n < nodeCount; n++) {
          if (cost[n] < Double.POSITIVE_INFINITY) {
            reach.set(n);
          }
        }
      }
      reach.andNot(zone.inside);
      return reach.stream().boxed().toList();
    });
  }

  private static Plan plan(List<Route> legs, Map<Integer, Shelter> open) {
    List<Integer> edges = new ArrayList<>();
    List<Integer> nodes = new ArrayList<>();
    double time = 0;
    for (Route r : legs) {
      edges.addAll(r.edges());
      nodes.addAll(nodes.isEmpty() ? r.nodes() : r.nodes().subList(1, r.nodes().size()));
      time += r.travelTimeS();
    }
    Shelter s = open.get(nodes.get(nodes.size() - 1));
    return new Plan(edges.stream().mapToInt(Integer::intValue).toArray(),
        nodes.stream().mapToInt(Integer::intValue).toArray(), s, time);
  }

  /**
   * Whether a route still ahead ({@code edges[from..]}, the traveller being on or before {@code
   * edges[from]}) is acceptable now: no closed edge after the current one, no danger-area edge
   * after the first edge outside it, and a destination outside the danger area.
   *
   * @param onFirst whether the traveller is already on {@code edges[from]} (it may finish a closed
   *     edge it is on)
   */
  boolean stillValid(int[] edges, int from, boolean onFirst, Shelter destination) {
    if (zone.intersects(destination.location)) {
      return false;
    }
    boolean leaving = true;
    for (int i = from; i < edges.length; i++) {
      int e = edges[i];
      if (closed.isClosed(e) && !(onFirst && i == from)) {
        return false;
      }
      boolean danger = zone.edges.get(e);
      if (danger && !leaving) {
        return false;
      }
      leaving &= danger;
    }
    return true;
  }
}
