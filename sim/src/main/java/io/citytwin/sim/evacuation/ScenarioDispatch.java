package io.citytwin.sim.evacuation;

import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.run.Metric;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.ClosureRule;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.dispatch.RoutePlan;
import io.citytwin.twin.disposal.ResponsePlans;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * Responders inside a scenario, dispatched exactly as linked disposal does it: the on-site tasks of
 * the city's response plan for the incident type and severity, each given to the unit twin-core's
 * {@link RoadDispatcher} chooses (earliest arrival by road: turnout plus free-flow travel time,
 * avoiding closed roads), and re-planned with {@link RoadDispatcher#replan} when a closure cuts the
 * road ahead. As in linked disposal, the incident's own closures (its plan's closure rule around the
 * site) do not stop its own units; the danger area does not either — they drive into it.
 *
 * <p>Congestion (optional, {@code congestionDelay}): a unit crossing a link waits, on top of the
 * free-flow time, for the link's current queue to discharge (queued vehicles × 3600 / capacity),
 * i.e. it is treated like any car in the queue. This is an upper bound — real emergency vehicles
 * often get through — and the units do not take road space themselves. Progress is followed per
 * step; the ETA metric per agency is the time until its first unit is on site.
 */
public final class ScenarioDispatch {
  private static final GeometryFactory GF = new GeometryFactory();

  private final RoadDispatcher dispatcher;
  private final ResponsePlans plans;
  private final IncidentType incident;
  private final List<TaskSpec> tasks;
  private final List<Agency> agencies;
  private final double dispatchS;
  private final boolean congestionDelay;
  private final Geometry fallbackSite;
  private final String placeKey;
  private final CarLinks links;
  private final RoadGraph graph;
  private final Instant start;
  private final List<Trip> trips = new ArrayList<>();
  private Geometry site;
  private BitSet own = new BitSet();
  private BitSet lastClosed;
  private boolean dispatched;

  /** One unit's drive. {@code pos} = -1 during turnout; {@code edgeEnd} = when it leaves that part. */
  private static final class Trip {
    final TaskSpec task;
    final Assignment first;
    Assignment current;
    int[] edges;
    int pos = -1;
    double edgeEnd;
    double arrivedS = Double.NaN;
    double notedEtaS;
    boolean stoodDown;
    int reroutes;

    Trip(TaskSpec task, Assignment a, double startS) {
      this.task = task;
      this.first = a;
      this.current = a;
      this.edges = a.route().edges().stream().mapToInt(Integer::intValue).toArray();
      this.edgeEnd = startS + a.startDelayS();
    }

    boolean enRoute() {
      return Double.isNaN(arrivedS) && !stoodDown;
    }
  }

  /**
   * @param dispatchS seconds after the start at which the units are called
   * @param fallbackSite where units go when the danger area is empty at dispatch (the scenario site)
   * @param placeKey the site's CIM id ({@code building/w1}, {@code district/MC-CO}) or empty
   */
  public ScenarioDispatch(RoadDispatcher dispatcher, ResponsePlans plans, IncidentType incident, Severity severity,
      double dispatchS, boolean congestionDelay, Geometry fallbackSite, String placeKey, CarLinks links,
      Instant start) {
    this.dispatcher = dispatcher;
    this.plans = plans;
    this.incident = incident;
    this.tasks = plans.tasksFor(incident, severity).stream()
        .filter(t -> t.onSite() && dispatcher.dispatchesUnits(t.agency())).toList();
    this.agencies = List.copyOf(new LinkedHashSet<>(tasks.stream().map(TaskSpec::agency).toList()));
    this.dispatchS = dispatchS;
    this.congestionDelay = congestionDelay;
    this.fallbackSite = fallbackSite;
    this.placeKey = placeKey;
    this.links = links;
    this.graph = links.graph();
    this.start = start;
  }

