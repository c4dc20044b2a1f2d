package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.index.CityIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.dispatch.Assignment;
import io.citytwin.twin.dispatch.RoadDispatcher;
import io.citytwin.twin.disposal.ResponsePlans;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The shipped Monaco scenario on the real city: La Condamine evacuated to shelters. */
class MonacoEvacuationIT {
  private static final String FILE = "scenarios/monaco-evacuation.json";
  /** The top-level members the scenario-file reader accepts. */
  private static final Set<String> TOP = Set.of("id", "name", "type", "mode", "location", "start", "duration",
      "step", "seed", "parameters", "interventions", "description");
  private static CityModel city;
  private static CitySnapshot snapshot;
  private static CityIndex index;
  private static ResponsePlans plans;

  @BeforeAll
  static void loadMonaco() {
    city = CityImporter.importBuiltIn("monaco");
    snapshot = CitySnapshot.of(city);
    index = new CityIndex(city);
    plans = ResponsePlans.builtIn("monaco");
  }

  /** The shipped file read as the runner does for the common members (the model checks the rest). */
  private static Scenario shipped() throws IOException {
    JsonNode root;
    try (InputStream in = MonacoEvacuationIT.class.getClassLoader().getResourceAsStream(FILE)) {
      root = new ObjectMapper().readTree(in);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      assertThat(TOP).contains(it.next());
    }
    assertThat(root.get("type").asText()).isEqualTo("evacuation");
    CityEntity district = snapshot.entity(EntityId.parse("district/" + root.get("location").get("district").asText()))
        .orElseThrow();
    List<Scenario.Intervention> interventions = new ArrayList<>();
    for (int i = 0; i < root.get("interventions").size(); i++) {
      JsonNode n = root.get("interventions").get(i);
      interventions.add(new Scenario.Intervention(n.get("action").asText(),
          n.has("at") ? Duration.parse(n.get("at").asText()) : null,
          n.has("whenMetric") ? n.get("whenMetric").asText() : null, n.path("above").asDouble(Double.NaN),
          new Params(FILE, "interventions[" + i + "].parameters", n.get("parameters"))));
    }
    return new Scenario(root.get("id").asText(), root.get("name").asText(), ScenarioType.EVACUATION,
        Scenario.Mode.FORECAST, new Site(district.geometry().getInteriorPoint(), district.geometry(), district.id()),
        Instant.parse(root.get("start").asText()), Duration.parse(root.get("duration").asText()),
        Duration.parse(root.get("step").asText()), root.get("seed").asLong(),
        new Params(FILE, "parameters", root.get("parameters")), interventions, FILE);
  }

  @Test
  void laCondamineIsEvacuatedWithEverybodyCountedAndNoLinkOverfilled() throws IOException {
    Scenario s = shipped();
    Geometry district = s.site().area();
    int residents = 0;
    for (Building b : city.buildings()) {
      if (b.footprint().intersects(district)) {
        residents += city.population().residentsByBuilding().getOrDefault(b.id(), 0);
      }
    }
    assertThat(residents).isGreaterThan(city.population().residentsByDistrict().get("district/MC-CO"));
    EvacuationModel m = EvacuationModel.fromScenario(s, index, plans, HazardField.none());
    int[] storage = new int[city.roads().edges().size()];
    for (RoadGraph.Edge e : city.roads().edges()) {
      storage[e.index()] = Math.max(1, (int) Math.floor(e.lengthM() * Math.max(1, e.lanes()) / 7.5));
    }
    Instant t = s.start();
    List<Frame> frames = new ArrayList<>();
    for (int i = 1; i <= s.steps() && !m.finished(); i++) {
      Frame f = m.step(i, t, s.step());
      Map<String, Double> v = f.metrics();
      assertThat(v.get("peopleAffected")).isEqualTo(residents);
      assertThat(v.get("peopleInDanger") + v.get("peopleOnTheWay") + v.get("peopleEvacuated")
          + v.get("peopleNotDeparted")).as("people at %s", f.time()).isEqualTo(residents);
      for (int e = 0; e < storage.length; e++) {
        if (m.cars().occupancy(e) > storage[e]) {
          throw new AssertionError("edge " + e + " holds " + m.cars().occupancy(e) + " cars at " + f.time());
        }
      }
      frames.add(f);
      t = f.time();
    }
    Map<String, Object> summary = m.summary();
    assertThat(m.finished()).isTrue();
    assertThat(frames.get(frames.size() - 1).metrics().get("peopleEvacuated")).isEqualTo(residents);
    // Nobody leaves before the warning (PT5M), so the area cannot be clear before it.
    assertThat((Double) summary.get("clearanceS")).isGreaterThan(300).isLessThan(s.duration().toSeconds());
    assertThat(frames.get(29).metrics().get("peopleInDanger")).isEqualTo(residents);
    assertThat(frames.stream().mapToDouble(f -> f.metrics().get("vehiclesQueued")).max().orElseThrow())
        .isPositive();
    assertThat(frames.get(100).footprints().get("congestedLinks").getNumGeometries()).isEqualTo(10);
    assertThat((List<?>) summary.get("congestedLinks")).hasSize(10);

    // Responders: the units and free-flow ETAs of twin-core's dispatcher for the same site and time.
    long at = s.start().toEpochMilli();
    RoadDispatcher reference = new RoadDispatcher(index, plans.fleet());
    Assignment fire = reference.assign(Agency.FIRE, district, Set.of(), Set.of(), at).orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> units = (List<Map<String, Object>>) summary.get("responders");
    assertThat(units).first().satisfies(u -> {
      assertThat(u.get("unit")).isEqualTo(fire.unitId());
      assertThat(u.get("freeFlowEta")).isEqualTo(Instant.ofEpochMilli(fire.etaMillis()).toString());
      assertThat(u.get("status")).isEqualTo("on site");
    });
    assertThat(units).extracting(u -> u.get("agency")).containsExactly("fire", "police", "ems");
  }

