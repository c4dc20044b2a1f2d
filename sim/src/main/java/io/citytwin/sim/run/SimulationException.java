package io.citytwin.sim.run;

/**
 * A run failed part way: the model or a listener threw, or the model broke its contract (wrong
 * step, wrong time, undeclared metrics). The message names the scenario and the step.
 */
public final class SimulationException extends RuntimeException {
  private final int step;

  public SimulationException(String message, int step, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** The step being run when it failed (1-based), or 0 before the first step. */
  public int step() {
    return step;
  }
}
