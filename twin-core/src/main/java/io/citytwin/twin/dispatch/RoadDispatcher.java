package io.citytwin.twin.dispatch;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.Snap;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.twin.agency.Agency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Dispatch on the city's road graph: units wait at their agency's base POIs (see {@link BaseSpec}),
 * drive by car at free-flow speeds, and the unit with the earliest arrival (turnout + travel time,
 * by {@link Router}) wins; ties go to the unit listed first (bases in POI-layer order, units by
 * number). Sites and bases are snapped to the nearest node of the car network's main component.
 *
 * <p>Immutable and thread-safe once built. A query costs one or two shortest-path searches (a few
 * milliseconds on a city the size of Monaco), so callers on an event loop should batch or offload.
 */
public final class RoadDispatcher implements Dispatcher {
  private static final TravelMode MODE = TravelMode.CAR;
  private static final Pattern ROAD = Pattern.compile("road/w(\\d+)");

  private final CityModel model;
  private final Router router;
  private final Map<Agency, BaseSpec> specs = new EnumMap<>(Agency.class);
  private final Map<Agency, List<Unit>> units = new EnumMap<>(Agency.class);
  private final List<String> warnings = new ArrayList<>();

  /**
   * Places the units of every spec at the city's POIs.
   *
   * @throws IllegalArgumentException when two specs name one agency, or a {@code unitsAt}
   *     override names a POI that is not a base of that kind in this city
   */
  public RoadDispatcher(CityIndex city, Collection<BaseSpec> bases) {
    this.model = city.model();
    this.router = city.router();
    for (BaseSpec spec : bases) {
      if (specs.put(spec.agency(), spec) != null) {
        throw new IllegalArgumentException("two base specs for agency " + spec.agency().code());
      }
      units.put(spec.agency(), place(spec));
    }
  }

