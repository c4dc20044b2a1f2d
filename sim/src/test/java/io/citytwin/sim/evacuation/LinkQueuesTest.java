package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.road.RoadGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkQueuesTest {
  private static final double NEVER = Double.POSITIVE_INFINITY;

  /** Records arrival and abandonment times by vehicle. */
  private static final class Log implements LinkQueues.Listener {
    final Map<Integer, Double> arrived = new HashMap<>();
    final List<Double> arrivalTimes = new ArrayList<>();
    final Map<Integer, Double> abandoned = new HashMap<>();

    @Override
    public void arrived(int vehicle, double timeS) {
      arrived.put(vehicle, timeS);
      arrivalTimes.add(timeS);
    }

    @Override
    public void abandoned(int vehicle, int edge, double timeS) {
      abandoned.put(vehicle, timeS);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.25, 1, 10, 60})
  void aCarAloneTakesExactlyItsFreeFlowTimeWhateverTheTick(double tick) {
    TestGraphs g = TestGraphs.nodes(6);
    double[][] spec = {{120, 50}, {3.2, 30}, {410, 90}, {0.7, 20}, {57, 36}};
    int[] route = new int[spec.length];
    double expected = 0;
    for (int i = 0; i < spec.length; i++) {
      route[i] = g.edge(i, i + 1, spec[i][0], spec[i][1], 1, 900);
      expected += spec[i][0] / (spec[i][1] / 3.6);
    }
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, 1, 0, NEVER);
    int v = q.add(route, 3.7);
    q.advance(200, tick);
    assertThat(log.arrived.get(v)).isCloseTo(3.7 + expected, within(1e-9));
    assertThat(q.moves()).isEqualTo(route.length);
  }

  @Test
  void aSaturatedBottleneckDischargesAtItsFlowCapacity() {
    TestGraphs g = TestGraphs.nodes(4);
    int approach = g.edge(0, 1, 3000, 50, 3, 6000);
    int bottleneck = g.edge(1, 2, 200, 50, 1, 600);
    int away = g.edge(2, 3, 1000, 50, 3, 6000);
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, 1, 0, NEVER);
    for (int i = 0; i < 800; i++) {
      q.add(new int[] {approach, bottleneck, away}, 0);
    }
    q.advance(4 * 3600, 1);
    assertThat(log.arrived).hasSize(800);
    // Reference: the bottleneck edge's capacity, 600 vehicles per hour. Downstream is 10 times
    // wider, so arrivals downstream replay the bottleneck's exits shifted by a constant time.
    List<Double> t = log.arrivalTimes;
    double from = t.get(50);
    long inOneHour = t.stream().filter(x -> x >= from && x < from + 3600).count();
    assertThat(inOneHour).isBetween(599L, 601L);
    assertThat(t.get(750) - t.get(50)).isCloseTo(700 * 3600.0 / 600, within(1e-6));
  }

  @Test
  void queuesSpillBackButNeverOverfillALink() {
    TestGraphs g = TestGraphs.nodes(4);
    int approach = g.edge(0, 1, 75, 50, 1, 2000); // storage 10
    int bottleneck = g.edge(1, 2, 30, 50, 1, 300); // storage 4
    int away = g.edge(2, 3, 500, 50, 2, 4000);
    CarLinks links = CarLinks.of(g.graph(), 7.5);
    assertThat(links.storage(approach)).isEqualTo(10);
    assertThat(links.storage(bottleneck)).isEqualTo(4);
    LinkQueues q = new LinkQueues(links, new Log(), 1, 0, NEVER);
    for (int i = 0; i < 60; i++) {
      q.add(new int[] {approach, bottleneck, away}, i * 2.0);
    }
    int fullApproach = 0;
    for (int s = 1; s <= 1200; s++) {
      q.advance(s, 1);
      for (int e = 0; e < links.size(); e++) {
        assertThat(q.occupancy(e)).isLessThanOrEqualTo(links.storage(e));
      }
      fullApproach += q.occupancy(approach) == 10 ? 1 : 0;
      if (s == 300) {
        assertThat(q.occupancy(bottleneck)).isEqualTo(4);
        assertThat(q.waiting()).isPositive();
      }
    }
    assertThat(fullApproach).as("seconds with the approach full").isPositive();
  }

  @Test
  void nobodyEntersAClosedLinkUntilItReopens() {
    TestGraphs g = TestGraphs.nodes(3);
    int a = g.edge(0, 1, 100, 36, 1, 1000);
    int b = g.edge(1, 2, 100, 36, 1, 1000);
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, 1, 0, NEVER);
    int v = q.add(new int[] {a, b}, 0);
    BitSet closed = new BitSet();
    closed.set(b);
    q.setClosed(closed);
    q.advance(100, 1);
    assertThat(q.currentEdge(v)).isEqualTo(a);
    assertThat(q.queued(a, 100)).isEqualTo(1);
    q.setClosed(new BitSet());
    q.advance(200, 1);
    assertThat(log.arrived.get(v)).isCloseTo(110, within(1e-9));
  }

  @Test
  void aCarBlockedLongerThanTheLimitIsAbandonedWithoutOverfillingAnything() {
    TestGraphs g = TestGraphs.nodes(3);
    int a = g.edge(0, 1, 100, 36, 1, 1000);
    int b = g.edge(1, 2, 100, 36, 1, 1000);
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, 1, 0, 60);
    int v = q.add(new int[] {a, b}, 0);
    BitSet closed = new BitSet();
    closed.set(b);
    q.setClosed(closed);
    q.advance(300, 1);
    // At the end of `a` at 10 s, blocked from then on: given up at 70 s.
    assertThat(log.abandoned.get(v)).isCloseTo(70, within(1e-9));
    assertThat(q.state(v)).isEqualTo(LinkQueues.State.ABANDONED);
    assertThat(q.occupancy(a)).isZero();
  }

  @Test
  void reroutingKeepsTheCurrentLinkAndFollowsTheNewWayAhead() {
    TestGraphs g = TestGraphs.nodes(4);
    int a = g.edge(0, 1, 100, 36, 1, 1000);
    int b = g.edge(1, 2, 100, 36, 1, 1000);
    int c = g.edge(1, 3, 300, 36, 1, 1000);
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, 1, 0, NEVER);
    int v = q.add(new int[] {a, b}, 0);
    q.advance(5, 1);
    q.reroute(v, new int[] {c});
    q.advance(100, 1);
    assertThat(log.arrived.get(v)).isCloseTo(40, within(1e-9));
    assertThatThrownBy(() -> q.add(new int[] {a, c, b}, 200)).hasMessageContaining("not consecutive");
    assertThatThrownBy(() -> q.add(new int[] {a}, 1)).hasMessageContaining("before the current time");
  }

  @Test
  void theSameSeedGivesTheSameArrivalsAndCompetingStreamsShareTheMerge() {
    List<Double> first = merge(7);
    assertThat(merge(7)).isEqualTo(first);
    assertThat(merge(8)).isNotEqualTo(first);
  }

  /** Two streams merging into one narrow link; arrival times of all vehicles, by vehicle id. */
  private static List<Double> merge(long seed) {
    TestGraphs g = TestGraphs.nodes(5);
    int west = g.edge(0, 2, 300, 50, 1, 1800);
    int east = g.edge(1, 2, 300, 50, 1, 1800);
    int merge = g.edge(2, 3, 100, 50, 1, 900);
    int out = g.edge(3, 4, 300, 50, 2, 3600);
    Log log = new Log();
    LinkQueues q = new LinkQueues(CarLinks.of(g.graph(), 7.5), log, seed, 0, NEVER);
    for (int i = 0; i < 100; i++) {
      q.add(new int[] {i % 2 == 0 ? west : east, merge, out}, i * 0.5);
    }
    q.advance(3600, 1);
    List<Double> times = new ArrayList<>();
    for (int v = 0; v < 100; v++) {
      times.add(log.arrived.get(v));
    }
    long westFirstHalf = java.util.stream.IntStream.range(0, 100).filter(v -> v % 2 == 0)
        .filter(v -> log.arrived.get(v) < times.stream().sorted().toList().get(49)).count();
    assertThat(westFirstHalf).as("west-stream cars among the first 49 arrivals").isBetween(15L, 34L);
    return times;
  }

  @Test
  void storageAndCapacityFollowTheDocumentedFormulas() {
    TestGraphs g = TestGraphs.nodes(3);
    int e = g.edge(0, 1, 52.4, 50, 2, 1800);
    int tiny = g.edge(1, 2, 0.7, 30, 1, 0);
    RoadGraph graph = g.graph();
    CarLinks links = CarLinks.of(graph, 7.5);
    assertThat(links.storage(e)).isEqualTo(13); // floor(52.4 * 2 / 7.5) = floor(13.97)
    assertThat(links.storage(tiny)).isEqualTo(1);
    assertThat(links.capacityVehPerHour(e)).isEqualTo(1800);
    assertThat(links.capacityVehPerHour(tiny)).isEqualTo(CarLinks.FALLBACK_CAPACITY_PER_LANE);
    assertThat(links.headwayS(e)).isCloseTo(2.0, within(1e-12));
    assertThat(links.freeFlowS(e)).isCloseTo(52.4 / (50 / 3.6), within(1e-12));
    assertThat(CarLinks.of(graph, 5).storage(e)).isEqualTo(20);
  }
}
