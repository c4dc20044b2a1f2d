package io.citytwin.bench.epidemic;

import io.citytwin.sim.epidemic.EpidemicModel;
import io.citytwin.sim.epidemic.EpidemicSetup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Person-days per second of the epidemic model: one operation is a whole 120-day epidemic (default
 * parameters, 50 first cases) on Monaco's population scaled to {@code agents}, frames included,
 * from a fresh model on a population prepared once per trial. The {@code personDays} counter
 * (agents x days per operation) is the figure of merit. Baselines in the same run: homogeneous
 * mixing (same engine, no household/school/work structure) and {@link NaiveEpidemic}, an
 * object-per-agent implementation of the same rules. Every fork runs with a 1 GB heap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
public class EpidemicBenchmark {

  /** Person-days simulated, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long personDays;
  }

  @State(Scope.Benchmark)
  public static class Prepared {
    @Param({"100000", "1000000"})
    public int agents;

    @Param({"structured", "homogeneous"})
    public String mixing;

    @Param({"1", "2"})
    public int threads;

    EpidemicSetup setup;
    EpidemicModel model;

    @Setup(Level.Trial)
    public void prepare() {
      setup = BenchEpidemic.prepare(agents, mixing);
    }

    @Setup(Level.Invocation)
    public void freshRun() {
      model = setup.newModel(threads);
    }
  }

  @Benchmark
  public double epidemic(Prepared p, Work work) {
    Duration day = Duration.ofDays(1);
    double dead = 0;
    for (int k = 1; k <= BenchEpidemic.DAYS; k++) {
      dead = p.model.step(k, BenchEpidemic.START.plus(day.multipliedBy(k - 1)), day).metrics().get("dead");
    }
    work.personDays += (long) p.agents * BenchEpidemic.DAYS;
    return dead;
  }

  @State(Scope.Benchmark)
  public static class Naive {
    @Param({"100000"})
    public int naiveAgents;

    EpidemicSetup setup;
    NaiveEpidemic model;

    @Setup(Level.Trial)
    public void prepare() {
      setup = BenchEpidemic.prepare(naiveAgents, "structured");
    }

    @Setup(Level.Invocation)
    public void freshRun() {
      model = new NaiveEpidemic(setup.population(), 2026, 50);
    }
  }

  /** Baseline: objects per agent and place, a random draw and an exp() per susceptible per day. */
  @Benchmark
  public long naiveObjectPerAgent(Naive n, Work work) {
    for (int k = 0; k < BenchEpidemic.DAYS; k++) {
      n.model.day();
    }
    work.personDays += (long) n.naiveAgents * BenchEpidemic.DAYS;
    return n.model.infected();
  }
}
