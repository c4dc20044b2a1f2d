package io.citytwin.twin.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.telemetry.Position;
import org.junit.jupiter.api.Test;

/** Placement on Testville: boulevard w100 runs along lat 43.73, Rue Une w200 up lon 7.43. */
class SensorPlacerTest {
  private static final CitySnapshot CITY = CitySnapshot.of(FixtureCity.testville());
  private static final SensorPlacer PLACER = SensorPlacer.of(CITY);
  /** 0.0001 degree of latitude in metres. */
  private static final double TENTH_MILLIDEGREE_LAT_M = 11.12;

  @Test
  void aPointBesideTheBoulevardIsInItsDistrictAndOnIt() {
    Placement p = PLACER.place(new Position(43.7301, 7.405));
    assertThat(p.district()).isEqualTo(EntityId.parse("district/T-W"));
    assertThat(p.road()).isEqualTo(EntityId.parse("road/w100"));
    assertThat(p.roadDistanceM()).isCloseTo(TENTH_MILLIDEGREE_LAT_M, within(0.2));
    assertThat(p.building()).isNull();
  }

  @Test
  void aPointInAFootprintResolvesTheBuildingAndNoRoadBeyondTheRadius() {
    Placement p = PLACER.place(new Position(43.7255, 7.4055));
    assertThat(p.building()).isEqualTo(EntityId.parse("building/w1"));
    assertThat(p.district()).isEqualTo(EntityId.parse("district/T-W"));
    // The boulevard is 0.0045 degree (about 500 m) north, far beyond 100 m.
    assertThat(p.roadId()).isEmpty();
    assertThat(p.roadDistanceM()).isNaN();
  }

  @Test
  void theCourtyardOfABuildingWithAHoleIsNotInsideIt() {
    assertThat(PLACER.place(new Position(43.7345, 7.4345)).building()).isEqualTo(EntityId.parse("building/r4"));
    Placement courtyard = PLACER.place(new Position(43.736, 7.436));
    assertThat(courtyard.building()).isNull();
    assertThat(courtyard.district()).isEqualTo(EntityId.parse("district/T-E"));
  }

  @Test
  void theNearestOfTwoRoadsWins() {
    // 0.0002 degree of longitude east of Rue Une (about 16 m), 500 m north of the boulevard.
    Placement p = PLACER.place(new Position(43.735, 7.4302));
    assertThat(p.road()).isEqualTo(EntityId.parse("road/w200"));
    assertThat(p.roadDistanceM()).isCloseTo(16.1, within(0.3));
  }

  @Test
  void radiusAndRoadFilterNarrowTheSearch() {
    Position besideBoulevard = new Position(43.7301, 7.4295);
    assertThat(PLACER.place(besideBoulevard).road()).isEqualTo(EntityId.parse("road/w100"));
    SensorPlacer tight = new SensorPlacer(CITY, 5, SensorPlacer.ALL_ROADS);
    assertThat(tight.place(besideBoulevard).roadId()).isEmpty();
    SensorPlacer noBoulevard =
        new SensorPlacer(CITY, 100, road -> !road.id().equals(EntityId.parse("road/w100")));
    Placement p = noBoulevard.place(besideBoulevard);
    assertThat(p.road()).isEqualTo(EntityId.parse("road/w200"));
    assertThat(p.roadDistanceM()).isGreaterThan(30);
  }

  @Test
  void outsideTheCityNothingResolves() {
    Position sea = new Position(43.80, 7.42);
    assertThat(PLACER.inCity(sea)).isFalse();
    assertThat(PLACER.place(sea)).isEqualTo(Placement.NOWHERE);
    assertThat(PLACER.inCity(new Position(43.73, 7.42))).isTrue();
  }

  @Test
  void aRadiusMustBeAFiniteDistance() {
    assertThatThrownBy(() -> new SensorPlacer(CITY, Double.NaN, SensorPlacer.CAR_ROADS))
        .hasMessageContaining("road radius");
    assertThatThrownBy(() -> new SensorPlacer(CITY, -1, SensorPlacer.CAR_ROADS))
        .hasMessageContaining("road radius");
  }
}