  @Test
  void theSameSeedReplaysTheSameEvacuation() throws IOException {
    assertThat(summaryOf(shipped())).isEqualTo(summaryOf(shipped()));
  }

  private static String summaryOf(Scenario s) {
    EvacuationModel m = EvacuationModel.fromScenario(s, index, plans, HazardField.none());
    StringBuilder trace = new StringBuilder();
    Instant t = s.start();
    for (int i = 1; i <= s.steps() && !m.finished(); i++) {
      Frame f = m.step(i, t, s.step());
      trace.append(f.metrics()).append(f.notes());
      t = f.time();
    }
    return trace.append(m.summary()).toString();
  }

  @Test
  void onTheRealNetworkRoutesFromOutsideNeverTouchAHazardAroundTheCasino() throws Exception {
    Geometry casino = new WKTReader().read(
        "POLYGON((7.4260 43.7372, 7.4305 43.7372, 7.4305 43.7405, 7.4260 43.7405, 7.4260 43.7372))");
    Router router = index.router();
    RoadGraph graph = city.roads();
    List<Shelter> shelters = new ArrayList<>();
    city.pois().stream().filter(p -> p.kind().apiName().equals("school") || p.kind().apiName().equals("assembly_point"))
        .forEach(p -> shelters.add(new Shelter(shelters.size(), p.id(), p.name(), p.location(), 1000,
            router.snap(p.location().getX(), p.location().getY(), TravelMode.CAR).orElseThrow().node(),
            router.snap(p.location().getX(), p.location().getY(), TravelMode.FOOT).orElseThrow().node())));
    boolean[] open = new boolean[shelters.size()];
    for (Shelter sh : shelters) {
      open[sh.index] = !sh.location.intersects(casino);
    }
    EscapeRoutes routes = new EscapeRoutes(router, shelters);
    routes.reset(DangerZone.of(casino, graph), new BitSet(), open);
    int checked = 0;
    for (RoadGraph.Node n : graph.nodes()) {
      boolean outside = !casino.covers(casino.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(n.lon(), n.lat())));
      for (TravelMode mode : TravelMode.values()) {
        if (!outside || !router.inMainNetwork(n.index(), mode)) {
          continue;
        }
        var plan = routes.plan(n.index(), mode, false);
        if (plan.isEmpty()) {
          continue;
        }
        checked++;
        for (int e : plan.get().edges()) {
          if (graph.edges().get(e).geometry().intersects(casino)) {
            throw new AssertionError(mode + " route from node " + n.index() + " uses edge " + e + " in the danger area: "
                + Arrays.toString(plan.get().edges()));
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(4000);
  }
}
