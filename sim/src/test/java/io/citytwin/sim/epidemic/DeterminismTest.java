package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same trajectory (frames and summary, equal value by value), whatever
 * the number of threads; another seed gives another one.
 */
class DeterminismTest {
  static final String PARAMETERS = "{\"agents\":200000,\"initialInfected\":50}";
  static final String[] INTERVENTIONS = {
      "{\"action\":\"test_and_isolate\",\"at\":\"P10D\"}",
      "{\"action\":\"close_schools\",\"whenMetric\":\"hospitalised\",\"above\":20}",
      "{\"action\":\"vaccinate\",\"at\":\"P15D\",\"parameters\":{\"dailyRate\":0.01}}"};

  static Runs.Result run(long seed, int threads) {
    Scenario s = Scenarios.epidemic(seed, 60, PARAMETERS, INTERVENTIONS);
    return Runs.run(s, threads);
  }

  @Test
  void sameSeedSameTrajectoryOnOneOrSeveralThreads() {
    Runs.Result one = run(7, 1);
    Runs.Result two = run(7, 2);
    Runs.Result three = run(7, 3);
    assertThat(one.frames()).hasSize(60);
    assertThat(metrics(two)).isEqualTo(metrics(one));
    assertThat(metrics(three)).isEqualTo(metrics(one));
    assertThat(two.frames()).isEqualTo(one.frames());
    assertThat(two.summary()).isEqualTo(one.summary());
    assertThat(one.metric("newDetected") + one.metric("vaccinated")).isPositive();
  }

  @Test
  void anotherSeedAnotherTrajectory() {
    Runs.Result a = run(7, 2);
    Runs.Result b = run(8, 2);
    assertThat(metrics(b)).isNotEqualTo(metrics(a));
    assertThat(b.summary().get("infected")).isNotEqualTo(a.summary().get("infected"));
  }

  @Test
  void aFreshModelFromTheSamePreparationRepeatsTheRun() {
    Scenario s = Scenarios.epidemic(9, 40, "{\"agents\":50000}", INTERVENTIONS);
    EpidemicSetup setup = EpidemicSetup.prepare(s, Monaco.city());
    Runs.Result first = Runs.run(setup.newModel(2), s);
    Runs.Result second = Runs.run(setup.newModel(1), s);
    assertThat(second.frames()).isEqualTo(first.frames());
  }

  private static List<Map<String, Double>> metrics(Runs.Result r) {
    return r.frames().stream().map(Frame::metrics).toList();
  }
}
