package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Building;
import org.junit.jupiter.api.Test;

/** Beds of Monaco's hospitals from their buildings' floor area, and their scale-up. */
class HospitalBedsTest {
  static final CityModel MONACO = Monaco.city().source();

  @Test
  void princessGraceHospitalGetsItsBuildingsFloorAreaOverTheAreaPerBed() {
    HospitalBeds beds = HospitalBeds.estimate(MONACO, 100);
    Building chpg = MONACO.buildings().stream().filter(b -> b.id().equals("building/w49209406"))
        .findFirst().orElseThrow();
    HospitalBeds.Site site = beds.sites().stream().filter(s -> s.poi().equals("poi/w49209406"))
        .findFirst().orElseThrow();
    assertThat(site.building()).isEqualTo(chpg.id());
    assertThat(site.beds()).isEqualTo(Math.round(chpg.floorAreaM2() / 100));
    assertThat(beds.beds()).isEqualTo(beds.sites().stream().mapToInt(HospitalBeds.Site::beds).sum());
    assertThat(HospitalBeds.estimate(MONACO, 50).beds()).isCloseTo(2 * beds.beds(), within(6));
  }

  @Test
  void hospitalPointsInsideOtherBuildingsUseThoseAndPointsInNoBuildingGetNoBeds() {
    HospitalBeds beds = HospitalBeds.estimate(MONACO, 100);
    HospitalBeds.Site ott = beds.sites().stream().filter(s -> s.name().equals("Fondation Hector Ott"))
        .findFirst().orElseThrow();
    Building holder = MONACO.buildings().stream().filter(b -> b.id().equals(ott.building()))
        .findFirst().orElseThrow();
    assertThat(holder.footprint().covers(MONACO.pois().stream()
        .filter(p -> p.id().equals(ott.poi())).findFirst().orElseThrow().location())).isTrue();
    assertThat(beds.sites()).anySatisfy(s -> {
      assertThat(s.building()).isNull();
      assertThat(s.beds()).isZero();
    });
  }

  @Test
  void capacityScalesWithThePopulationAndAScenarioCanGiveTheBeds() {
    EpidemicSetup real = EpidemicSetup.prepare(Scenarios.epidemic(1, 5, "{}"), Monaco.city());
    EpidemicSetup scaled = EpidemicSetup.prepare(Scenarios.epidemic(1, 5, "{\"agents\":390500}"),
        Monaco.city());
    assertThat(scaled.capacity()).isCloseTo(10 * real.capacity(), within(1e-6));
    EpidemicSetup given = EpidemicSetup.prepare(
        Scenarios.epidemic(1, 5, "{\"agents\":78100,\"hospital\":{\"beds\":500}}"), Monaco.city());
    assertThat(given.capacity()).isCloseTo(1000, within(1e-6));
    var frame = given.newModel(1).step(1, Scenarios.START, java.time.Duration.ofDays(1));
    assertThat(frame.metrics().get("hospitalCapacity")).isCloseTo(1000, within(1e-6));
  }
}
