package io.citytwin.sim.hazard.fire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DesignFireTest {
  /** Trapezoidal integral of the heat release over the whole fire, kJ. */
  static double integrate(DesignFire f) {
    int n = 400_000;
    double h = f.burnoutS() / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      sum += (i == 0 || i == n ? 0.5 : 1) * f.heatReleaseKW(i * h);
    }
    return sum * h;
  }

  @Test
  void aDwellingFollowsTheEurocodeCurveAndBurnsItsWholeFireLoad() {
    // 300 m2 footprint, 5 storeys: 780 MJ/m2 x 1500 m2; RHR_f 250 kW/m2; t_alpha 300 s.
    DesignFire f = DesignFire.of(Occupancy.DWELLING, 300, 5);
    assertThat(f.fireLoadKJ()).isEqualTo(780e3 * 1500);
    assertThat(f.heatReleaseKW(300)).isCloseTo(1000, within(1e-9)); // 1 MW at t_alpha
    assertThat(f.peakKW()).isEqualTo(250 * 300);
    assertThat(f.growthEndS()).isCloseTo(300 * Math.sqrt(75), within(1e-9));
    // Decay starts when 70 % is burnt and the decay burns the remaining 30 %.
    assertThat(f.energyKJ(f.steadyEndS())).isCloseTo(0.7 * f.fireLoadKJ(), within(1e-3));
    assertThat(integrate(f)).isCloseTo(f.fireLoadKJ(), within(f.fireLoadKJ() * 1e-6));
    assertThat(f.heatReleaseKW(f.burnoutS() + 1)).isZero();
  }

  @Test
  void aSmallFireLoadRunsOutDuringGrowth() {
    // A one-storey transport-like load: 100 MJ/m2 on 2000 m2 with fast growth cannot reach RHR_f.
    Occupancy light = new Occupancy("light", 100, 150, 500);
    DesignFire f = DesignFire.of(light, 2000, 1);
    assertThat(f.peakKW()).isLessThan(500 * 2000);
    assertThat(f.steadyEndS()).isEqualTo(f.growthEndS());
    assertThat(f.energyKJ(f.growthEndS())).isCloseTo(0.7 * f.fireLoadKJ(), within(1e-3));
    assertThat(integrate(f)).isCloseTo(f.fireLoadKJ(), within(f.fireLoadKJ() * 1e-6));
  }
}
