package io.citytwin.geo.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.BuildingUse;
import io.citytwin.geo.layer.Population;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class PopulationAllocatorTest {

  @Test
  void largestRemaindersGetTheLeftoverResidents() {
    // quotas 3.33.., 3.33.., 3.33..: one leftover goes to the first (ties in input order)
    assertThat(PopulationAllocator.shares(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
    // quotas 1.6, 3.4, 5.0: floors 1, 3, 5 and the leftover goes to .6
    assertThat(PopulationAllocator.shares(10, new double[] {16, 34, 50})).containsExactly(2, 3, 5);
    assertThat(PopulationAllocator.shares(7, new double[] {0, 5, 0})).containsExactly(0, 7, 0);
  }

  @Test
  void rejectsImpossibleInput() {
    assertThatThrownBy(() -> PopulationAllocator.shares(5, new double[] {0, 0}))
        .hasMessage("weights sum to zero");
    assertThatThrownBy(() -> PopulationAllocator.shares(5, new double[] {1, Double.NaN}))
        .hasMessageStartingWith("weights must be finite");
  }

  @Property(tries = 300, seed = "3")
  void sharesAddUpExactlyAndStayWithinOneOfTheQuota(
      @ForAll @IntRange(min = 0, max = 2_000_000) int total,
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 0, max = 1e6) Double> ws) {
    double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
    double sum = Arrays.stream(w).sum();
    if (sum <= 0) {
      return;
    }
    int[] s = PopulationAllocator.shares(total, w);
    assertThat(Arrays.stream(s).asLongStream().sum()).isEqualTo(total);
    for (int i = 0; i < w.length; i++) {
      double quota = total * w[i] / sum;
      assertThat((double) s[i]).isBetween(Math.floor(quota) - 1e-9, Math.floor(quota) + 1);
    }
  }

  @Test
  void allocatesToBuildingsAndSumsPerDistrict() throws Exception {
    var square = new WKTReader(new GeometryFactory()).read("POLYGON((0 0,1 0,1 1,0 1,0 0))");
    List<Building> bs = List.of(
        new Building("building/w1", "", square, BuildingUse.RESIDENTIAL, 3, 9, 100, "district/A"),
        new Building("building/w2", "", square, BuildingUse.RESIDENTIAL, 1, 3, 100, "district/B"),
        new Building("building/w3", "", square, BuildingUse.COMMERCIAL, 5, 15, 100, "district/B"));
    Population p = PopulationAllocator.allocate(101, "test", bs, b -> b.use().residential() ? b.floorAreaM2() : 0);
    assertThat(p.residentsByBuilding()).containsOnly(
        java.util.Map.entry("building/w1", 76), java.util.Map.entry("building/w2", 25));
    assertThat(p.residentsByDistrict()).containsOnly(
        java.util.Map.entry("district/A", 76), java.util.Map.entry("district/B", 25));
    assertThat(p.total()).isEqualTo(101);
    assertThat(p.synthetic()).isTrue();
  }
}
