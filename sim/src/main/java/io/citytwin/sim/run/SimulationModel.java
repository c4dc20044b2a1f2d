package io.citytwin.sim.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scenario model advanced step by step by the runner. Implementations are plain Java,
 * deterministic given their inputs and the scenario's seed (all randomness from one seeded
 * generator, no wall clock, no hash-order iteration), single-threaded from the caller's view (they
 * may parallelise inside as long as results do not depend on thread timing).
 */
public interface SimulationModel {

  /** What the model reports in every frame. */
  List<Metric> metrics();

  /**
   * Advances the model from {@code time} by {@code dt} and returns the state at {@code time + dt}.
   *
   * @param step 1-based number of this step
   */
  Frame step(int step, Instant time, Duration dt);

  /** Whether nothing will change any more (e.g. everybody evacuated); the runner may stop early. */
  default boolean finished() {
    return false;
  }

  /** Final results for the summary (JSON-friendly values: numbers, strings, lists, maps). */
  Map<String, Object> summary();
}
