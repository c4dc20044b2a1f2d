package io.citytwin.sim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citytwin.sim.run.RunResult.Outcome;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class ScenarioRunTest {
  private static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
  private static final GeometryFactory GF = new GeometryFactory();

  static Scenario scenario(Duration duration, Duration step) {
    Point p = GF.createPoint(new Coordinate(7.42, 43.73));
    return new Scenario("t", "test", ScenarioType.FLOOD, Scenario.Mode.FORECAST, new Site(p, p, null), START, duration,
        step, 1, new Params("t.json", "parameters", JsonNodeFactory.instance.objectNode()), List.of(), "t.json");
  }

  /** Counts steps: metric {@code level} = step number, finished when {@code done} says so. */
  static class Counter implements SimulationModel {
    final List<Instant> calledAt = new ArrayList<>();
    final List<Duration> dts = new ArrayList<>();
    final IntPredicate done;
    int steps;

    Counter(IntPredicate done) {
      this.done = done;
    }

    @Override
    public List<Metric> metrics() {
      return List.of(new Metric("level", "m", "steps so far"), new Metric("half", "m", "half of it"));
    }

    @Override
    public Frame step(int step, Instant time, Duration dt) {
      calledAt.add(time);
      dts.add(dt);
      steps = step;
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("level", (double) step);
      m.put("half", step / 2.0);
      return new Frame(step, time.plus(dt), m, Map.of(), List.of());
    }

    @Override
    public boolean finished() {
      return done.test(steps);
    }

    @Override
    public Map<String, Object> summary() {
      return Map.of("steps", steps);
    }
  }

  /** Records what a listener is told. */
  static final class Recording implements RunListener {
    final List<String> events = new ArrayList<>();
    RunResult result;

    @Override
    public void started(Scenario scenario, List<Metric> metrics) {
      events.add("started " + metrics.size());
    }

    @Override
    public void frame(Frame frame) {
      events.add("frame " + frame.step());
    }

    @Override
    public void finished(RunResult r) {
      result = r;
      events.add("finished " + r.outcome());
    }

    @Override
    public void aborted(Throwable cause) {
      events.add("aborted");
    }
  }

  @Test
  void stepsFromTheStartAndShortensTheLastStepToEndOnTheDuration() {
    Counter model = new Counter(s -> false);
    Recording rec = new Recording();
    RunResult r = new ScenarioRun(scenario(Duration.ofMinutes(62), Duration.ofMinutes(5)), model, List.of(rec)).run();
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(r.stepsRun()).isEqualTo(13);
    assertThat(model.calledAt.get(0)).isEqualTo(START);
    assertThat(model.calledAt.get(12)).isEqualTo(START.plus(Duration.ofMinutes(60)));
    assertThat(model.dts.subList(0, 12)).containsOnly(Duration.ofMinutes(5));
    assertThat(model.dts.get(12)).isEqualTo(Duration.ofMinutes(2));
    assertThat(r.end()).isEqualTo(START.plus(Duration.ofMinutes(62)));
    assertThat(rec.events).hasSize(15).startsWith("started 2", "frame 1").endsWith("frame 13", "finished COMPLETED");
  }

  @Test
  void theResultHoldsEveryMetricOverTimeAndTheModelsSummary() {
    RunResult r = new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(10)), new Counter(s -> false),
        List.of()).run();
    assertThat(r.series().size()).isEqualTo(6);
    assertThat(r.series().values("level")).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(r.series().values("half")).containsExactly(0.5, 1, 1.5, 2, 2.5, 3);
    assertThat(r.series().time(5)).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(r.summary()).containsEntry("steps", 6L);
    assertThatThrownBy(() -> r.series().values("nope")).hasMessageContaining("no metric 'nope'");
  }

  @Test
  void stopsWhenTheModelHasFinished() {
    RunResult r = new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), new Counter(s -> s >= 7),
        List.of()).run();
    assertThat(r.outcome()).isEqualTo(Outcome.FINISHED_EARLY);
    assertThat(r.stepsRun()).isEqualTo(7);
    assertThat(r.end()).isEqualTo(START.plus(Duration.ofMinutes(7)));
  }

  @Test
  void finishingOnTheLastStepIsACompletedRun() {
    RunResult r = new ScenarioRun(scenario(Duration.ofMinutes(5), Duration.ofMinutes(1)), new Counter(s -> s >= 5),
        List.of()).run();
    assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void cancelStopsBeforeTheNextStepAndStillFinishesTheListeners() {
    AtomicReference<ScenarioRun> run = new AtomicReference<>();
    Recording rec = new Recording();
    RunListener canceller = frame -> {
      if (frame.step() == 4) {
        run.get().cancel();
      }
    };
    run.set(new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), new Counter(s -> false),
        List.of(canceller, rec)));
    RunResult r = run.get().run();
    assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(r.stepsRun()).isEqualTo(4);
    assertThat(rec.result).isNotNull();
    assertThat(rec.events).endsWith("frame 4", "finished CANCELLED");
  }

  @Test
  void anInterruptedThreadCancelsTheRun() {
    Thread.currentThread().interrupt();
    try {
      RunResult r = new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), new Counter(s -> false),
          List.of()).run();
      assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
      assertThat(r.stepsRun()).isZero();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aRunRunsOnce() {
    ScenarioRun run = new ScenarioRun(scenario(Duration.ofMinutes(2), Duration.ofMinutes(1)), new Counter(s -> false),
        List.of());
    run.run();
    assertThatThrownBy(run::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("runs once");
  }

  /** A model that breaks the contract at step 3 in the given way. */
  static SimulationModel breaking(String how) {
    return new Counter(s -> false) {
      @Override
      public Frame step(int step, Instant time, Duration dt) {
        Frame ok = super.step(step, time, dt);
        if (step < 3) {
          return ok;
        }
        Map<String, Double> m = new LinkedHashMap<>(ok.metrics());
        Map<String, Geometry> fp = new LinkedHashMap<>();
        switch (how) {
          case "step" -> {
            return new Frame(step + 1, ok.time(), m, fp, List.of());
          }
          case "time" -> {
            return new Frame(step, time, m, fp, List.of());
          }
          case "undeclared" -> m.put("depth", 1.0);
          case "missing" -> m.remove("half");
          case "null footprint" -> fp.put("plume", null);
          case "throws" -> throw new IllegalStateException("division by zero in cell 17");
          default -> throw new AssertionError(how);
        }
        return new Frame(step, ok.time(), m, fp, List.of());
      }
    };
  }

  @Test
  void aModelBreakingTheContractFailsTheRunNamingTheStepAndAbortsTheListeners() {
    Map<String, String> expected = Map.of(
        "step", "returned the frame of step 4 at 2026-11-24T06:03:00Z, expected step 3 at 2026-11-24T06:03:00Z",
        "time", "returned the frame of step 3 at 2026-11-24T06:02:00Z, expected step 3 at 2026-11-24T06:03:00Z",
        "undeclared", "differ from its declaration (missing [], undeclared [depth])",
        "missing", "differ from its declaration (missing [half], undeclared [])",
        "null footprint", "null footprint 'plume'",
        "throws", "step 3 failed: java.lang.IllegalStateException: division by zero in cell 17");
    expected.forEach((how, message) -> {
      Recording rec = new Recording();
      ScenarioRun run = new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), breaking(how), List.of(rec));
      assertThatThrownBy(run::run).as(how).isInstanceOf(SimulationException.class)
          .hasMessageStartingWith("scenario t: ").hasMessageContaining(message)
          .satisfies(e -> assertThat(((SimulationException) e).step()).isEqualTo(3));
      assertThat(rec.events).as(how).endsWith("frame 2", "aborted");
    });
  }

  @Test
  void aFailingListenerStopsTheRunAndTheOthersAreAborted() {
    Recording rec = new Recording();
    RunListener full = frame -> {
      if (frame.step() == 2) {
        throw new IllegalStateException("disk full");
      }
    };
    ScenarioRun run = new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), new Counter(s -> false),
        List.of(rec, full));
    assertThatThrownBy(run::run).isInstanceOf(SimulationException.class).hasMessageContaining("step 2 failed")
        .hasMessageContaining("disk full");
    assertThat(rec.events).endsWith("frame 2", "aborted");
  }

  @Test
  void aParameterTheModelRefusesLateIsReportedAsTheScenariosFault() {
    SimulationModel model = new Counter(s -> false) {
      @Override
      public Frame step(int step, Instant time, Duration dt) {
        throw new ScenarioInputException("t.json", "interventions[0].parameters.road", "no road 'w1' in Monaco");
      }
    };
    assertThatThrownBy(new ScenarioRun(scenario(Duration.ofHours(1), Duration.ofMinutes(1)), model, List.of())::run)
        .isInstanceOf(ScenarioInputException.class).hasMessageContaining("interventions[0].parameters.road");
  }

  @Test
  void aSummaryThatCannotBeWrittenNamesTheValue() {
    SimulationModel model = new Counter(s -> false) {
      @Override
      public Map<String, Object> summary() {
        return Map.of("peak", Map.of("where", new Object()));
      }
    };
    assertThatThrownBy(new ScenarioRun(scenario(Duration.ofMinutes(2), Duration.ofMinutes(1)), model, List.of())::run)
        .isInstanceOf(SimulationException.class).hasMessageContaining("summary value at 'summary.peak.where'");
  }

  @Test
  void aMetricDeclaredTwiceIsRefusedBeforeTheFirstStep() {
    SimulationModel model = new Counter(s -> false) {
      @Override
      public List<Metric> metrics() {
        return List.of(new Metric("level", "m", ""), new Metric("level", "m", ""));
      }
    };
    assertThatThrownBy(new ScenarioRun(scenario(Duration.ofMinutes(2), Duration.ofMinutes(1)), model, List.of())::run)
        .isInstanceOf(SimulationException.class).hasMessageContaining("declares the metric 'level' twice");
  }
}
