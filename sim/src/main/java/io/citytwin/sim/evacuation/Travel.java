package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Moves the parties of one evacuation: routes them when they set off, feeds cars to the {@link
 * LinkQueues} and pedestrians to the {@link Walkers}, re-routes travellers whose way ahead becomes
 * unusable when the danger area or the closures change, hands the occupants of abandoned cars over
 * to the walkers, and counts where everybody is. Not thread-safe.
 */
final class Travel {

  /**
   * Where everybody is. {@code inDanger + onTheWay + evacuated + notDeparted == total} always: in
   * danger = not at a shelter and at home in, or on a road edge touching, the danger area; on the
   * way = travelling (or waiting in a car for room on the road) outside it; not departed = at home
   * outside it (including those who stay and those without a route yet).
   */
  record Counts(int total, int inDanger, int onTheWay, int evacuated, int notDeparted, int driving,
      int walking, int staying, int withoutRoute) {}

  private final RoadGraph graph;
  private final Router router;
  private final List<Geometry> buildings;
  private final int[][] originNode;
  private final List<Party> parties;
  private final List<Party> byDeparture;
  private final List<Shelter> shelters;
  private final EscapeRoutes routes;
  private final LinkQueues cars;
  private final Walkers walkers;
  private final int maxParty;
  private final boolean[] open;
  private final boolean[] available;
  private final boolean[] buildingInDanger;
  private final List<Party> needRoute = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private int[] vehicleParty = new int[64];
  private int[] walkerParty = new int[64];
  private int nextDeparture;
  private BitSet closed = new BitSet();
  private DangerZone zone;
  private final TripTimes carTrips = new TripTimes();
  private final TripTimes footTrips = new TripTimes();

  /**
   * @param buildings footprints of the affected buildings
   * @param originNode per building, the road node its cars ({@code [b][0]}) and walkers ({@code
   *     [b][1]}) start from
   * @param available which shelters take evacuees from the start (others open by intervention)
   */
  Travel(Router router, List<Geometry> buildings, int[][] originNode, List<Party> parties, List<Shelter> shelters,
      boolean[] available, CarLinks links, EvacuationParams p, long seed, double startS) {
    this.graph = router.graph();
    this.router = router;
    this.buildings = buildings;
    this.originNode = originNode;
    this.parties = parties;
    this.byDeparture = parties.stream().filter(x -> x.status == Party.Status.HOME)
        .sorted(Comparator.comparingDouble((Party x) -> x.departS).thenComparingInt(x -> x.id)).toList();
    this.shelters = shelters;
    this.available = available.clone();
    this.open = new boolean[shelters.size()];
    this.maxParty = Math.max(1, parties.stream().filter(x -> x.mode != null).mapToInt(x -> x.persons).max().orElse(1));
    this.routes = new EscapeRoutes(router, shelters);
    this.buildingInDanger = new boolean[buildings.size()];
    this.cars = new LinkQueues(links, new CarEvents(), seed, startS,
        p.car().abandonAfter() == null ? Double.POSITIVE_INFINITY : p.car().abandonAfter().toMillis() / 1000.0);
    this.walkers = new Walkers(graph, p.foot().speedMps(), p.foot().walkwayWidthM(), p.foot().densityDependent(),
        new FootEvents(), startS);
    this.zone = DangerZone.of(new GeometryFactory().createPolygon(), graph);
  }

  LinkQueues cars() {
    return cars;
  }

  Walkers walkers() {
    return walkers;
  }

  DangerZone zone() {
    return zone;
  }

  List<Party> parties() {
    return parties;
  }

  List<Shelter> shelters() {
    return shelters;
  }

  TripTimes tripTimes(TravelMode mode) {
    return mode == TravelMode.CAR ? carTrips : footTrips;
  }

  /** The road node a party set off from (its home's, for its mode at departure). */
  int originNode(Party party) {
    return originNode[party.building][party.mode == TravelMode.CAR ? 0 : 1];
  }

  /** Lets shelter {@code i} take evacuees from now on (an intervention opened it). */
  void makeAvailable(int i) {
    available[i] = true;
  }

