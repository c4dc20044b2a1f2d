package io.citytwin.geo.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.index.DistrictIndex;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.geo.testing.MonacoCity;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The built-in Monaco import against the reference figures in SOURCES.md. */
class MonacoImportIT {
  private static final CityModel MONACO = MonacoCity.model();

  @Test
  void nineQuartiersWithTheirCodesAndAreas() {
    Map<String, District> byCode = MONACO.districts().stream()
        .collect(Collectors.toMap(District::code, Function.identity()));
    // areas from SOURCES.md (local equirectangular projection, ~0.1% accurate)
    Map<String, Object[]> expected = Map.of(
        "MC-FO", new Object[] {"Fontvieille", 405_715},
        "MC-JE", new Object[] {"Jardin Exotique", 235_395},
        "MC-CO", new Object[] {"La Condamine", 521_598},
        "MC-VR", new Object[] {"La Rousse", 171_582},
        "MC-LA", new Object[] {"Larvotto", 286_637},
        "MC-MG", new Object[] {"Les Monegetti", 115_456},
        "MC-MO", new Object[] {"Monaco-Ville", 196_991},
        "MC-MC", new Object[] {"Monte-Carlo", 433_273},
        "MC-SD", new Object[] {"Ravin de Sainte-Dévote", 20_205});
    assertThat(byCode).hasSize(9).containsOnlyKeys(expected.keySet());
    expected.forEach((code, v) -> {
      District d = byCode.get(code);
      assertThat(d.name()).isEqualTo(v[0]);
      assertThat(d.id()).isEqualTo("district/" + code);
      double area = ((Integer) v[1]).doubleValue();
      assertThat(d.areaM2()).as(code).isCloseTo(area, within(area * 0.005));
    });
  }

  @Test
  void boundaryIsTheMonacoCommune() {
    assertThat(MONACO.name()).isEqualTo("Monaco");
    assertThat(MONACO.projection().areaM2(MONACO.boundary())).isCloseTo(2_386_854, within(2_386_854 * 0.005));
    assertThat(MONACO.projection().epsg()).isEqualTo("EPSG:32632");
    assertThat(MONACO.warnings()).noneMatch(w -> w.startsWith("boundary: "));
  }

  @Test
  void princesPalaceIsInMonacoVille() {
    DistrictIndex index = new DistrictIndex(MONACO.districts());
    assertThat(index.districtAt(7.42030, 43.73127)).map(District::name).contains("Monaco-Ville");
  }

  @Test
  void buildingCountMatchesOsmiumWithinTwoPercent() {
    assertThat(MONACO.buildings()).hasSizeBetween(1_220, 1_270);
    assertThat(MONACO.buildings()).allSatisfy(b -> {
      assertThat(b.districtId()).startsWith("district/MC-");
      assertThat(b.footprintM2()).isPositive();
      assertThat(b.levels()).isPositive();
    });
  }

  @Test
  void pointsOfInterestMatchOsmium() {
    Map<PoiKind, Long> counts = MONACO.pois().stream()
        .collect(Collectors.groupingBy(Poi::kind, Collectors.counting()));
    assertThat(counts).contains(
        entry(PoiKind.HOSPITAL, 6L), entry(PoiKind.FIRE_STATION, 2L), entry(PoiKind.POLICE, 13L),
        entry(PoiKind.SCHOOL, 11L), entry(PoiKind.SHELTER, 11L), entry(PoiKind.ASSEMBLY_POINT, 2L),
        entry(PoiKind.PHARMACY, 16L));
    assertThat(MONACO.pois()).filteredOn(p -> p.kind() == PoiKind.HOSPITAL).extracting(Poi::name)
        .contains("Centre hospitalier Princesse Grace (CHPG)", "Centre Cardio Thoracique de Monaco");
  }

  @Test
  void populationAddsUpToTheCityTotalOverallAndPerDistrict() {
    var pop = MONACO.population();
    assertThat(pop.total()).isEqualTo(39_050);
    assertThat(pop.residentsByBuilding().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(39_050);
    assertThat(pop.residentsByDistrict().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(39_050);
    assertThat(pop.residentsByDistrict()).containsOnlyKeys(
        MONACO.districts().stream().map(District::id).toList());
    Map<String, Building> byId = MONACO.buildings().stream()
        .collect(Collectors.toMap(Building::id, Function.identity()));
    assertThat(pop.residentsByBuilding().keySet()).allSatisfy(id -> assertThat(byId.get(id).use().residential()).isTrue());
    // Plausibility: no quartier holds more than a third of Monaco, the built-up ones hold people.
    assertThat(pop.residentsByDistrict().values()).allSatisfy(n -> assertThat(n).isLessThan(39_050 / 3));
    assertThat(pop.residentsByDistrict().get("district/MC-MC")).isGreaterThan(5_000);
  }

  @Test
  void roadGraphHasCarAndFootNetworksInsideMonaco() {
    RoadGraph roads = MONACO.roads();
    long car = roads.edges().stream().filter(RoadGraph.Edge::car).count();
    long footOnly = roads.edges().stream().filter(e -> e.foot() && !e.car()).count();
    assertThat(car).isBetween(2_000L, 4_000L);
    assertThat(footOnly).isGreaterThan(car);
    assertThat(roads.edges()).allSatisfy(e -> {
      assertThat(e.lengthM()).isPositive();
      assertThat(e.car() || e.foot()).isTrue();
      assertThat(e.car() ? e.capacityVehPerHour() : 0).isGreaterThanOrEqualTo(0);
    });
    assertThat(roads.edges()).filteredOn(e -> e.highway().equals("steps")).allMatch(e -> !e.car());
  }

  @Test
  void importIsFast() {
    assertThat(MonacoCity.importMillis()).isLessThan(6_000);
  }
}
