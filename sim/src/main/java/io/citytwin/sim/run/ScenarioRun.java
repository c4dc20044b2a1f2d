package io.citytwin.sim.run;

import io.citytwin.sim.run.RunResult.Outcome;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a scenario: steps the model from {@link Scenario#start()} by {@link Scenario#step()}
 * for {@link Scenario#steps()} steps (the last one shorter when the step does not divide the
 * duration), stopping early when the model reports {@link SimulationModel#finished()}, and hands
 * every {@link Frame} to the listeners.
 *
 * <p>Threading: {@link #run} works on the calling thread, once; {@link #cancel} may be called
 * from any thread and takes effect before the next step. Plain Java: to run on Vert.x, call
 * {@code run} from a worker ({@code executeBlocking}), never on an event loop.
 *
 * <p>The runner checks the model's side of the contract on every frame (step number, time,
 * exactly the declared metrics, no null footprint) so outputs never silently disagree with the
 * model's declarations.
 */
public final class ScenarioRun {
  private final Scenario scenario;
  private final SimulationModel model;
  private final List<RunListener> listeners;
  private final AtomicBoolean used = new AtomicBoolean();
  private volatile boolean cancelRequested;
  // State of the one run, touched by the running thread only.
  private int step;
  private Instant time;
  private long modelNanos;
  private long listenerNanos;

  public ScenarioRun(Scenario scenario, SimulationModel model, List<RunListener> listeners) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.model = Objects.requireNonNull(model, "model");
    this.listeners = List.copyOf(listeners);
    this.time = scenario.start();
  }

  /** Asks the run to stop before its next step; the result's outcome is then {@code CANCELLED}. */
  public void cancel() {
    cancelRequested = true;
  }

  /**
   * Runs the scenario to its end, to the model's early finish, or to cancellation.
   *
   * @throws ScenarioInputException when the model refuses a parameter only once it meets it
   * @throws SimulationException when the model or a listener fails, or the model breaks the
   *     {@link SimulationModel} contract; listeners have then been {@linkplain
   *     RunListener#aborted aborted}
   * @throws IllegalStateException when called a second time
   */
  public RunResult run() {
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("a ScenarioRun runs once; create a new one (and a new model)");
    }
    long t0 = System.nanoTime();
    try {
      List<Metric> metrics = declaredMetrics();
      MetricSeries.Recorder recorder = new MetricSeries.Recorder(metrics);
      each(l -> l.started(scenario, metrics));
      Outcome outcome = stepThrough(metrics, recorder);
      Map<String, Object> summary = summary(step);
      RunResult partial = result(outcome, recorder, summary, t0);
      each(l -> l.finished(partial));
      return result(outcome, recorder, summary, t0);
    } catch (ScenarioInputException | SimulationException e) {
      abort(e);
      throw e;
    } catch (RuntimeException e) {
      abort(e);
      throw new SimulationException("scenario " + scenario.id() + ": " + where(step) + " failed: " + e, step, e);
    } catch (Error e) {
      abort(e);
      throw e;
    }
  }

  /** The step loop; leaves {@link #step} and {@link #time} at the last step run. */
  private Outcome stepThrough(List<Metric> metrics, MetricSeries.Recorder recorder) {
    Set<String> names = new LinkedHashSet<>();
    metrics.forEach(m -> names.add(m.name()));
    Instant end = scenario.start().plus(scenario.duration());
    int planned = scenario.steps();
    while (step < planned) {
      if (cancelRequested || Thread.currentThread().isInterrupted()) {
        return Outcome.CANCELLED;
      }
      step++;
      Duration dt = min(scenario.step(), Duration.between(time, end));
      long m0 = System.nanoTime();
      Frame frame = model.step(step, time, dt);
      modelNanos += System.nanoTime() - m0;
      check(frame, step, time.plus(dt), names);
      recorder.add(frame);
      each(l -> l.frame(frame));
      time = frame.time();
      if (step < planned && model.finished()) {
        return Outcome.FINISHED_EARLY;
      }
    }
    return Outcome.COMPLETED;
  }

  private Map<String, Object> summary(int step) {
    try {
      return SummaryValues.canonical(model.summary());
    } catch (IllegalArgumentException e) {
      throw contract(step, "gave a summary that cannot be written: " + e.getMessage());
    }
  }

  private RunResult result(Outcome outcome, MetricSeries.Recorder recorder, Map<String, Object> summary, long t0) {
    RunResult.Timings timings = new RunResult.Timings(Duration.ofNanos(System.nanoTime() - t0),
        Duration.ofNanos(modelNanos), Duration.ofNanos(listenerNanos));
    return new RunResult(scenario, outcome, step, time, recorder.build(), summary, timings);
  }

  private List<Metric> declaredMetrics() {
    List<Metric> metrics = List.copyOf(model.metrics());
    Set<String> seen = new LinkedHashSet<>();
    for (Metric m : metrics) {
      if (!seen.add(m.name())) {
        throw contract(0, "declares the metric '" + m.name() + "' twice");
      }
    }
    return metrics;
  }

  private void check(Frame frame, int step, Instant expected, Set<String> names) {
    if (frame == null) {
      throw contract(step, "returned no frame");
    }
    if (frame.step() != step || !expected.equals(frame.time())) {
      throw contract(step, "returned the frame of step " + frame.step() + " at " + frame.time()
          + ", expected step " + step + " at " + expected);
    }
    if (!frame.metrics().keySet().equals(names)) {
      Set<String> missing = new LinkedHashSet<>(names);
      missing.removeAll(frame.metrics().keySet());
      Set<String> extra = new LinkedHashSet<>(frame.metrics().keySet());
      extra.removeAll(names);
      throw contract(step, "reported metrics that differ from its declaration (missing " + missing
          + ", undeclared " + extra + ")");
    }
    frame.metrics().forEach((k, v) -> {
      if (v == null) {
        throw contract(step, "reported no value for metric '" + k + "' (use NaN for 'not defined')");
      }
    });
    frame.footprints().forEach((k, g) -> {
      if (g == null) {
        throw contract(step, "reported a null footprint '" + k + "' (use an empty geometry)");
      }
    });
  }

  private SimulationException contract(int step, String problem) {
    return new SimulationException("scenario " + scenario.id() + ": the " + scenario.type().code() + " model ("
        + model.getClass().getSimpleName() + ") " + problem + (step > 0 ? " at step " + step : ""), step, null);
  }

  private static String where(int step) {
    return step == 0 ? "starting the run" : "step " + step;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private interface Call {
    void on(RunListener l);
  }

  private void each(Call call) {
    long t = System.nanoTime();
    try {
      for (RunListener l : listeners) {
        call.on(l);
      }
    } finally {
      listenerNanos += System.nanoTime() - t;
    }
  }

  private void abort(Throwable cause) {
    List<Throwable> suppressed = new ArrayList<>();
    for (RunListener l : listeners) {
      try {
        l.aborted(cause);
      } catch (RuntimeException e) {
        suppressed.add(e);
      }
    }
    suppressed.forEach(cause::addSuppressed);
  }
}
