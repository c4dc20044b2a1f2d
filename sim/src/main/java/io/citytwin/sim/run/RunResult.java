package io.citytwin.sim.run;

import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param scenario the scenario run
 * @param outcome how it ended
 * @param stepsRun steps completed (frames delivered)
 * @param end simulated time after the last step run ({@code scenario.start()} when none ran)
 * @param series every metric over time
 * @param summary the model's {@link SimulationModel#summary()} after the last step, in a stable
 *     order (see {@link SummaryValues})
 * @param timings wall-clock costs; never written into the outputs (they differ run to run)
 */
public record RunResult(
    Scenario scenario, Outcome outcome, int stepsRun, Instant end, MetricSeries series,
    Map<String, Object> summary, Timings timings) {

  /** How a run ended. */
  public enum Outcome {
    /** All {@link Scenario#steps()} steps ran. */
    COMPLETED,
    /** The model reported {@link SimulationModel#finished()} before the last step. */
    FINISHED_EARLY,
    /** {@link ScenarioRun#cancel()} was called, or the running thread was interrupted. */
    CANCELLED;

    /** Lower-case name used in outputs. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Where the wall-clock time went.
   *
   * @param total from start to the end of {@link RunListener#finished}
   * @param model inside {@link SimulationModel#step}
   * @param listeners inside the listeners (writing outputs, drawing charts, progress)
   */
  public record Timings(Duration total, Duration model, Duration listeners) {}

  /** Simulated steps per wall-clock second inside the model, or 0 when nothing ran. */
  public double modelStepsPerSecond() {
    double s = timings.model().toNanos() / 1e9;
    return stepsRun == 0 || s <= 0 ? 0 : stepsRun / s;
  }
}
