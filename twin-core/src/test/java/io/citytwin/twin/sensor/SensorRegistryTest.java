package io.citytwin.twin.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SensorRegistryTest {
  private static final SensorPlacer PLACER = SensorPlacer.of(CitySnapshot.of(FixtureCity.testville()));

  static Sensor sensor(String id, SensorKind kind, double lat, double lon) {
    return new Sensor(id, kind, kind.defaultQuantities(), new Position(lat, lon), null,
        kind.defaultOwner(), null, null);
  }

  private final Sensor west = sensor("aq-1", SensorKind.AIR_QUALITY, 43.7301, 7.405);
  private final Sensor inHospital = sensor("smk-1", SensorKind.SMOKE_DETECTOR, 43.735, 7.415);
  private final Sensor east = sensor("aq-2", SensorKind.AIR_QUALITY, 43.725, 7.43);

  @Test
  void placesEverySensorAndLooksThemUpByIdDistrictAndKind() {
    SensorRegistry r = SensorRegistry.of(List.of(west, inHospital, east), PLACER);
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.all()).extracting(Sensor::id).containsExactly("aq-1", "smk-1", "aq-2");
    Sensor smoke = r.find("smk-1").orElseThrow();
    assertThat(smoke.placement().building()).isEqualTo(EntityId.parse("building/w2"));
    assertThat(r.inDistrict(EntityId.parse("district/T-W"))).extracting(Sensor::id).containsExactly("aq-1", "smk-1");
    assertThat(r.inDistrict(EntityId.parse("district/T-E"))).extracting(Sensor::id).containsExactly("aq-2");
    assertThat(r.inDistrict(EntityId.parse("district/XX"))).isEmpty();
    assertThat(r.ofKind(SensorKind.AIR_QUALITY)).extracting(Sensor::id).containsExactly("aq-1", "aq-2");
    assertThat(r.ofKind(SensorKind.HOSPITAL_BEDS)).isEmpty();
    assertThat(r.find("nope")).isEmpty();
    assertThat(r.quantitiesOf("smk-1")).contains(SensorKind.SMOKE_DETECTOR.defaultQuantities());
    assertThat(r.quantitiesOf("nope")).isEmpty();
  }

  @Test
  void aPlacementCarriedInIsReplacedByTheResolvedOne() {
    Placement bogus = new Placement(EntityId.parse("district/T-E"), null, null, Double.NaN);
    SensorRegistry r = SensorRegistry.of(List.of(west.withPlacement(bogus)), PLACER);
    assertThat(r.find("aq-1").orElseThrow().placement().district()).isEqualTo(EntityId.parse("district/T-W"));
  }

  @Test
  void withAndWithoutLeaveTheOriginalUntouched() {
    SensorRegistry one = SensorRegistry.of(List.of(west), PLACER);
    SensorRegistry two = one.with(east);
    SensorRegistry back = two.without("aq-1");
    assertThat(one.all()).extracting(Sensor::id).containsExactly("aq-1");
    assertThat(two.all()).extracting(Sensor::id).containsExactly("aq-1", "aq-2");
    assertThat(back.all()).extracting(Sensor::id).containsExactly("aq-2");
    assertThat(back.inDistrict(EntityId.parse("district/T-W"))).isEmpty();
    assertThat(two.find("aq-2").orElseThrow().placement().district()).isEqualTo(EntityId.parse("district/T-E"));
    assertThat(back.without("aq-1")).isSameAs(back);
    assertThat(SensorRegistry.empty(PLACER).size()).isZero();
  }

  @Test
  void aRepeatedIdIsRefusedNamingIt() {
    Sensor again = sensor("aq-1", SensorKind.WEATHER, 43.725, 7.43);
    assertThatThrownBy(() -> SensorRegistry.of(List.of(west, again), PLACER))
        .isInstanceOf(SensorInputException.class)
        .hasMessage("Testville sensor registry: sensor 'aq-1', field 'id': already registered");
    SensorRegistry one = SensorRegistry.of(List.of(west), PLACER);
    assertThatThrownBy(() -> one.with(again)).isInstanceOf(SensorInputException.class)
        .hasMessageContaining("'aq-1'");
  }

  @Test
  void aLocationOutsideTheCityIsRefusedNamingIt() {
    Sensor atSea = sensor("buoy-1", SensorKind.WATER_LEVEL, 43.70, 7.42);
    assertThatThrownBy(() -> SensorRegistry.of(List.of(west, atSea), PLACER))
        .isInstanceOf(SensorInputException.class)
        .hasMessage("Testville sensor registry: sensor 'buoy-1', field 'location': lat 43.7, lon 7.42 "
            + "lies outside the city boundary of Testville");
    assertThatThrownBy(() -> SensorRegistry.empty(PLACER).with(atSea)).isInstanceOf(SensorInputException.class);
  }

  @Test
  void readersSeeWholeRegistriesWhileAWriterSwapsThem() throws Exception {
    AtomicReference<SensorRegistry> current = new AtomicReference<>(SensorRegistry.empty(PLACER));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        readers.add(pool.submit(() -> {
          int inconsistent = 0;
          for (int i = 0; i < 20_000; i++) {
            SensorRegistry r = current.get();
            // Each registry is internally consistent: every listed sensor is found by id.
            for (Sensor s : r.all()) {
              if (r.find(s.id()).isEmpty() || r.quantitiesOf(s.id()).isEmpty()) {
                inconsistent++;
              }
            }
          }
          return inconsistent;
        }));
      }
      for (int i = 0; i < 200; i++) {
        Sensor s = new Sensor("s-" + i, SensorKind.NOISE_MONITOR, Set.of(Quantity.NOISE),
            new Position(43.721 + i * 0.00005, 7.41), null, Agency.HEALTH, null, null);
        current.updateAndGet(r -> r.with(s));
      }
      for (Future<Integer> f : readers) {
        assertThat(f.get()).isZero();
      }
      assertThat(current.get().size()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }
}
