package io.citytwin.twin.sensor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator on Testville, a city without landmarks. */
class DemoFleetTest {
  private static final CitySnapshot TESTVILLE = CitySnapshot.of(FixtureCity.testville());

  @Test
  void theSameSeedGivesTheSameFleetAndAnotherSeedAnother() {
    List<Sensor> a = DemoFleet.generate(TESTVILLE, 1, "k");
    assertThat(DemoFleet.generate(TESTVILLE, 1, "k")).isEqualTo(a);
    List<Sensor> b = DemoFleet.generate(TESTVILLE, 2, "k");
    assertThat(b).extracting(Sensor::id).isEqualTo(a.stream().map(Sensor::id).toList());
    assertThat(b).extracting(Sensor::location).isNotEqualTo(a.stream().map(Sensor::location).toList());
  }

  @Test
  void aCityWithoutLandmarksGetsNoGaugesOrVenuesButEverythingElse() {
    List<Sensor> fleet = DemoFleet.generate(TESTVILLE);
    assertThat(fleet).noneMatch(s -> s.kind() == SensorKind.WATER_LEVEL || s.kind() == SensorKind.CROWD_MONITOR);
    assertThat(fleet).filteredOn(s -> s.kind() == SensorKind.HOSPITAL_BEDS).singleElement()
        .satisfies(s -> assertThat(s.name()).isEqualTo("Hospital beds, Hôpital Test"));
    // The hospital (a 36,000 m2 footprint on 8 levels) gets the maximum of 6.
    assertThat(fleet).filteredOn(s -> s.kind() == SensorKind.SMOKE_DETECTOR)
        .filteredOn(s -> EntityId.parse("building/w2").equals(s.placement().building())).hasSize(6);
    assertThat(fleet).filteredOn(s -> s.kind() == SensorKind.TRAFFIC_COUNTER).singleElement()
        .satisfies(s -> {
          assertThat(s.placement().road()).isEqualTo(EntityId.parse("road/w100"));
          assertThat(s.placement().roadDistanceM()).isLessThan(0.5);
        });
    assertThat(fleet).filteredOn(s -> s.kind() == SensorKind.WEATHER).hasSize(2);
  }

  @Test
  void secretsAreDerivedUrlSafeAndMatchTheStoredHashes() {
    String secret = DemoFleet.secretFor("citytwin-demo-fleet", "aq-001");
    assertThat(secret).hasSize(22).matches("[A-Za-z0-9_-]{22}");
    assertThat(DemoFleet.secretFor("citytwin-demo-fleet", "aq-001")).isEqualTo(secret);
    assertThat(DemoFleet.secretFor("citytwin-demo-fleet", "aq-002")).isNotEqualTo(secret);
    assertThat(DemoFleet.secretFor("another-key", "aq-001")).isNotEqualTo(secret);
    for (Sensor s : DemoFleet.generate(TESTVILLE, 3, "k")) {
      byte[] own = DemoFleet.secretFor("k", s.id()).getBytes(StandardCharsets.UTF_8);
      assertThat(s.credentials().matches(s.id(), own)).as(s.id()).isTrue();
      assertThat(s.credentials().matches(s.id(), secret.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
    assertThat(DemoFleet.credentialsFor("k", "x")).isEqualTo(DemoFleet.credentialsFor("k", "x"));
    assertThatThrownBy(() -> DemoFleet.secretFor("", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
