package io.citytwin.sim.epidemic.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Population;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic population of Monaco, at its real size and scaled up to a million. */
class PopulationBuilderTest {
  static CityModel monaco;
  static SyntheticPopulation real;
  static SyntheticPopulation million;

  @BeforeAll
  static void build() {
    monaco = CityImporter.importBuiltIn("monaco");
    real = PopulationBuilder.build(monaco, monaco.population().total(), PopulationSpec.DEFAULT, 1);
    million = PopulationBuilder.build(monaco, 1_000_000, PopulationSpec.DEFAULT, 1);
  }

  @Test
  void realSizeHasTheCitysResidentsInTheirDistricts() {
    Population layer = monaco.population();
    assertThat(real.agents()).isEqualTo(layer.total());
    assertThat(real.facts().copies()).isEqualTo(1);
    for (int d = 0; d < real.districts().size(); d++) {
      assertThat(real.residents(d)).as(real.districts().get(d).code())
          .isEqualTo(layer.residentsByDistrict().getOrDefault(real.districts().get(d).id(), 0));
    }
    assertThat(real.residents(real.districts().size())).as("outside every district").isZero();
  }

  @Test
  void scaleUpReplicatesTheBuildingStockProportionally() {
    assertThat(million.agents()).isEqualTo(1_000_000);
    assertThat(million.facts().copies()).isEqualTo(Math.round(1_000_000.0 / monaco.population().total()));
    double scale = 1_000_000.0 / monaco.population().total();
    Map<String, Integer> byDistrict = monaco.population().residentsByDistrict();
    for (int d = 0; d < million.districts().size(); d++) {
      String id = million.districts().get(d).id();
      int city = byDistrict.getOrDefault(id, 0);
      long homes = monaco.buildings().stream().filter(b -> b.districtId().equals(id))
          .filter(b -> monaco.population().residentsByBuilding().containsKey(b.id())).count();
      // Rounding happens per building copy: at most one agent per copy of each home.
      assertThat((double) million.residents(d)).as(id)
          .isCloseTo(city * scale, within((double) homes * million.facts().copies()));
    }
  }

  @Test
  void householdSizesFollowTheDistribution() {
    for (SyntheticPopulation pop : List.of(real, million)) {
      long[] bySize = new long[PopulationSpec.MAX_HOUSEHOLD + 1];
      for (int h = 0; h < pop.households(); h++) {
        int size = pop.householdStart(h + 1) - pop.householdStart(h);
        assertThat(size).isBetween(1, PopulationSpec.MAX_HOUSEHOLD);
        bySize[size]++;
      }
      double[] w = PopulationSpec.DEFAULT.householdSizeWeights();
      double sum = java.util.Arrays.stream(w).sum();
      for (int s = 1; s <= PopulationSpec.MAX_HOUSEHOLD; s++) {
        // The last household of each home is truncated, which shifts a little mass to small sizes.
        assertThat((double) bySize[s] / pop.households()).as("size %d", s)
            .isCloseTo(w[s - 1] / sum, within(0.03));
      }
      assertThat((double) pop.agents() / pop.households())
          .isCloseTo(PopulationSpec.DEFAULT.meanHouseholdSize(), within(0.1));
    }
  }

  @Test
  void ageCompositionIsExactAndMinorsLiveWithAnAdult() {
    double[] w = PopulationSpec.DEFAULT.ageBandWeights();
    double sum = java.util.Arrays.stream(w).sum();
    long[] byBand = new long[AgeBands.COUNT];
    for (int i = 0; i < million.agents(); i++) {
      byBand[AgeBands.of(million.age(i))]++;
    }
    for (int b = 0; b < AgeBands.COUNT; b++) {
      assertThat((double) byBand[b]).isCloseTo(million.agents() * w[b] / sum, within(1.0));
    }
    for (int h = 0; h < million.households(); h++) {
      boolean minor = false;
      boolean adult = false;
      for (int i = million.householdStart(h); i < million.householdStart(h + 1); i++) {
        assertThat(million.household(i)).isEqualTo(h);
        minor |= million.age(i) < 18;
        adult |= million.age(i) >= 18;
      }
      assertThat(!minor || adult).as("household %d", h).isTrue();
    }
  }

  @Test
  void pupilsAreOfSchoolAgeInClassesAndWorkersOfWorkingAgeInTeams() {
    PopulationSpec spec = PopulationSpec.DEFAULT;
    long workingAge = 0;
    long working = 0;
    for (int i = 0; i < million.agents(); i++) {
      int age = million.age(i);
      int place = million.dayPlace(i);
      boolean schoolAge = age >= spec.schoolAgeFrom() && age <= spec.schoolAgeTo();
      assertThat(place >= 0 && place < million.classes()).as("agent %d aged %d", i, age)
          .isEqualTo(schoolAge);
      if (age >= spec.workAgeFrom() && age <= spec.workAgeTo()) {
        workingAge++;
        working += place >= 0 ? 1 : 0;
      } else {
        assertThat(place < 0 || place < million.classes()).isTrue();
      }
    }
    assertThat((double) working / workingAge).isCloseTo(spec.employmentRate(), within(0.005));
    for (int k = 0; k < million.places(); k++) {
      int limit = k < million.classes() ? spec.classSize() : spec.workplaceSize();
      assertThat(million.placeSize(k)).isBetween(1, limit);
    }
    assertThat(million.facts().schoolSites()).isGreaterThan(10);
  }

  @Test
  void sameSeedSamePopulationOtherSeedAnother() {
    SyntheticPopulation again = PopulationBuilder.build(monaco, monaco.population().total(),
        PopulationSpec.DEFAULT, 1);
    SyntheticPopulation other = PopulationBuilder.build(monaco, monaco.population().total(),
        PopulationSpec.DEFAULT, 2);
    boolean differs = false;
    for (int i = 0; i < real.agents(); i++) {
      assertThat(again.age(i)).isEqualTo(real.age(i));
      assertThat(again.dayPlace(i)).isEqualTo(real.dayPlace(i));
      differs |= other.age(i) != real.age(i);
    }
    assertThat(again.households()).isEqualTo(real.households());
    assertThat(differs).isTrue();
  }

  @Test
  void smallerThanTheCityShrinksEveryHome() {
    SyntheticPopulation small = PopulationBuilder.build(monaco, 1000, PopulationSpec.DEFAULT, 1);
    assertThat(small.agents()).isEqualTo(1000);
    assertThat(small.facts().copies()).isEqualTo(1);
    assertThatThrownBy(() -> PopulationBuilder.build(monaco, 0, PopulationSpec.DEFAULT, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
