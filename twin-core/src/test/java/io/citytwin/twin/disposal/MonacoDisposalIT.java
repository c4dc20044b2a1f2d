package io.citytwin.twin.disposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.fixture.MonacoSnapshot;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.Task;
import io.citytwin.twin.incident.TaskStatus;
import io.citytwin.twin.incident.codec.IncidentEventJson;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.Evidence;
import io.citytwin.twin.telemetry.Quantity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The linked-disposal engine on the real Monaco data and plans. Expected stations and ETAs are
 * computed independently with geo-data's Router (point-to-point A* from each station), not by the
 * dispatcher's own search.
 */
class MonacoDisposalIT {
  /** Casino de Monte-Carlo (OSM n4416197079): about 0.9 km from the nearer station. */
  private static final double CASINO_LON = 7.4280230;
  private static final double CASINO_LAT = 43.7391605;
  private static final long T0 = Instant.parse("2026-11-24T21:30:00Z").toEpochMilli();

  private static CityModel monaco;
  private static Router router;
  private static ResponsePlans plans;
  private static Building building;
  private static Disposal engine;

  @BeforeAll
  static void load() {
    monaco = MonacoSnapshot.get().source();
    CityIndex index = new CityIndex(monaco);
    router = index.router();
    plans = ResponsePlans.builtIn("monaco");
    building = index.buildingsWithinRadius(CASINO_LON, CASINO_LAT, 60).get(0).building();
    engine = new Disposal(plans, new RoadDispatcher(index, plans.fleet()), DisposalSettings.DEFAULTS);
  }

  private static Desk freshDesk() {
    return new Desk(engine);
  }

  private static Alarm fireIn(Building b, long at) {
    return new Alarm("smoke-in-building", IncidentType.FIRE, Severity.MODERATE, b.id(), b.footprint(),
        "Smoke in " + b.id() + " (2 detectors)", List.of(
            new Evidence("smoke-1", Quantity.SMOKE, 14.0, at - 20_000),
            new Evidence("smoke-2", Quantity.SMOKE, 11.0, at)), at, false);
  }

  private static int siteNode(Geometry area) {
    Point p = area.getInteriorPoint();
    return router.snap(p.getX(), p.getY(), TravelMode.CAR).orElseThrow().node();
  }

  private static int node(Poi p) {
    return router.snap(p.location().getX(), p.location().getY(), TravelMode.CAR).orElseThrow().node();
  }

  private static double drive(Poi station, int site, RoadClosures closures) {
    return router.route(node(station), site, TravelMode.CAR, Cost.TIME, closures)
        .map(Route::travelTimeS).orElse(Double.POSITIVE_INFINITY);
  }

  private static List<Poi> stations() {
    return monaco.pois().stream().filter(p -> p.kind() == PoiKind.FIRE_STATION).toList();
  }

  @Test
  void aFireInARealBuildingGetsTheEngineWithTheShortestDriveWithRouteAndEta() {
    Desk d = freshDesk();
    d.accept(Raise.of(fireIn(building, T0)));
    Incident fire = d.only();
    assertThat(fire.placeKey()).startsWith("building/");
    assertThat(fire.tasks().values()).extracting(t -> t.spec().agency().code())
        .containsExactly("fire", "ems", "police", "traffic");
    assertThat(fire.tasks().values()).allMatch(t -> t.status() == TaskStatus.DISPATCHED);

    int site = siteNode(building.footprint());
    Poi nearest = stations().stream().min(Comparator.comparingDouble(s -> drive(s, site, RoadClosures.none())))
        .orElseThrow();
    double best = drive(nearest, site, RoadClosures.none());
    assertThat(stations()).hasSize(2).allMatch(s -> s == nearest || drive(s, site, RoadClosures.none()) > best);

    Assignment engine = fire.task("fire-1").orElseThrow().assignment();
    assertThat(engine.baseId()).isEqualTo(nearest.id());
    assertThat(engine.baseName()).isEqualTo(nearest.name());
    assertThat(engine.route().from()).isEqualTo(node(nearest));
    assertThat(engine.route().to()).isEqualTo(site);
    assertThat(engine.route().travelTimeS()).isCloseTo(best, within(1e-6));
    long turnout = plans.agencies().get(io.citytwin.twin.agency.Agency.FIRE).base().turnout().toMillis();
    assertThat(engine.etaMillis()).isEqualTo(T0 + turnout + Math.round(best * 1000));
    assertThat(engine.route().geometry().getNumPoints()).isGreaterThanOrEqualTo(engine.route().nodes().size());
    assertThat(monaco.projection().lengthM(engine.route().geometry()))
        .isCloseTo(engine.route().lengthM(), within(engine.route().lengthM() * 0.01));
    String dispatched = d.journal.stream().filter(e -> e instanceof IncidentEvent.TaskDispatched t
            && t.taskId().equals("fire-1")).map(IncidentEventJson::write).findFirst().orElseThrow();
    assertThat(dispatched).contains("\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[");

    Task ems = fire.task("ems-1").orElseThrow();
    assertThat(ems.assignment().baseId()).isEqualTo("poi/w49209406"); // CHPG, the only ambulance base
    assertThat(fire.task("police-1").orElseThrow().assignment()).isNotNull();
    assertThat(fire.task("traffic-1").orElseThrow().assignment()).isNull();
  }

  @Test
  void aFloodAcrossTheEnginesRouteReplansItToALaterArrivalOrTheOtherStation() {
    Desk d = freshDesk();
    d.accept(Raise.of(fireIn(building, T0)));
    String fireId = d.only().id();
    Assignment before = d.task(fireId, "fire-1").assignment();
    int site = before.route().to();
    int middle = before.route().edges().get(before.route().edges().size() / 2);
    Geometry water = monaco.roads().edges().get(middle).geometry().getCentroid().buffer(0.0004); // ~35-45 m

    long at = T0 + 10_000; // the crew is still turning out
    List<IncidentEvent> events = d.accept(Raise.of(new Alarm("water-level", IncidentType.FLOOD, Severity.MINOR,
        "district/MC-CO", water, "Flooded street", List.of(), at, false)));
    Incident flood = d.incident(events.get(0).incidentId());
    Set<Integer> closed = RoadClosures.intersecting(monaco.roads(), water).edges().boxed().collect(Collectors.toSet());
    assertThat(Set.copyOf(flood.closedEdges())).isEqualTo(closed).contains(middle);

    Assignment after = d.task(fireId, "fire-1").assignment();
    assertThat(Desk.ofType(events, IncidentEvent.TaskRerouted.class)).extracting(IncidentEvent.TaskRerouted::assignment)
        .contains(after);
    assertThat(after.route().edges()).doesNotContainAnyElementsOf(closed);
    assertThat(after.etaMillis() > before.etaMillis() || !after.baseId().equals(before.baseId())).isTrue();

    // Independently: the engine still at its station with 70 s of turnout left, against a fresh
    // crew (80 s turnout) from any station, all driving around the flood.
    RoadClosures around = RoadClosures.ofEdges(closed);
    double remaining = (before.startDelayS() * 1000 - (at - T0)) / 1000.0;
    double sameEngine = remaining + drive(stationOf(before), site, around);
    double otherCrew = stations().stream().mapToDouble(s -> before.startDelayS() + drive(s, site, around)).min().orElseThrow();
    assertThat(after.etaMillis()).isCloseTo(at + Math.round(Math.min(sameEngine, otherCrew) * 1000), within(1L));
  }

  private static Poi stationOf(Assignment a) {
    return stations().stream().filter(s -> s.id().equals(a.baseId())).findFirst().orElseThrow();
  }
}
