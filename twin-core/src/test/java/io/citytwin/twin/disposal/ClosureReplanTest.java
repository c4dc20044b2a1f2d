package io.citytwin.twin.disposal;

import static io.citytwin.twin.disposal.Alarms.T0;
import static io.citytwin.twin.disposal.Desk.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.road.RoadGraph;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.fixture.GridCity;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand.Raise;
import io.citytwin.twin.incident.IncidentCommand.Resolve;
import io.citytwin.twin.incident.IncidentCommand.UpdateArea;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.IncidentEvent.TaskRerouted;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskStatus;
import io.citytwin.twin.rule.Alarm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Incidents close roads for everyone else; units on their way are re-planned around them. */
class ClosureReplanTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final RoadGraph ROADS = Desk.GRID.model().roads();

  /** A small hazard polygon around the middle of edge {@code e}. */
  private static Geometry hazardOn(int e) {
    Coordinate mid = ROADS.edges().get(e).geometry().getCentroid().getCoordinate();
    return GF.createPoint(mid).buffer(0.0003);
  }

  private static Alarm chemical(Geometry area, long at, boolean exercise) {
    return new Alarm("plume", IncidentType.CHEMICAL_RELEASE, Severity.MINOR, "district/G", area,
        "Chlorine release", List.of(), at, exercise);
  }

  @Test
  void aHazardAcrossAnEnginesRouteReplansItAroundTheClosedRoads() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(3, T0)));
    String fire = "INC-20261124-0001";
    Assignment before = desk.task(fire, "fire-1").assignment();
    int middle = before.route().edges().get(before.route().edges().size() / 2);

    List<IncidentEvent> events = desk.accept(Raise.of(chemical(hazardOn(middle), T0 + 10_000, false)));
    Incident hazard = desk.incident("INC-20261124-0002");
    assertThat(hazard.closedEdges()).contains(middle);
    TaskRerouted re = ofType(events, TaskRerouted.class).stream()
        .filter(e -> e.incidentId().equals(fire) && e.taskId().equals("fire-1")).findFirst().orElseThrow();
    Assignment after = desk.task(fire, "fire-1").assignment();
    assertThat(after).isEqualTo(re.assignment());
    assertThat(after.route().edges()).doesNotContainAnyElementsOf(hazard.closedEdges());
    assertThat(after.etaMillis() > before.etaMillis() || !after.baseId().equals(before.baseId())).isTrue();
    assertThat(desk.incident(fire).timeline()).anySatisfy(t -> assertThat(t.text()).contains("re-planned"));
  }

  @Test
  void routesClearOfTheNewClosuresAreLeftAlone() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(1, T0)));
    Assignment fire = desk.task("INC-20261124-0001", "fire-1").assignment();
    // A hazard far from the engine's short trip from the south-west corner.
    Geometry far = GridCity.square(GridCity.lon(4) - 0.0002, GridCity.lat(3) + 0.0008, 0.0004);
    List<IncidentEvent> events = desk.accept(Raise.of(chemical(far, T0 + 1000, false)));
    assertThat(desk.incident("INC-20261124-0002").closedEdges()).isNotEmpty();
    assertThat(ofType(events, TaskRerouted.class)).noneMatch(e -> e.taskId().equals("fire-1"));
    assertThat(desk.task("INC-20261124-0001", "fire-1").assignment()).isEqualTo(fire);
  }

  @Test
  void drillClosuresNeverReroutARealResponse() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(3, T0)));
    Assignment before = desk.task("INC-20261124-0001", "fire-1").assignment();
    int middle = before.route().edges().get(before.route().edges().size() / 2);
    List<IncidentEvent> events = desk.accept(Raise.of(chemical(hazardOn(middle), T0 + 1000, true)));
    assertThat(ofType(events, TaskRerouted.class)).isEmpty();
    assertThat(desk.task("INC-20261124-0001", "fire-1").assignment()).isEqualTo(before);
  }

  @Test
  void aCrashClosesOnlyItsOwnRoadAndOnlyForOthers() {
    Desk desk = Desk.grid();
    Geometry crashPoint = GF.createPoint(new Coordinate((GridCity.lon(1) + GridCity.lon(2)) / 2, GridCity.lat(2)));
    desk.accept(Raise.of(new Alarm("crash", IncidentType.TRAFFIC_ACCIDENT, Severity.MINOR, "road/w102",
        crashPoint, "Collision", List.of(), T0, false)));
    Incident crash = desk.only();
    assertThat(crash.closedEdges()).isNotEmpty().allMatch(e -> ROADS.edges().get(e).wayId() == 102);
    assertThat(crash.task("police-1").orElseThrow().status()).isEqualTo(TaskStatus.DISPATCHED);

    desk.accept(Raise.of(Alarms.smoke(2, T0 + 1000)));
    Assignment engine = desk.task("INC-20261124-0002", "fire-1").assignment();
    assertThat(engine.route().edges()).doesNotContainAnyElementsOf(crash.closedEdges());

    // Once the crash is cleared its road is open again for new dispatches.
    desk.accept(new Resolve(crash.id(), "op", "cleared", T0 + 2000));
    assertThat(desk.state.closedEdgesFor(desk.incident("INC-20261124-0002"))).isEmpty();
  }

  @Test
  void anIncidentsOwnClosuresDoNotKeepItsOwnUnitsOut() {
    Desk desk = Desk.grid();
    // A crowd filling junction (2, 2): every street into it is closed, yet the police must get in.
    Geometry crowd = GridCity.square(GridCity.lon(2) - 0.0003, GridCity.lat(2) - 0.0003, 0.0006);
    desk.accept(Raise.of(new Alarm("crowd", IncidentType.CROWD_CRUSH_RISK, Severity.MINOR, "district/G",
        crowd, "Crowd", List.of(), T0, false)));
    Incident i = desk.only();
    int junction = GridCity.node(2, 2);
    assertThat(i.closedEdges()).containsExactlyInAnyOrderElementsOf(ROADS.edges().stream()
        .filter(e -> e.from() == junction || e.to() == junction).map(RoadGraph.Edge::index).toList());
    Assignment patrol = i.task("police-1").orElseThrow().assignment();
    assertThat(patrol.route().to()).isEqualTo(junction);
    assertThat(patrol.route().edges()).containsAnyElementsOf(i.closedEdges());
  }

  @Test
  void aGrowingFootprintClosesMoreRoadsAndReplansWhoIsCutOff() {
    Desk desk = Desk.grid();
    desk.accept(Raise.of(Alarms.smoke(3, T0)));
    Assignment before = desk.task("INC-20261124-0001", "fire-1").assignment();
    Geometry far = GridCity.square(GridCity.lon(0) + 0.0005, GridCity.lat(4) - 0.0008, 0.0004);
    desk.accept(Raise.of(chemical(far, T0 + 1000, false)));
    String plume = "INC-20261124-0002";
    int middle = before.route().edges().get(before.route().edges().size() / 2);

    List<IncidentEvent> events = desk.accept(new UpdateArea(plume, far.union(hazardOn(middle)), "plume model", T0 + 2000));
    assertThat(ofType(events, IncidentEvent.AreaChanged.class)).hasSize(1);
    assertThat(ofType(events, IncidentEvent.RoadsClosed.class)).singleElement()
        .satisfies(r -> assertThat(r.edges()).contains(middle));
    assertThat(ofType(events, TaskRerouted.class)).extracting(TaskRerouted::taskId).contains("fire-1");
    assertThat(desk.accept(new UpdateArea(plume, far.union(hazardOn(middle)), "same again", T0 + 3000))).isEmpty();
  }
}
