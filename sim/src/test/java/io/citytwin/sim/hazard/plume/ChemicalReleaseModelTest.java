package io.citytwin.sim.hazard.plume;

import static io.citytwin.sim.hazard.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

class ChemicalReleaseModelTest {
  /** Fontvieille, near the stadium. */
  static final double LON = 7.4175;
  static final double LAT = 43.7280;
  static final double Q = 200;
  static final double U = 3;
  static final double AEGL2 = 5.8;

  static CityModel city;
  static ChemicalReleaseModel model;
  static List<Frame> frames = new ArrayList<>();

  static Scenario scenario(String extra) {
    return scenario(", \"closeRoadsAt\": \"AEGL-2\"" + extra, Duration.ofHours(2));
  }

  static Scenario scenario(String extra, Duration duration) {
    String params = "{\"substance\": \"chlorine\", \"sourceStrengthGPerS\": " + Q + ", \"releaseDuration\": \"PT20M\","
        + " \"wind\": {\"speedMps\": " + U + ", \"fromDeg\": 225}, \"stability\": \"D\","
        + " \"thresholds\": [{\"name\": \"AEGL-1\", \"mgPerM3\": 1.45}, {\"name\": \"AEGL-2\", \"mgPerM3\": " + AEGL2
        + "}, {\"name\": \"AEGL-3\", \"mgPerM3\": 58}]" + extra + "}";
    return Fixtures.scenario(ScenarioType.CHEMICAL_RELEASE, Fixtures.at(LON, LAT), params, 1, duration,
        Duration.ofMinutes(5));
  }

  @BeforeAll
  static void run() {
    city = Fixtures.monaco();
    model = new ChemicalReleaseModel(scenario(""), city);
    Scenario s = scenario("");
    for (int k = 1; k <= s.steps(); k++) {
      Instant t = START.plus(s.step().multipliedBy(k - 1));
      frames.add(model.step(k, t, s.step()));
    }
  }

  /** A position {@code d} metres from the source along a bearing (spherical Earth). */
  static double[] offset(double bearingDeg, double d) {
    double b = Math.toRadians(bearingDeg);
    double r = d / 6_371_000;
    return new double[] {LON + Math.toDegrees(r * Math.sin(b) / Math.cos(Math.toRadians(LAT))),
        LAT + Math.toDegrees(r * Math.cos(b))};
  }

  @Test
  void concentrationDownwindIsThePublishedFormula() {
    // 600 m towards 45 degrees and 40 m to its left, 40 minutes in: steady, before the release
    // stopped... the release stops at 20 min and its tail passes 600 m at 20 min + 200 s, so ask at 15 min.
    double x = 600;
    double[] p = offset(45, x);
    double[] left = offset(45 - Math.toDegrees(Math.atan2(40, x)), Math.hypot(x, 40));
    Instant t = START.plus(Duration.ofMinutes(15));
    double km = x / 1000;
    double sy = 465.116 * km * Math.tan(Math.toRadians(8.3333 - 0.72382 * Math.log(km))); // table 19-4, D
    double sz = 32.093 * Math.pow(km, 0.81066); // table 19-5, D, 0.3-1 km
    double onAxis = PasquillGiffordValidationTest.reference(Q, U, sy, sz, 0, 0, 0, true) * 1000;
    double offAxis = PasquillGiffordValidationTest.reference(Q, U, sy, sz, 40, 0, 0, true) * 1000;
    assertThat(model.concentrationAt(p[0], p[1], t)).isCloseTo(onAxis, within(onAxis * 0.005));
    assertThat(model.concentrationAt(left[0], left[1], t)).isCloseTo(offAxis, within(offAxis * 0.01));
    assertThat(model.concentrationAt(offset(225, x)[0], offset(225, x)[1], t)).isZero(); // upwind
  }

  @Test
  void theAegl2FootprintAreaIsCloseToTheAnalyticPlumeShape() {
    // Ground release: C0(x) = Q / (pi u sy sz) on the axis; the level-L contour has half-width
    // sy * sqrt(2 ln(C0/L)). Integrate 2 * half-width over x (x below 20 m evaluated at 20 m,
    // as the model does), with the published sigma formulas written out here.
    double area = 0;
    double dx = 0.5;
    for (double x = dx / 2; x < 10_000; x += dx) {
      double km = Math.max(x, 20) / 1000;
      double sy = 465.116 * km * Math.tan(Math.toRadians(8.3333 - 0.72382 * Math.log(km)));
      double sz = km <= 0.3 ? 34.459 * Math.pow(km, 0.86974) : km <= 1 ? 32.093 * Math.pow(km, 0.81066)
          : 32.093 * Math.pow(km, 0.64403);
      double c0 = Q / (Math.PI * U * sy * sz) * 1000;
      if (c0 > AEGL2) {
        area += 2 * sy * Math.sqrt(2 * Math.log(c0 / AEGL2)) * dx;
      }
    }
    Frame steady = frames.get(3); // 20 min: the release is still on and the front is 3.6 km out
    double modelled = steady.metrics().get("areaAboveAegl2");
    assertThat(modelled).isCloseTo(area, within(area * 0.03));
    Geometry footprint = steady.footprints().get("aboveAegl2");
    assertThat(city.projection().areaM2(footprint)).isCloseTo(modelled, within(modelled * 1e-3));
  }