  /**
   * A new situation: danger area, closed edges, shelters. Re-routes travellers whose route ahead is
   * no longer acceptable.
   */
  void situation(DangerZone zone, BitSet closedEdges) {
    this.zone = zone;
    this.closed = (BitSet) closedEdges.clone();
    cars.setClosed(closedEdges);
    for (int b = 0; b < buildings.size(); b++) {
      buildingInDanger[b] = zone.intersects(buildings.get(b));
    }
    refreshShelters(true);
    int rerouted = 0;
    for (Party party : parties) {
      if (party.status == Party.Status.TRAVELLING && party.engineId >= 0 && !valid(party)) {
        rerouted += reroute(party) ? 1 : 0;
      }
    }
    if (rerouted > 0) {
      events.add(rerouted + " travelling parties re-routed");
    }
  }

  /**
   * Tries again for parties still without a route (failures are cached until the situation
   * changes, so this is cheap), sets off everybody due before {@code t1}, then advances cars and
   * walkers tick by tick.
   */
  void advance(double t0, double t1, double tickS) {
    List<Party> retry = new ArrayList<>(needRoute);
    needRoute.clear();
    for (Party party : retry) {
      start(party, t0);
    }
    while (nextDeparture < byDeparture.size() && byDeparture.get(nextDeparture).departS < t1) {
      Party party = byDeparture.get(nextDeparture++);
      start(party, Math.max(t0, party.departS));
    }
    for (double t = t0; t < t1; ) {
      double end = Math.min(t + tickS, t1);
      cars.advance(end, tickS);
      walkers.advance(end, tickS);
      t = end;
    }
  }

