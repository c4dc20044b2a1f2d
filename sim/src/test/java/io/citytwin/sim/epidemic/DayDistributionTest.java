package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole-day durations against numerical integration of the Erlang density. */
class DayDistributionTest {

  @ParameterizedTest(name = "mean {0}, shape {1}")
  @CsvSource({"4.6, 4", "5.0, 2", "10, 2", "3.0, 1", "1.0, 1", "7.0, 30"})
  void probabilitiesMatchTheIntegratedDensity(double mean, int shape) {
    DayDistribution d = DayDistribution.erlang(mean, shape);
    double[] reference = Reference.erlangDays(mean, shape);
    double total = 0;
    for (int day = 1; day < reference.length; day++) {
      assertThat(d.probability(day)).as("day %d", day).isCloseTo(reference[day], within(1e-7));
      total += d.probability(day);
    }
    assertThat(total).isCloseTo(1, within(1e-9));
    assertThat(d.meanDays()).isCloseTo(Reference.meanDays(reference), within(1e-6));
  }

  @ParameterizedTest(name = "mean {0}, shape {1}")
  @CsvSource({"4.6, 4", "5.0, 2", "1.0, 1"})
  void samplingByInverseDistributionGivesEachDayItsProbability(double mean, int shape) {
    DayDistribution d = DayDistribution.erlang(mean, shape);
    int n = 1_000_000;
    int[] count = new int[d.maxDays() + 1];
    for (int k = 0; k < n; k++) {
      count[d.sample((k + 0.5) / n)]++;
    }
    assertThat(count[0]).isZero();
    for (int day = 1; day <= d.maxDays(); day++) {
      assertThat((double) count[day] / n).as("day %d", day).isCloseTo(d.probability(day), within(2.0 / n));
    }
  }
}