  @Test
  void footprintsAreValidWgs84PolygonsNearMonaco() {
    for (Frame f : frames) {
      for (Geometry g : f.footprints().values()) {
        assertThat(g.isValid()).as("valid at step %s", f.step()).isTrue();
        assertThat(g.getDimension()).isEqualTo(2);
        if (!g.isEmpty()) {
          assertThat(Fixtures.aroundMonaco().covers(g.getEnvelopeInternal())).isTrue();
        }
      }
    }
    assertThat(frames.get(1).footprints().get("aboveAegl1").isEmpty()).isFalse();
  }

  @Test
  void theFrontAdvancesAtTheWindSpeedThenThePlumeLeaves() {
    double sx = SigmaCurves.PASQUILL_GIFFORD.sigmaY(StabilityClass.D, 900);
    // After 5 minutes the front is at u*t = 900 m, smoothed by the along-wind spread: where the
    // steady plume is several times AEGL-1, a fraction of it ahead of the front still exceeds it.
    assertThat(frames.get(0).metrics().get("reachAboveAegl1")).isBetween(900 - 3 * sx, 900 + 2 * sx);
    assertThat(frames.get(1).metrics().get("reachAboveAegl1")).isGreaterThan(frames.get(0).metrics().get("reachAboveAegl1"));
    assertThat(frames.get(1).metrics().get("areaAboveAegl1")).isGreaterThan(frames.get(0).metrics().get("areaAboveAegl1"));
    // Released for 20 minutes: an hour later nothing is left on the 2.5 km grid.
    Frame late = frames.get(frames.size() - 1);
    assertThat(late.metrics().get("maxConcentration")).isZero();
    assertThat(late.footprints().get("aboveAegl1").isEmpty()).isTrue();
    assertThat(model.finished()).isTrue();
    assertThat(frames.get(0).notes()).anyMatch(n -> n.contains("release of chlorine started"));
    assertThat(frames.get(3).notes()).anyMatch(n -> n.contains("stopped"));
  }

  @Test
  void peopleInsideAreTheResidentsOfBuildingsInsideTheFootprint() {
    Frame f = frames.get(3);
    for (String key : List.of("Aegl1", "Aegl2")) {
      PreparedGeometry fp = PreparedGeometryFactory.prepare(f.footprints().get("above" + key));
      long expected = 0;
      for (Building b : city.buildings()) {
        if (fp.covers(b.footprint().getInteriorPoint())) {
          expected += city.population().residentsByBuilding().getOrDefault(b.id(), 0);
        }
      }
      assertThat(f.metrics().get("people" + "Above" + key)).isEqualTo((double) expected);
    }
    assertThat(f.metrics().get("peopleAboveAegl1")).isPositive();
  }

  @Test
  void theHazardIsTheLowestLevelsFootprintAndTheChosenLevelClosesRoads() {
    Instant t = START.plus(Duration.ofMinutes(20));
    Geometry fp = model.footprintAt(t);
    assertThat(fp.equalsExact(frames.get(3).footprints().get("aboveAegl1"))).isTrue();
    List<Integer> expected = RoadClosures.intersecting(city.roads(), frames.get(3).footprints().get("aboveAegl2"))
        .edges().boxed().toList();
    assertThat(expected).isNotEmpty();
    assertThat(List.copyOf(model.closedEdgesAt(t))).isEqualTo(expected);
    assertThat(frames.get(3).metrics().get("roadsClosed")).isEqualTo(expected.size());
    // Between boundaries the earlier state holds; before the start there is nothing.
    assertThat(model.footprintAt(t.plusSeconds(299)).equalsExact(fp)).isTrue();
    assertThat(model.footprintAt(START).isEmpty()).isTrue();
    assertThat(model.closedEdgesAt(START.minusSeconds(60))).isEmpty();
  }

  @Test
  void byDefaultOnlyTheHighestLevelClosesRoadsAndNoneClosesNothing() {
    ChemicalReleaseModel byDefault = new ChemicalReleaseModel(scenario("", Duration.ofMinutes(20)), city);
    assertThat(byDefault.release().closeRoadsAt()).isEqualTo(2); // AEGL-3
    assertThat(byDefault.release().hazardFootprint()).isEqualTo(0); // AEGL-1
    Instant t = START.plus(Duration.ofMinutes(20));
    List<Integer> inAegl3 = RoadClosures.intersecting(city.roads(), frames.get(3).footprints().get("aboveAegl3"))
        .edges().boxed().toList();
    assertThat(List.copyOf(byDefault.closedEdgesAt(t))).isEqualTo(inAegl3);
    ChemicalReleaseModel none = new ChemicalReleaseModel(scenario(", \"closeRoadsAt\": \"none\"", Duration.ofMinutes(20)), city);
    assertThat(none.closedEdgesAt(t)).isEmpty();
    assertThat(none.footprintAt(t).equalsExact(model.footprintAt(t))).isTrue();
  }

  @Test
  void theStabilityClassCanBeDerivedFromTheSky() {
    Scenario s = Fixtures.scenario(ScenarioType.CHEMICAL_RELEASE, Fixtures.at(LON, LAT),
        "{\"sourceStrengthGPerS\": 50, \"wind\": {\"speedMps\": 2.5, \"fromDeg\": 180}, \"sky\": \"night_clear\","
            + " \"thresholds\": [{\"name\": \"ERPG-2\", \"mgPerM3\": 8}]}", 1, Duration.ofMinutes(30), Duration.ofMinutes(10));
    ChemicalReleaseModel m = new ChemicalReleaseModel(s, city);
    assertThat(m.release().weather().stability().label()).isEqualTo("F");
    assertThat(m.summary()).containsEntry("stability", "F");
  }
}