  /** Things worth a note since the last call (shelters filling, re-routing), then forgotten. */
  List<String> drainEvents() {
    List<String> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /** Whether every party is at a shelter or stays home. */
  boolean done() {
    return parties.stream().allMatch(x -> x.status == Party.Status.ARRIVED || x.status == Party.Status.STAYING);
  }

  private void start(Party party, double atS) {
    int node = party.retryNode >= 0 ? party.retryNode
        : originNode[party.building][party.mode == TravelMode.CAR ? 0 : 1];
    Optional<EscapeRoutes.Plan> plan = routes.plan(node, party.mode, inDanger(party));
    if (plan.isEmpty()) {
      party.withoutRoute = true;
      needRoute.add(party);
      return;
    }
    party.withoutRoute = false;
    reserve(party, plan.get().shelter());
    int id;
    if (party.mode == TravelMode.CAR) {
      id = cars.add(plan.get().edges(), atS);
      vehicleParty = ensure(vehicleParty, id);
      vehicleParty[id] = party.id;
    } else {
      id = walkers.add(plan.get().edges(), plan.get().nodes(), atS);
      walkerParty = ensure(walkerParty, id);
      walkerParty[id] = party.id;
    }
    party.engineId = id;
    party.status = Party.Status.TRAVELLING;
  }

  private boolean valid(Party party) {
    int v = party.engineId;
    if (party.mode == TravelMode.CAR) {
      int[] r = new int[cars.routeLength(v)];
      Arrays.setAll(r, i -> cars.routeEdge(v, i));
      return routes.stillValid(r, cars.position(v), cars.currentEdge(v) >= 0, party.shelter);
    }
    int[] r = new int[walkers.routeLength(v)];
    Arrays.setAll(r, i -> walkers.routeEdge(v, i));
    return routes.stillValid(r, walkers.position(v), walkers.currentEdge(v) >= 0, party.shelter);
  }

  /** A new route from where the party is; keeps the old one when there is none. */
  private boolean reroute(Party party) {
    int v = party.engineId;
    boolean car = party.mode == TravelMode.CAR;
    int node;
    if (car) {
      node = cars.currentEdge(v) >= 0 ? graph.edges().get(cars.currentEdge(v)).to()
          : originNode[party.building][0];
    } else {
      node = walkers.nextNode(v);
    }
    release(party);
    Optional<EscapeRoutes.Plan> plan = routes.plan(node, party.mode, inDanger(party));
    if (plan.isEmpty()) {
      reserve(party, party.shelter);
      party.withoutRoute = true;
      return false;
    }
    party.withoutRoute = false;
    reserve(party, plan.get().shelter());
    if (car) {
      cars.reroute(v, plan.get().edges());
    } else {
      walkers.reroute(v, plan.get().edges(), plan.get().nodes());
    }
    return true;
  }

  private void reserve(Party party, Shelter s) {
    party.shelter = s;
    s.reserved += party.persons;
    refreshShelters(false);
  }

  private void release(Party party) {
    party.shelter.reserved -= party.persons;
    refreshShelters(false);
  }

  /** Recomputes which shelters take new parties; resets routing when that changed. */
  private void refreshShelters(boolean force) {
    boolean changed = force;
    for (Shelter s : shelters) {
      boolean now = available[s.index] && s.free() >= maxParty && !zone.intersects(s.location);
      if (now != open[s.index]) {
        changed = true;
        if (!now && open[s.index] && s.free() < maxParty) {
          events.add("shelter " + s.label() + " is full (" + s.reserved + " of " + s.capacity + " places taken)");
        }
        open[s.index] = now;
      }
    }
    if (changed) {
      routes.reset(zone, closed, open);
    }
  }

  private void arrived(Party party, double timeS) {
    party.status = Party.Status.ARRIVED;
    party.arrivedS = timeS;
    party.shelter.arrived += party.persons;
    (party.mode == TravelMode.CAR ? carTrips : footTrips).add(timeS - party.departS, party.persons);
  }

  /** Car abandoned at the end of {@code edge}: its occupants walk on from the nearest walkway. */
  private void abandoned(Party party, int edge, double timeS) {
    RoadGraph.Node end = graph.nodes().get(graph.edges().get(edge).to());
    Optional<Snap> foot = router.snap(end.lon(), end.lat(), TravelMode.FOOT);
    release(party);
    party.mode = TravelMode.FOOT;
    party.engineId = -1;
    party.lastEdge = edge;
    events.add(party.persons + " people left a car stuck on " + describe(edge) + " and walk on");
    if (foot.isEmpty()) {
      party.withoutRoute = true;
      return;
    }
    party.retryNode = foot.get().node();
    start(party, timeS);
  }

  private String describe(int edge) {
    RoadGraph.Edge e = graph.edges().get(edge);
    return (e.name().isEmpty() ? e.highway() : e.name()) + " (edge " + edge + ")";
  }

  /** Where everybody is now. */
  Counts counts() {
    int total = 0;
    int danger = 0;
    int way = 0;
    int safe = 0;
    int home = 0;
    int driving = 0;
    int walking = 0;
    int staying = 0;
    int noRoute = 0;
    for (Party party : parties) {
      total += party.persons;
      if (party.status == Party.Status.ARRIVED) {
        safe += party.persons;
        continue;
      }
      boolean travelling = party.status == Party.Status.TRAVELLING;
      if (travelling) {
        driving += party.mode == TravelMode.CAR ? party.persons : 0;
        walking += party.mode == TravelMode.FOOT ? party.persons : 0;
      }
      staying += party.status == Party.Status.STAYING ? party.persons : 0;
      noRoute += party.withoutRoute ? party.persons : 0;
      if (inDanger(party)) {
        danger += party.persons;
      } else if (travelling) {
        way += party.persons;
      } else {
        home += party.persons;
      }
    }
    return new Counts(total, danger, way, safe, home, driving, walking, staying, noRoute);
  }

  private boolean inDanger(Party party) {
    int edge = -1;
    if (party.status == Party.Status.TRAVELLING) {
      if (party.engineId < 0) {
        edge = party.lastEdge;
      } else {
        edge = party.mode == TravelMode.CAR ? cars.currentEdge(party.engineId) : walkers.currentEdge(party.engineId);
      }
    }
    return edge >= 0 ? zone.edges.get(edge) : buildingInDanger[party.building];
  }

  private static int[] ensure(int[] a, int i) {
    return i < a.length ? a : Arrays.copyOf(a, Math.max(i + 1, a.length * 2));
  }

  private final class CarEvents implements LinkQueues.Listener {
    @Override
    public void arrived(int vehicle, double timeS) {
      Travel.this.arrived(parties.get(vehicleParty[vehicle]), timeS);
    }

    @Override
    public void abandoned(int vehicle, int edge, double timeS) {
      Travel.this.abandoned(parties.get(vehicleParty[vehicle]), edge, timeS);
    }
  }

  private final class FootEvents implements Walkers.Listener {
    @Override
    public void arrived(int walker, double timeS) {
      Travel.this.arrived(parties.get(walkerParty[walker]), timeS);
    }
  }
}
