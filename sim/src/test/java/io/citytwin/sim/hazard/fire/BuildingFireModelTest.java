package io.citytwin.sim.hazard.fire;

import static io.citytwin.sim.hazard.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.sim.hazard.Fixtures;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class BuildingFireModelTest {
  static CityModel city;
  /** A residential block in La Condamine. */
  static String origin;

  @BeforeAll
  static void city() {
    city = Fixtures.monaco();
    origin = nearestBuilding(7.4195, 43.7335);
  }

  static String nearestBuilding(double lon, double lat) {
    Geometry p = city.projection().toMetric(Fixtures.point(lon, lat));
    return city.buildings().stream()
        .min(java.util.Comparator.comparingDouble(b -> city.projection().toMetric(b.footprint()).distance(p)))
        .orElseThrow().id();
  }

  /** A coarse smoke grid keeps the runs quick where smoke is not what is tested. */
  static final String COARSE_SMOKE = ", \"smoke\": {\"cellM\": 125}";

  static Scenario scenario(String extra, long seed, Duration duration) {
    String params = "{\"ignition\": [\"" + origin + "\"], \"wind\": {\"speedMps\": 5, \"fromDeg\": 200}, "
        + "\"stability\": \"D\"" + extra + "}";
    return Fixtures.scenario(ScenarioType.BUILDING_FIRE, Fixtures.building(origin), params, seed, duration,
        Duration.ofMinutes(10));
  }

  record Run(BuildingFireModel model, List<Frame> frames, List<Map<String, Double>> ignitions) {}

  /** Runs the scenario; records after every step which buildings have ignited and when. */
  static Run run(Scenario s) {
    BuildingFireModel m = new BuildingFireModel(s, city);
    List<Frame> frames = new ArrayList<>();
    List<Map<String, Double>> ignitions = new ArrayList<>();
    for (int k = 1; k <= s.steps(); k++) {
      frames.add(m.step(k, START.plus(s.step().multipliedBy(k - 1)), s.step()));
      Map<String, Double> ignited = new LinkedHashMap<>();
      for (int b = 0; b < city.buildings().size(); b++) {
        if (!Double.isNaN(m.ignitedAtS(b))) {
          ignited.put(city.buildings().get(b).id(), m.ignitedAtS(b));
        }
      }
      ignitions.add(ignited);
    }
    return new Run(m, frames, ignitions);
  }

  @Test
  void theSameSeedGivesTheSameFireAndOtherSeedsDiffer() {
    Run a = run(scenario(COARSE_SMOKE, 11, Duration.ofMinutes(100)));
    Run b = run(scenario(COARSE_SMOKE, 11, Duration.ofMinutes(100)));
    assertThat(b.ignitions()).isEqualTo(a.ignitions());
    for (int k = 0; k < a.frames().size(); k++) {
      assertThat(b.frames().get(k).metrics()).isEqualTo(a.frames().get(k).metrics());
      assertThat(b.frames().get(k).footprints()).isEqualTo(a.frames().get(k).footprints());
    }
    Map<String, Double> last = a.ignitions().get(a.ignitions().size() - 1);
    assertThat(last.size()).isGreaterThan(3); // it did spread
    int differing = 0;
    for (long seed = 12; seed <= 15; seed++) {
      Run other = run(scenario(COARSE_SMOKE, seed, Duration.ofMinutes(100)));
      differing += other.ignitions().get(other.ignitions().size() - 1).equals(last) ? 0 : 1;
    }
    assertThat(differing).isGreaterThanOrEqualTo(3);
  }

  @Test
  void burningAndBurntSetsOnlyGrow() {
    Run r = run(scenario(COARSE_SMOKE, 5, Duration.ofHours(3)));
    Map<String, Double> before = Map.of();
    double floor = 0;
    double burnt = 0;
    for (int k = 0; k < r.frames().size(); k++) {
      Map<String, Double> now = r.ignitions().get(k);
      for (Map.Entry<String, Double> e : before.entrySet()) {
        assertThat(now).containsEntry(e.getKey(), e.getValue()); // once ignited, always, at the same time
      }
      Frame f = r.frames().get(k);
      assertThat(f.metrics().get("floorAreaAffectedM2")).isGreaterThanOrEqualTo(floor);
      assertThat(f.metrics().get("buildingsBurnt")).isGreaterThanOrEqualTo(burnt);
      assertThat(f.metrics().get("buildingsBurning") + f.metrics().get("buildingsBurnt")).isEqualTo(now.size());
      before = now;
      floor = f.metrics().get("floorAreaAffectedM2");
      burnt = f.metrics().get("buildingsBurnt");
    }
  }

  @Test
  void theFirstNeighbourIgnitesWhenThePointSourceFluxReachesTheCriticalFlux() {
    // No scatter and no wind factor: the nearest facade ignites at the first check (every
    // minute) when 0.3 * Q(t) / (4 pi R^2) >= 12.6 kW/m2, R = gap + sqrt(A / pi) / 2, with the
    // dwelling's t-squared growth Q = 1 MW (t / 300 s)^2 (if still growing).
    Run r = run(scenario(COARSE_SMOKE + ", \"spread\": {\"criticalFluxSpread\": 0, \"windFactorSPerM\": 0}", 1, Duration.ofHours(1)));
    Building o = city.buildings().stream().filter(b -> b.id().equals(origin)).findFirst().orElseThrow();
    assertThat(o.use()).isEqualTo(io.citytwin.geo.layer.BuildingUse.RESIDENTIAL);
    Geometry om = city.projection().toMetric(o.footprint());
    double nearestGap = Double.MAX_VALUE;
    for (Building b : city.buildings()) {
      if (!b.id().equals(origin)) {
        nearestGap = Math.min(nearestGap, om.distance(city.projection().toMetric(b.footprint())));
      }
    }
    double radius = nearestGap + Math.sqrt(om.getArea() / Math.PI) / 2;
    double q = 12.6 * 4 * Math.PI * radius * radius / 0.3; // kW
    double t = 300 * Math.sqrt(q / 1000);
    assertThat(q).isLessThan(250 * o.footprintM2()); // reached while growing
    double expected = Math.ceil(t / 60) * 60;
    double first = r.ignitions().get(r.ignitions().size() - 1).entrySet().stream()
        .filter(e -> !e.getKey().equals(origin)).mapToDouble(Map.Entry::getValue).min().orElseThrow();
    assertThat(first).isEqualTo(expected);
  }

  @Test
  void windCarriesTheFireDownwind() {
    double west = meanEastingOfIgnited(270); // wind from the west blows east
    double east = meanEastingOfIgnited(90);
    assertThat(west).isGreaterThan(east + 20);
  }

  static double meanEastingOfIgnited(double fromDeg) {
    String params = "{\"ignition\": [\"" + origin + "\"], \"wind\": {\"speedMps\": 10, \"fromDeg\": " + fromDeg
        + "}, \"stability\": \"D\", \"spread\": {\"criticalFluxSpread\": 0}" + COARSE_SMOKE + "}";
    Scenario s = Fixtures.scenario(ScenarioType.BUILDING_FIRE, Fixtures.building(origin), params, 1,
        Duration.ofMinutes(120), Duration.ofMinutes(10));
    Run r = run(s);
    Map<String, Double> ignited = r.ignitions().get(r.ignitions().size() - 1);
    double sum = 0;
    int n = 0;
    for (Building b : city.buildings()) {
      if (ignited.containsKey(b.id()) && !b.id().equals(origin)) {
        Coordinate c = city.projection().toMetric(b.footprint().getCentroid().getCoordinate());
        sum += c.x;
        n++;
      }
    }
    assertThat(n).isGreaterThan(2);
    return sum / n;
  }

  @Test
  void theCordonClosesItsRoadsAndTheSmokeDriftsDownwind() {
    Scenario s = scenario("", 2, Duration.ofHours(1));
    Run r = run(s);
    Instant t = START.plus(Duration.ofHours(1));
    Frame last = r.frames().get(r.frames().size() - 1);
    Geometry zone = last.footprints().get("exclusionZone");
    assertThat(zone.covers(last.footprints().get("burning"))).isTrue();
    assertThat(r.model().footprintAt(t).equalsExact(zone)).isTrue();
    List<Integer> expected = RoadClosures.intersecting(city.roads(), zone).edges().boxed().toList();
    assertThat(expected).isNotEmpty();
    assertThat(List.copyOf(r.model().closedEdgesAt(t))).isEqualTo(expected);
    for (Frame f : r.frames()) {
      for (Geometry g : f.footprints().values()) {
        assertThat(g.isValid()).isTrue();
        if (!g.isEmpty()) {
          assertThat(Fixtures.aroundMonaco().covers(g.getEnvelopeInternal())).isTrue();
        }
      }
    }
    // Wind from 200 degrees blows towards 20 degrees (north-north-east).
    Geometry smoke = city.projection().toMetric(last.footprints().get("smoke"));
    Coordinate o = city.projection().toMetric(Fixtures.building(origin).point().getCoordinate());
    Coordinate c = smoke.getCentroid().getCoordinate();
    double along = (c.x - o.x) * Math.sin(Math.toRadians(20)) + (c.y - o.y) * Math.cos(Math.toRadians(20));
    assertThat(last.metrics().get("smokeAreaM2")).isPositive();
    assertThat(along).isGreaterThan(200);
  }
}