  /** Metric name of an agency's ETA, e.g. {@code responderEtaFireS}. */
  public static String metricName(Agency a) {
    String c = a.code();
    return "responderEta" + c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1) + "S";
  }

  /** One ETA metric per agency with on-site tasks in the plan. */
  public List<Metric> metrics() {
    return agencies.stream().map(a -> new Metric(metricName(a), "s", "Seconds until the first " + a.code()
        + " unit is on site (0 once there, -1 while none is on its way)")).toList();
  }

  /** Whether every unit has arrived (or nothing was to be sent) after the dispatch time. */
  public boolean done() {
    return dispatched && trips.stream().noneMatch(Trip::enRoute);
  }

  /**
   * Dispatches when due, follows the units to {@code t1} and writes metrics, the remaining routes
   * ({@code responderRoutes}) and notes.
   */
  void step(double t0, double t1, Geometry footprint, BitSet closed, LinkQueues traffic,
      Map<String, Double> metrics, Map<String, Geometry> footprints, List<String> notes) {
    if (!dispatched && dispatchS < t1) {
      dispatch(Math.max(t0, dispatchS), footprint, closed, notes);
    }
    if (dispatched && !closed.equals(lastClosed)) {
      replan(t0, closed, notes);
    }
    lastClosed = (BitSet) closed.clone();
    for (Trip trip : trips) {
      if (trip.enRoute()) {
        follow(trip, t1, traffic, notes);
      }
    }
    for (Agency a : agencies) {
      metrics.put(metricName(a), eta(a, t1, traffic));
    }
    List<LineString> lines = new ArrayList<>();
    for (Trip trip : trips) {
      for (int i = Math.max(0, trip.pos); trip.enRoute() && i < trip.edges.length; i++) {
        lines.add(graph.edges().get(trip.edges[i]).geometry());
      }
    }
    footprints.put("responderRoutes", GF.createMultiLineString(lines.toArray(LineString[]::new)));
  }

  private void dispatch(double atS, Geometry footprint, BitSet closed, List<String> notes) {
    dispatched = true;
    site = footprint.isEmpty() ? fallbackSite : footprint;
    ClosureRule rule = plans.closureRule(incident).orElse(new ClosureRule(ClosureRule.Mode.AREA, 0));
    own = new BitSet();
    dispatcher.closedEdges(site, placeKey, rule).forEach(own::set);
    Set<Integer> avoid = avoided(closed);
    for (TaskSpec task : tasks) {
      Optional<Assignment> a = dispatcher.assign(task.agency(), site, busy(), avoid, millis(atS));
      if (a.isEmpty()) {
        notes.add("no free " + task.agency().code() + " unit can reach the site for: " + task.action());
        continue;
      }
      Trip trip = new Trip(task, a.get(), atS);
      trip.notedEtaS = seconds(a.get().etaMillis());
      trips.add(trip);
      notes.add(task.agency().code() + " unit " + a.get().unitId() + from(a.get()) + " dispatched ("
          + task.action() + "), ETA " + time(trip.notedEtaS) + " at free flow");
    }
  }

  private void replan(double nowS, BitSet closed, List<String> notes) {
    Set<Integer> avoid = avoided(closed);
    for (Trip trip : List.copyOf(trips)) {
      if (!trip.enRoute() || !closedAhead(trip, avoid)) {
        continue;
      }
      Assignment here = fromHere(trip, nowS);
      Optional<Assignment> next = dispatcher.replan(trip.task.agency(), here, site, busy(), avoid, millis(nowS));
      if (next.isEmpty()) {
        notes.add(trip.current.unitId() + ": roads ahead closed and no other way to the site; route kept");
        continue;
      }
      Assignment n = next.get();
      int[] ahead = n.route().edges().stream().mapToInt(Integer::intValue).toArray();
      if (n.unitId().equals(trip.current.unitId())) {
        int[] kept = java.util.Arrays.copyOf(trip.edges, trip.pos + 1 + ahead.length);
        System.arraycopy(ahead, 0, kept, trip.pos + 1, ahead.length);
        trip.edges = kept;
        trip.current = n;
        trip.reroutes++;
        notes.add(n.unitId() + " re-routed around closed roads, ETA " + time(seconds(n.etaMillis())) + " at free flow");
      } else {
        trip.stoodDown = true;
        Trip replacement = new Trip(trip.task, n, nowS);
        replacement.notedEtaS = seconds(n.etaMillis());
        trips.add(replacement);
        notes.add(trip.current.unitId() + " is cut off; " + n.unitId() + from(n) + " sent instead, ETA "
            + time(replacement.notedEtaS) + " at free flow");
      }
    }
  }

  /**
   * The rest of a trip as an assignment made now (RoadDispatcher's view of a unit under way): the
   * route from the end of the edge it is on (from its base while turning out), starting once that
   * edge (or the turnout) is done.
   */
  private Assignment fromHere(Trip trip, double nowS) {
    int first = trip.pos + 1;
    int startNode = trip.pos >= 0 ? graph.edges().get(trip.edges[trip.pos]).to()
        : trip.edges.length > 0 ? graph.edges().get(trip.edges[0]).from() : trip.current.route().to();
    List<Integer> edges = new ArrayList<>();
    List<Integer> nodes = new ArrayList<>(List.of(startNode));
    double length = 0;
    double time = 0;
    for (int i = first; i < trip.edges.length; i++) {
      RoadGraph.Edge e = graph.edges().get(trip.edges[i]);
      edges.add(e.index());
      nodes.add(e.to());
      length += e.lengthM();
      time += links.freeFlowS(e.index());
    }
    double delay = Math.max(0, trip.edgeEnd - nowS);
    RoutePlan plan = new RoutePlan(nodes, edges, length, time, GF.createLineString());
    Assignment a = trip.current;
    return new Assignment(a.unitId(), a.baseId(), a.baseName(), millis(nowS), delay, plan,
        Assignment.eta(millis(nowS), delay, time));
  }

  private boolean closedAhead(Trip trip, Set<Integer> avoid) {
    for (int i = trip.pos + 1; i < trip.edges.length; i++) {
      if (avoid.contains(trip.edges[i])) {
        return true;
      }
    }
    return false;
  }

  private void follow(Trip trip, double t1, LinkQueues traffic, List<String> notes) {
    while (trip.edgeEnd <= t1) {
      trip.pos++;
      if (trip.pos == trip.edges.length) {
        trip.arrivedS = trip.edgeEnd;
        notes.add(trip.current.unitId() + " on site at " + time(trip.arrivedS) + delayText(trip));
        return;
      }
      trip.edgeEnd += crossing(trip.edges[trip.pos], traffic, t1);
    }
    double eta = t1 + remaining(trip, t1, traffic);
    if (eta - trip.notedEtaS >= 60) {
      notes.add(trip.current.unitId() + " slowed by traffic: ETA now " + time(eta));
      trip.notedEtaS = eta;
    }
  }

  /** Seconds from {@code nowS} until the unit is on site. */
  private double remaining(Trip trip, double nowS, LinkQueues traffic) {
    double s = trip.edgeEnd - nowS;
    for (int i = trip.pos + 1; i < trip.edges.length; i++) {
      s += crossing(trip.edges[i], traffic, nowS);
    }
    return Math.max(0, s);
  }

  private double crossing(int edge, LinkQueues traffic, double nowS) {
    double wait = congestionDelay ? traffic.queued(edge, nowS) * links.headwayS(edge) : 0;
    return links.freeFlowS(edge) + wait;
  }

  private double eta(Agency a, double nowS, LinkQueues traffic) {
    double best = -1;
    for (Trip trip : trips) {
      if (trip.task.agency() != a || trip.stoodDown) {
        continue;
      }
      double left = trip.enRoute() ? remaining(trip, nowS, traffic) : 0;
      best = best < 0 ? left : Math.min(best, left);
    }
    return best < 0 ? -1 : Math.round(best * 10) / 10.0;
  }

  /** Closed edges the units avoid: all but the incident's own closures. */
  private Set<Integer> avoided(BitSet closed) {
    BitSet b = (BitSet) closed.clone();
    b.andNot(own);
    Set<Integer> out = new TreeSet<>();
    b.stream().forEach(out::add);
    return out;
  }

  private Set<String> busy() {
    Set<String> out = new TreeSet<>();
    trips.stream().filter(t -> !t.stoodDown).forEach(t -> out.add(t.current.unitId()));
    return out;
  }

  private String delayText(Trip trip) {
    double late = trip.arrivedS - seconds(trip.first.etaMillis());
    return late >= 1 ? ", " + Math.round(late) + " s later than at free flow" : "";
  }

  private static String from(Assignment a) {
    return a.baseName().isEmpty() ? " from " + a.baseId() : " from " + a.baseName();
  }

  private long millis(double s) {
    return start.toEpochMilli() + Math.round(s * 1000);
  }

  private double seconds(long millis) {
    return (millis - start.toEpochMilli()) / 1000.0;
  }

  private String time(double s) {
    return start.plusMillis(Math.round(s * 1000)).toString();
  }

  /** Per unit sent: task, base, dispatch time, free-flow and actual arrival, re-routes. */
  public List<Map<String, Object>> summary() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Trip t : trips) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("unit", t.current.unitId());
      m.put("agency", t.task.agency().code());
      m.put("task", t.task.action());
      m.put("base", t.current.baseName().isEmpty() ? t.current.baseId() : t.current.baseName());
      m.put("dispatchedAt", Instant.ofEpochMilli(t.first.plannedAtMillis()).toString());
      m.put("freeFlowEta", Instant.ofEpochMilli(t.first.etaMillis()).toString());
      m.put("arrivedAt", Double.isNaN(t.arrivedS) ? null : time(t.arrivedS));
      m.put("delayS", Double.isNaN(t.arrivedS) ? null
          : Math.round((t.arrivedS - seconds(t.first.etaMillis())) * 10) / 10.0);
      m.put("reroutes", t.reroutes);
      m.put("status", t.stoodDown ? "stood down" : Double.isNaN(t.arrivedS) ? "en route" : "on site");
      out.add(m);
    }
    return out;
  }
}
