package io.citytwin.sim.hazard;

import io.citytwin.sim.run.Frame;
import io.citytwin.sim.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The timeline shared by the runner's {@link #step} calls and the {@link Hazard} queries: states
 * at the step boundaries {@code start + k·step} (the last scenario step ends exactly at {@code
 * start + duration}; later boundaries continue every {@code step}), computed once, in order, on
 * first demand and kept. So a model advances the same way whoever asks first, and asking for a
 * time far ahead simply computes the states up to it. State 0 is the state at the start itself
 * (a road closed from the start is closed at once); notes it produces go out with step 1's frame.
 *
 * <p>Subclasses implement {@link #advance}, which is only ever called for consecutive intervals
 * from the start, the first being the empty interval {@code [start, start]} for state 0. Public
 * methods are synchronized: the model may be queried from the runner's and the evacuation model's
 * threads.
 */
public abstract class SteppedHazard implements HazardModel {
  protected static final GeometryFactory GF = new GeometryFactory();

  private final Instant start;
  private final Duration step;
  private final Instant end;
  private final int scenarioSteps;
  private final List<HazardState> states = new ArrayList<>();

  protected SteppedHazard(Scenario scenario) {
    this.start = scenario.start();
    this.step = scenario.step();
    this.end = scenario.start().plus(scenario.duration());
    this.scenarioSteps = scenario.steps();
  }

  /**
   * Advances the model over {@code [from, to)} and returns the state at {@code to}.
   *
   * @param k index of the boundary {@code to}: 0 for the start ({@code from == to}), then 1, 2, ...
   */
  protected abstract HazardState advance(int k, Instant from, Instant to);

  /** Scenario start. */
  protected Instant start() {
    return start;
  }

  /** The time of step boundary {@code k} (0 = start). */
  protected Instant boundary(int k) {
    if (k < scenarioSteps) {
      return start.plus(step.multipliedBy(k));
    }
    return end.plus(step.multipliedBy(k - scenarioSteps));
  }

  /** The state at boundary {@code k >= 0}, computing the states before it if needed. */
  protected synchronized HazardState state(int k) {
    while (states.size() <= k) {
      int next = states.size();
      HazardState s = advance(next, boundary(Math.max(0, next - 1)), boundary(next));
      if (next == 1 && !states.get(0).frame().notes().isEmpty()) {
        Frame f = s.frame();
        List<String> notes = new ArrayList<>(states.get(0).frame().notes());
        notes.addAll(f.notes());
        s = new HazardState(new Frame(f.step(), f.time(), f.metrics(), f.footprints(), notes), s.footprint(),
            s.closedEdges());
      }
      states.add(s);
    }
    return states.get(k);
  }

  @Override
  public synchronized Frame step(int stepNumber, Instant time, Duration dt) {
    if (stepNumber < 1) {
      throw new IllegalArgumentException("step numbers start at 1, got " + stepNumber);
    }
    Instant expected = boundary(stepNumber);
    if (!time.plus(dt).equals(expected)) {
      throw new IllegalArgumentException("step " + stepNumber + " must end at " + expected
          + " (scenario start " + start + ", step " + step + "), not at " + time.plus(dt));
    }
    return state(stepNumber).frame();
  }

  /** Index of the latest boundary at or before {@code time}, or -1 before the start. */
  private int indexAt(Instant time) {
    if (time.isBefore(start)) {
      return -1;
    }
    long ms = Duration.between(start, time).toMillis();
    long stepMs = step.toMillis();
    long k = ms / stepMs;
    if (k >= scenarioSteps) {
      k = scenarioSteps + Duration.between(end, time).toMillis() / stepMs;
    }
    if (k > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException(time + " is too far after the scenario start " + start);
    }
    return (int) k;
  }

  @Override
  public synchronized Geometry footprintAt(Instant time) {
    int k = indexAt(time);
    return k < 0 ? GF.createPolygon() : state(k).footprint();
  }

  @Override
  public synchronized Set<Integer> closedEdgesAt(Instant time) {
    int k = indexAt(time);
    return k < 0 ? HazardState.edges(new TreeSet<>()) : state(k).closedEdges();
  }

}
