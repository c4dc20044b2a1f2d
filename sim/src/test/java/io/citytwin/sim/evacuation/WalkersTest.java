package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkersTest {

  @Test
  void weidmannSpeedsMatchThePublishedRelation() {
    // v = 1.34 (1 - exp(-1.913 (1/rho - 1/5.4))), evaluated by hand:
    // rho = 1: 1.34 (1 - exp(-1.55874)) = 1.0579; rho = 2: 1.34 (1 - exp(-0.60226)) = 0.6062;
    // rho = 4: 1.34 (1 - exp(-0.12401)) = 0.1562.
    assertThat(Walkers.speed(1, 1.34)).isCloseTo(1.0579, within(5e-4));
    assertThat(Walkers.speed(2, 1.34)).isCloseTo(0.6062, within(5e-4));
    assertThat(Walkers.speed(4, 1.34)).isCloseTo(0.1562, within(5e-4));
    assertThat(Walkers.speed(0, 1.34)).isEqualTo(1.34);
    assertThat(Walkers.speed(5.4, 1.34)).isEqualTo(Walkers.MIN_SPEED_MPS);
    assertThat(Walkers.speed(9, 1.34)).isEqualTo(Walkers.MIN_SPEED_MPS);
  }

  @Test
  void aLoneWalkerTakesLengthOverFreeSpeedEvenWithDensityOn() {
    TestGraphs g = TestGraphs.nodes(4);
    int a = g.edge(0, 1, 250, 30, 1, 500);
    int b = g.edge(2, 1, 3.5, 30, 1, 500); // walked against its direction
    int c = g.edge(2, 3, 97, 30, 1, 500);
    Map<Integer, Double> arrived = new HashMap<>();
    Walkers w = new Walkers(g.graph(), 1.34, 2.0, true, arrived::put, 0);
    int id = w.add(new int[] {a, b, c}, new int[] {0, 1, 2, 3}, 12.5);
    w.advance(1000, 1);
    assertThat(arrived.get(id)).isCloseTo(12.5 + (250 + 3.5 + 97) / 1.34, within(1e-9));
  }

  @Test
  void aCrowdOnANarrowWalkwayIsSlowerThanTheSameCrowdOnAWideOne() {
    double narrow = lastArrival(1.0, true);
    double wide = lastArrival(10.0, true);
    double free = lastArrival(1.0, false);
    assertThat(free).isCloseTo(200 / 1.34, within(1e-9));
    assertThat(wide).isGreaterThan(free);
    assertThat(narrow).isGreaterThan(wide * 1.5);
  }

  private static double lastArrival(double width, boolean density) {
    TestGraphs g = TestGraphs.nodes(2);
    int e = g.edge(0, 1, 200, 30, 1, 500);
    double[] last = {0};
    Walkers w = new Walkers(g.graph(), 1.34, width, density, (id, t) -> last[0] = Math.max(last[0], t), 0);
    for (int i = 0; i < 400; i++) {
      w.add(new int[] {e}, new int[] {0, 1}, 0);
    }
    w.advance(20_000, 1);
    assertThat(w.walking()).isZero();
    return last[0];
  }

  @Test
  void reroutingContinuesFromTheNodeTheWalkerIsHeadingFor() {
    TestGraphs g = TestGraphs.nodes(4);
    int a = g.edge(0, 1, 134, 30, 1, 500);
    int b = g.edge(1, 2, 134, 30, 1, 500);
    int c = g.edge(3, 1, 268, 30, 1, 500);
    Map<Integer, Double> arrived = new HashMap<>();
    Walkers w = new Walkers(g.graph(), 1.34, 2.0, false, arrived::put, 0);
    int id = w.add(new int[] {a, b}, new int[] {0, 1, 2}, 0);
    w.advance(50, 1);
    assertThat(w.nextNode(id)).isEqualTo(1);
    assertThatThrownBy(() -> w.reroute(id, new int[] {b}, new int[] {2, 1})).hasMessageContaining("walks towards node 1");
    w.reroute(id, new int[] {c}, new int[] {1, 3});
    w.advance(1000, 1);
    assertThat(arrived.get(id)).isCloseTo(300, within(1e-9));
    assertThatThrownBy(() -> w.add(new int[] {a}, new int[] {1, 2}, 2000)).hasMessageContaining("not a walkway");
  }
}