  private List<Unit> place(BaseSpec spec) {
    List<Poi> pois = model.pois().stream().filter(p -> p.kind() == spec.baseKind()).toList();
    Set<String> ids = new HashSet<>();
    pois.forEach(p -> ids.add(p.id()));
    for (String id : spec.unitsAt().keySet()) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException(
            model.name() + ": units of " + spec.agency().code() + " are set for " + id
                + ", which is not a " + spec.baseKind().apiName() + " POI of this city");
      }
    }
    List<Unit> out = new ArrayList<>();
    for (Poi p : pois) {
      int n = spec.unitsAt(p.id());
      Point at = p.location();
      Optional<Snap> snap = router.snap(at.getX(), at.getY(), MODE);
      if (snap.isEmpty()) {
        warnings.add(spec.agency().code() + " base " + p.id() + " is not near any drivable road");
        continue;
      }
      for (int i = 1; i <= n; i++) {
        out.add(new Unit(spec.agency().code() + ":" + p.id() + "#" + i, spec.agency(), p.id(), p.name(),
            snap.get().node()));
      }
    }
    return List.copyOf(out);
  }

  /** Every unit of the agency, in dispatch preference order for equal arrival times. */
  public List<Unit> units(Agency agency) {
    return units.getOrDefault(agency, List.of());
  }

  /** Bases that could not be placed (no drivable road nearby). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The road node units drive to for a site: the node nearest the area's interior point. */
  public Optional<Integer> siteNode(Geometry site) {
    if (site.isEmpty()) {
      return Optional.empty();
    }
    Point p = site.getInteriorPoint();
    return router.snap(p.getX(), p.getY(), MODE).map(Snap::node);
  }

  @Override
  public boolean dispatchesUnits(Agency agency) {
    return specs.containsKey(agency);
  }

  @Override
  public List<Integer> closedEdges(Geometry area, String placeKey, ClosureRule rule) {
    Geometry zone = area;
    if (rule.bufferM() > 0) {
      zone = model.projection().toWgs84(model.projection().toMetric(area).buffer(rule.bufferM()));
    }
    RoadClosures touched = RoadClosures.intersecting(model.roads(), zone);
    Matcher road = ROAD.matcher(placeKey);
    if (rule.mode() == ClosureRule.Mode.SEGMENT && road.matches()) {
      long way = Long.parseLong(road.group(1));
      List<RoadGraph.Edge> edges = model.roads().edges();
      return touched.edges().filter(e -> edges.get(e).wayId() == way).boxed().toList();
    }
    return touched.edges().boxed().toList();
  }

  @Override
  public Optional<Assignment> assign(
      Agency agency, Geometry site, Set<String> unavailable, Set<Integer> closedEdges,
      long atMillis) {
    Optional<Integer> target = siteNode(site);
    BaseSpec spec = specs.get(agency);
    if (target.isEmpty() || spec == null) {
      return Optional.empty();
    }
    List<Unit> free = units(agency).stream().filter(u -> !unavailable.contains(u.id())).toList();
    List<Integer> origins = free.stream().map(Unit::node).distinct().toList();
    // Free units share one turnout, so the earliest arrival is the nearest origin by travel time.
    return router.nearestOriginByTravelTime(origins, target.get(), MODE, RoadClosures.ofEdges(closedEdges))
        .map(r -> {
          Unit u = free.stream().filter(f -> f.node() == r.from()).findFirst().orElseThrow();
          double turnout = spec.turnout().toMillis() / 1000.0;
          return new Assignment(u.id(), u.baseId(), u.baseName(), atMillis, turnout, plan(r),
              Assignment.eta(atMillis, turnout, r.travelTimeS()));
        });
  }

  @Override
  public Optional<Assignment> replan(
      Agency agency, Assignment current, Geometry site, Set<String> unavailable,
      Set<Integer> closedEdges, long atMillis) {
    Optional<Integer> target = siteNode(site);
    BaseSpec spec = specs.get(agency);
    if (target.isEmpty() || spec == null) {
      return Optional.empty();
    }
    Position here = position(current, atMillis);
    List<Integer> route = current.route().edges();
    if (route.subList(here.nodeIndex(), route.size()).stream().noneMatch(closedEdges::contains)) {
      return Optional.empty();
    }
    RoadClosures closures = RoadClosures.ofEdges(closedEdges);
    double[] toSite = router.costsTo(target.get(), MODE, Cost.TIME, closures);
    Candidate best = new Candidate(current.unitId(), current.baseId(), current.baseName(),
        current.route().nodes().get(here.nodeIndex()), here.delayS());
    double turnout = spec.turnout().toMillis() / 1000.0;
    for (Unit u : units(agency)) {
      if (!unavailable.contains(u.id()) && !u.id().equals(current.unitId())
          && turnout + toSite[u.node()] < best.delayS() + toSite[best.node()]) {
        best = new Candidate(u.id(), u.baseId(), u.baseName(), u.node(), turnout);
      }
    }
    if (Double.isInfinite(toSite[best.node()])) {
      return Optional.empty();
    }
    Route r = router.route(best.node(), target.get(), MODE, Cost.TIME, closures).orElseThrow();
    return Optional.of(new Assignment(best.unitId(), best.baseId(), best.baseName(), atMillis,
        best.delayS(), plan(r), Assignment.eta(atMillis, best.delayS(), r.travelTimeS())));
  }

  /** A unit that could drive to the site from {@code node}, starting {@code delayS} from now. */
  private record Candidate(String unitId, String baseId, String baseName, int node, double delayS) {}

  /**
   * Where a unit following {@code a} is at {@code atMillis}: the index in its route of the next
   * node it reaches, and the seconds until it gets there (a vehicle does not turn mid-edge).
   */
  Position position(Assignment a, long atMillis) {
    double elapsed = (atMillis - a.plannedAtMillis()) / 1000.0 - a.startDelayS();
    if (elapsed <= 0) {
      return new Position(0, -elapsed);
    }
    List<Integer> edges = a.route().edges();
    double t = 0;
    for (int i = 0; i < edges.size(); i++) {
      t += router.edgeTravelTimeS(edges.get(i), MODE);
      if (t > elapsed) {
        return new Position(i + 1, t - elapsed);
      }
    }
    return new Position(edges.size(), 0);
  }

  record Position(int nodeIndex, double delayS) {}

  private static RoutePlan plan(Route r) {
    return new RoutePlan(r.nodes(), r.edges(), r.lengthM(), r.travelTimeS(), r.geometry());
  }
}
