package io.citytwin.bench.evacuation;

import io.citytwin.bench.BenchCity;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import io.citytwin.sim.evacuation.CarLinks;
import io.citytwin.sim.evacuation.LinkQueues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 * The evacuation's car model on the demo city: {@code vehicles} cars on fastest routes between
 * random pairs of nodes of Monaco's main car network (2,048 distinct routes, seed 7), leaving
 * uniformly over the first 20 minutes, simulated for 30 minutes in 1 s ticks; a car blocked for 2
 * minutes at the head of a queue is taken off the road (as MATSim's stuck time does), otherwise
 * such a load jams the whole network within minutes (Monaco's car links hold about 12,500 cars).
 * One invocation is one whole run from an empty network.
 *
 * <p>Unit: a <b>vehicle-link update</b> is one vehicle on one link for one tick (the quantity a
 * time-stepped model advances), counted as the vehicles on links at the start of every tick;
 * {@code updates} in the results is that count per second of wall time. Because the queue model
 * never touches a vehicle that cannot move, a congested network is cheap per update; {@code moves}
 * (vehicles actually passed to the next link or off the network, per second) is the stricter
 * figure. {@code naiveBaseline} runs the same load through {@link NaiveQueueModel}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Benchmark)
public class EvacuationQueueBenchmark {
  private static final int ROUTES = 2048;
  private static final double HORIZON_S = 1800;
  private static final double LOADING_S = 1200;
  /** Like MATSim's stuck time: a car blocked this long at a queue head is taken off the road. */
  private static final double ABANDON_AFTER_S = 120;

  @Param({"20000", "100000"})
  public int vehicles;

  private CarLinks links;
  private int[][] routes;
  private double[] departS;
  private LinkQueues queues;
  private NaiveQueueModel naive;

  /** Per-invocation work, reported by JMH as rates. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long updates;
    public long moves;
  }

  @Setup(Level.Trial)
  public void load() {
    CityModel city = BenchCity.model();
    Router router = new Router(city.roads());
    links = CarLinks.of(city.roads(), CarLinks.DEFAULT_VEHICLE_LENGTH_M);
    List<Integer> usable = new ArrayList<>();
    for (int n = 0; n < city.roads().nodes().size(); n++) {
      if (router.inMainNetwork(n, TravelMode.CAR)) {
        usable.add(n);
      }
    }
    Random rnd = new Random(7);
    List<int[]> pool = new ArrayList<>();
    while (pool.size() < ROUTES) {
      Optional<Route> r = router.route(usable.get(rnd.nextInt(usable.size())),
          usable.get(rnd.nextInt(usable.size())), TravelMode.CAR, Cost.TIME);
      if (r.isPresent() && !r.get().edges().isEmpty()) {
        pool.add(r.get().edges().stream().mapToInt(Integer::intValue).toArray());
      }
    }
    routes = new int[vehicles][];
    departS = new double[vehicles];
    for (int i = 0; i < vehicles; i++) {
      routes[i] = pool.get(i % ROUTES);
      departS[i] = LOADING_S * i / vehicles;
    }
  }

  @Setup(Level.Invocation)
  public void fresh() {
    queues = new LinkQueues(links, new LinkQueues.Listener() {
      @Override
      public void arrived(int vehicle, double timeS) {
      }

      @Override
      public void abandoned(int vehicle, int edge, double timeS) {
      }
    }, 7, 0, ABANDON_AFTER_S);
    for (int i = 0; i < vehicles; i++) {
      queues.add(routes[i], departS[i]);
    }
    naive = new NaiveQueueModel(links, routes, departS, ABANDON_AFTER_S);
  }

  @Benchmark
  public long linkQueues(Work work) {
    queues.advance(HORIZON_S, 1);
    work.updates += queues.vehicleLinkSteps();
    work.moves += queues.moves();
    return queues.onLinks();
  }

  @Benchmark
  public long naiveBaseline(Work work) {
    naive.run(HORIZON_S, 1);
    work.updates += naive.updates();
    work.moves += naive.moves();
    return naive.arrived();
  }
}
