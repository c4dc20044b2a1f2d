package io.citytwin.bench;

import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.Cost;
import io.citytwin.geo.road.RoadClosures;
import io.citytwin.geo.road.Route;
import io.citytwin.geo.road.Router;
import io.citytwin.geo.road.TravelMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shortest paths on the demo city's road graph: A* against plain Dijkstra (the baseline) for the
 * same random origin-destination pairs (seed 7) drawn from each mode's main network, plus the
 * dispatch query "which of N units arrives first" and position snapping.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RoutingBenchmark {
  private static final int PAIRS = 1024;
  private static final int UNITS = 8;

  private Router router;
  private int[][] carPairs;
  private int[][] footPairs;
  private List<Integer> units;
  private double[][] positions;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    CityModel city = BenchCity.model();
    router = new Router(city.roads());
    Random rnd = new Random(7);
    carPairs = pairs(TravelMode.CAR, rnd);
    footPairs = pairs(TravelMode.FOOT, rnd);
    units = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      units.add(carPairs[i][0]);
    }
    var box = city.boundary().getEnvelopeInternal();
    positions = new double[PAIRS][];
    for (int i = 0; i < PAIRS; i++) {
      positions[i] =
          new double[] {
            box.getMinX() + rnd.nextDouble() * box.getWidth(),
            box.getMinY() + rnd.nextDouble() * box.getHeight()
          };
    }
  }

  private int[][] pairs(TravelMode mode, Random rnd) {
    int n = router.graph().nodes().size();
    List<Integer> usable = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (router.inMainNetwork(i, mode)) {
        usable.add(i);
      }
    }
    int[][] out = new int[PAIRS][];
    for (int i = 0; i < PAIRS; i++) {
      out[i] = new int[] {usable.get(rnd.nextInt(usable.size())), usable.get(rnd.nextInt(usable.size()))};
    }
    return out;
  }

  private int slot() {
    return next++ & (PAIRS - 1);
  }

  @Benchmark
  public Route carTimeAStar() {
    int[] p = carPairs[slot()];
    return router.route(p[0], p[1], TravelMode.CAR, Cost.TIME, RoadClosures.none()).orElse(null);
  }

  /** Baseline for {@link #carTimeAStar}. */
  @Benchmark
  public Route carTimeDijkstra() {
    int[] p = carPairs[slot()];
    return router.routeDijkstra(p[0], p[1], TravelMode.CAR, Cost.TIME, RoadClosures.none()).orElse(null);
  }

  @Benchmark
  public Route footDistanceAStar() {
    int[] p = footPairs[slot()];
    return router.route(p[0], p[1], TravelMode.FOOT, Cost.DISTANCE, RoadClosures.none()).orElse(null);
  }

  /** Baseline for {@link #footDistanceAStar}. */
  @Benchmark
  public Route footDistanceDijkstra() {
    int[] p = footPairs[slot()];
    return router.routeDijkstra(p[0], p[1], TravelMode.FOOT, Cost.DISTANCE, RoadClosures.none()).orElse(null);
  }

  /** Which of 8 units reaches a random incident node first (one backward Dijkstra). */
  @Benchmark
  public Route nearestOfEightUnits() {
    int[] p = carPairs[slot()];
    return router.nearestOriginByTravelTime(units, p[1], TravelMode.CAR, RoadClosures.none()).orElse(null);
  }

  @Benchmark
  public Object snapToCarNetwork() {
    double[] p = positions[slot()];
    return router.snap(p[0], p[1], TravelMode.CAR).orElse(null);
  }
}
