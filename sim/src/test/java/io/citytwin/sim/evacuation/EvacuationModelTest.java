package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class EvacuationModelTest {
  private static final CityModel CITY = GridTown.model();
  private static final Geometry DANGER = GridTown.box(1.6, 1.6, 4.4, 4.4);
  private static final String BUSY = """
      {"affected": {"area": "danger", "bufferM": 200},
       "car": {"share": 0.7, "occupancy": 1.2},
       "mobilisation": {"curve": "rayleigh", "mean": "PT4M"},
       "shelters": {"capacity": 2000}}
      """;

  private static EvacuationModel model(String parameters, long seed, HazardField hazard,
      List<Scenario.Intervention> interventions) {
    Scenario s = GridTown.scenario(parameters, seed, Duration.ofHours(2), Duration.ofSeconds(10), interventions);
    return EvacuationModel.fromScenario(s, GridTown.index(), GridTown.plans(), hazard);
  }

  /** Runs to the end or until finished, calling {@code check} after every step. */
  private static List<Frame> run(EvacuationModel m, Consumer<Frame> check) {
    List<Frame> frames = new ArrayList<>();
    Instant t = GridTown.START;
    for (int i = 1; i <= 720 && !m.finished(); i++) {
      Frame f = m.step(i, t, Duration.ofSeconds(10));
      check.accept(f);
      frames.add(f);
      t = f.time();
    }
    return frames;
  }

  /** Reference: residents of the residential buildings within 200 m of the danger area. */
  private static int residentsNear(Geometry area, double metres) {
    Geometry zone = GridTown.UTM.toWgs84(GridTown.UTM.toMetric(area).buffer(metres));
    int sum = 0;
    for (Building b : CITY.buildings()) {
      if (b.footprint().intersects(zone)) {
        sum += CITY.population().residentsByBuilding().getOrDefault(b.id(), 0);
      }
    }
    return sum;
  }

  @Test
  void everybodyIsCountedExactlyOnceAtEveryStepAndNoLinkOverfills() {
    EvacuationModel m = model(BUSY, 3, HazardField.fixed(DANGER), List.of());
    int affected = residentsNear(DANGER, 200);
    assertThat(affected).isGreaterThan(1000);
    int[] maxQueued = {0};
    List<Frame> frames = run(m, f -> {
      Map<String, Double> v = f.metrics();
      assertThat(v.get("peopleAffected")).isEqualTo(affected);
      assertThat(v.get("peopleInDanger") + v.get("peopleOnTheWay") + v.get("peopleEvacuated")
          + v.get("peopleNotDeparted")).as("people at %s", f.time()).isEqualTo(affected);
      for (RoadGraph.Edge e : CITY.roads().edges()) {
        int storage = Math.max(1, (int) Math.floor(e.lengthM() * e.lanes() / 7.5));
        assertThat(m.cars().occupancy(e.index())).as("cars on edge %d", e.index()).isLessThanOrEqualTo(storage);
      }
      maxQueued[0] = Math.max(maxQueued[0], v.get("vehiclesQueued").intValue());
    });
    Frame last = frames.get(frames.size() - 1);
    assertThat(m.finished()).isTrue();
    assertThat(last.metrics().get("peopleEvacuated")).isEqualTo(affected);
    assertThat(maxQueued[0]).as("the load is heavy enough to queue").isGreaterThan(10);
    assertThat(m.summary().get("clearanceTime")).isNotNull();
    assertThat(frames.get(0).metrics().get("peopleInDanger")).isPositive();
    assertThat(frames.get(0).metrics().get("peopleNotDeparted")).as("homes near, not in, the danger area")
        .isPositive();
  }

  @Test
  void theSameSeedGivesIdenticalFramesAndAnotherSeedDoesNot() {
    List<String> a = trace(model(BUSY, 21, HazardField.fixed(DANGER), List.of()));
    List<String> b = trace(model(BUSY, 21, HazardField.fixed(DANGER), List.of()));
    List<String> c = trace(model(BUSY, 22, HazardField.fixed(DANGER), List.of()));
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  private static List<String> trace(EvacuationModel m) {
    List<String> out = new ArrayList<>();
    run(m, f -> out.add(f.time() + " " + f.metrics() + " " + f.notes() + " "
        + f.footprints().get("congestedLinks").toText()));
    out.add(m.summary().toString());
    return out;
  }

  @Test
  void nobodyStartingOutsideEverStandsOnARoadTouchingTheDangerArea() {
    EvacuationModel m = model(BUSY.replace("\"bufferM\": 200", "\"bufferM\": 600"), 4, HazardField.fixed(DANGER),
        List.of());
    Set<Integer> dangerEdges = new HashSet<>();
    for (RoadGraph.Edge e : CITY.roads().edges()) {
      if (e.geometry().intersects(DANGER)) {
        dangerEdges.add(e.index());
      }
    }
    int[] checked = {0};
    run(m, f -> {
      for (Party p : m.travel().parties()) {
        if (p.status != Party.Status.TRAVELLING || startsInDanger(m, p)) {
          continue;
        }
        int edge = p.mode == TravelMode.CAR ? m.cars().currentEdge(p.engineId)
            : m.travel().walkers().currentEdge(p.engineId);
        if (edge >= 0) {
          assertThat(dangerEdges).as("party %d on edge %d", p.id, edge).doesNotContain(edge);
          checked[0]++;
        }
      }
    });
    assertThat(checked[0]).as("party-steps checked").isGreaterThan(1000);
  }

  /** Reference: the party's home touches the danger area, or its first road node lies in it. */
  private static boolean startsInDanger(EvacuationModel m, Party p) {
    String home = m.affectedBuildings().get(p.building);
    Geometry footprint = CITY.buildings().stream().filter(b -> b.id().equals(home)).findFirst().orElseThrow()
        .footprint();
    RoadGraph.Node origin = CITY.roads().nodes().get(m.travel().originNode(p));
    return footprint.intersects(DANGER)
        || DANGER.covers(GridTown.GF.createPoint(new org.locationtech.jts.geom.Coordinate(origin.lon(), origin.lat())));
  }

  @Test
  void aShelterInsideTheDangerAreaReceivesNobodyAndFullSheltersTurnPeopleAway() {
    String small = """
        {"affected": {"area": "danger", "bufferM": 200}, "car": {"share": 0.2},
         "mobilisation": {"curve": "immediate"}, "shelters": {"capacity": 250}}
        """;
    Scenario.Intervention open = new Scenario.Intervention("open_shelter", null, "peopleWithoutRoute", 0,
        GridTown.params("interventions[0].parameters",
            "{\"name\": \"Overflow hall\", \"lat\": " + GridTown.lat(6) + ", \"lon\": " + GridTown.lon(3)
                + ", \"capacity\": 5000}"));
    EvacuationModel m = model(small, 5, HazardField.fixed(DANGER), List.of(open));
    List<String> notes = new ArrayList<>();
    double[] maxWithoutRoute = {0};
    run(m, f -> {
      notes.addAll(f.notes());
      maxWithoutRoute[0] = Math.max(maxWithoutRoute[0], f.metrics().get("peopleWithoutRoute"));
    });
    List<Map<String, Object>> shelters = shelters(m);
    assertThat(shelters).filteredOn(s -> s.get("name").equals("Central school"))
        .singleElement().satisfies(s -> assertThat(s.get("arrived")).isEqualTo(0));
    for (Map<String, Object> s : shelters) {
      assertThat((Integer) s.get("arrived")).isLessThanOrEqualTo((Integer) s.get("capacity"));
    }
    assertThat(notes).anyMatch(n -> n.contains("is full"));
    assertThat(notes).anyMatch(n -> n.startsWith("intervention open_shelter (Overflow hall"));
    assertThat(maxWithoutRoute[0]).isPositive();
    assertThat(shelters).filteredOn(s -> s.get("name").equals("Overflow hall")).singleElement()
        .satisfies(s -> assertThat((Integer) s.get("arrived")).isPositive());
    assertThat(m.finished()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> shelters(EvacuationModel m) {
    return (List<Map<String, Object>>) m.summary().get("shelters");
  }

  @Test
  void aClosedRoadTakesNoNewTrafficAndAMovingHazardReroutesPeople() {
    // The hazard drifts east by one block every 5 minutes and blocks the main road's east end from 6 min.
    BitSet eastEnd = new BitSet();
    for (RoadGraph.Edge e : CITY.roads().edges()) {
      if (e.wayId() == 103 && Math.min(e.from(), e.to()) % GridTown.SIZE >= 4) {
        eastEnd.set(e.index());
      }
    }
    HazardField drifting = new HazardField() {
      @Override
      public Geometry footprintAt(Instant t) {
        double shift = Math.min(2, Duration.between(GridTown.START, t).toMinutes() / 5);
        return GridTown.box(1.6 + shift * 0.5, 1.6, 4.4 + shift * 0.5, 4.4);
      }

      @Override
      public Set<Integer> closedEdgesAt(Instant t) {
        return t.isBefore(GridTown.START.plusSeconds(360)) ? Set.of() : Set.copyOf(eastEnd.stream().boxed().toList());
      }
    };
    Scenario.Intervention close = new Scenario.Intervention("close_road", Duration.ofMinutes(3), null, 0,
        GridTown.params("interventions[0].parameters", "{\"ways\": [201]}"));
    BitSet way201 = new BitSet();
    CITY.roads().edges().stream().filter(e -> e.wayId() == 201).forEach(e -> way201.set(e.index()));
    EvacuationModel m = model(BUSY, 6, drifting, List.of(close));
    List<String> notes = new ArrayList<>();
    Set<Integer> onClosedAtClosure = new HashSet<>();
    int affected = m.travel().counts().total();
    run(m, f -> {
      notes.addAll(f.notes());
      Map<String, Double> v = f.metrics();
      assertThat(v.get("peopleInDanger") + v.get("peopleOnTheWay") + v.get("peopleEvacuated")
          + v.get("peopleNotDeparted")).isEqualTo(affected);
      long minutes = Duration.between(GridTown.START, f.time()).toSeconds();
      for (int vehicle = 0; vehicle < m.cars().vehicles(); vehicle++) {
        int e = m.cars().currentEdge(vehicle);
        if (e >= 0 && way201.get(e)) {
          if (minutes <= 180) {
            onClosedAtClosure.add(vehicle);
          } else {
            assertThat(onClosedAtClosure).as("car %d on closed way 201 at %s", vehicle, f.time()).contains(vehicle);
          }
        }
      }
    });
    assertThat(onClosedAtClosure).as("cars used way 201 before it closed").isNotEmpty();
    assertThat(notes).anyMatch(n -> n.equals("intervention close_road (" + way201.cardinality() + " edges) applied"));
    assertThat(notes).anyMatch(n -> n.endsWith("travelling parties re-routed"));
    assertThat(m.finished()).isTrue();
  }

  @Test
  void peopleWhoStayHomeInTheDangerAreaKeepItFromBeingCleared() {
    EvacuationModel m = model("{\"compliance\": 0.8, \"mobilisation\": {\"curve\": \"immediate\"}}", 7,
        HazardField.fixed(DANGER), List.of());
    List<Frame> frames = run(m, f -> { });
    Map<String, Double> last = frames.get(frames.size() - 1).metrics();
    assertThat(last.get("peopleInDanger")).isPositive();
    assertThat(last.get("peopleInDanger") + last.get("peopleEvacuated")).isEqualTo(last.get("peopleAffected"));
    assertThat(m.summary().get("clearanceTime")).isNull();
    @SuppressWarnings("unchecked")
    Map<String, Object> people = (Map<String, Object>) m.summary().get("people");
    assertThat(people.get("staying")).isEqualTo(last.get("peopleInDanger").intValue());
  }
}
