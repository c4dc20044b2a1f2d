package io.citytwin.sim.run;

import io.citytwin.sim.scenario.Scenario;
import java.util.List;

/**
 * Receives a run as it happens: output writers, progress displays, the dashboard feed. Called
 * synchronously on the thread that runs the scenario, in registration order, never concurrently.
 * A listener that hands frames to another thread may do so without copying ({@link Frame} is
 * immutable). An exception thrown by a listener stops the run: the runner then calls
 * {@link #aborted} on every listener and rethrows it wrapped in a {@link SimulationException}.
 */
public interface RunListener {

  /** Before the first step. {@code metrics} are the model's, in the order every frame lists them. */
  default void started(Scenario scenario, List<Metric> metrics) {}

  /** After each step, in step order. */
  void frame(Frame frame);

  /**
   * After the last step, also when the run was cancelled or the model finished early. The result's
   * timings cover the run up to this call.
   */
  default void finished(RunResult result) {}

  /**
   * The run failed (the model or a listener threw, possibly in {@link #finished}); release what
   * {@link #started} opened. Must not throw; may follow {@link #finished}.
   */
  default void aborted(Throwable cause) {}
}
