package io.citytwin.sim.hazard.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.sim.hazard.grid.MetricGrid;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FloodSolverTest {
  static final double CELL = 10;

  /** A grid of land cells with the given ground heights, walls where {@code wall[c]}. */
  static FloodGrid grid(int nx, int ny, double[] ground, boolean[] wall, boolean[] sea, double[] porosity) {
    MetricGrid g = new MetricGrid(0, 0, CELL, nx, ny);
    byte[] kind = new byte[g.size()];
    for (int c = 0; c < kind.length; c++) {
      kind[c] = wall[c] ? FloodGrid.WALL : sea[c] ? FloodGrid.SEA : FloodGrid.LAND;
    }
    return new FloodGrid(g, kind, ground, porosity);
  }

  /** Random hilly terrain with random walls, partly built cells and a strip of sea on the west. */
  static FloodGrid randomTerrain(long seed, int nx, int ny) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = nx * ny;
    double[] z = new double[n];
    boolean[] wall = new boolean[n];
    boolean[] sea = new boolean[n];
    double[] phi = new double[n];
    for (int c = 0; c < n; c++) {
      int i = c % nx;
      int j = c / nx;
      z[c] = 0.5 + 0.02 * i * CELL + 0.3 * Math.sin(j / 3.0) + r.nextDouble() * 0.4;
      sea[c] = i == 0;
      wall[c] = !sea[c] && r.nextDouble() < 0.12;
      phi[c] = 0.2 + 0.8 * r.nextDouble();
    }
    return grid(nx, ny, z, wall, sea, phi);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void volumeIsConservedOverManySteps(long seed) {
    FloodGrid g = randomTerrain(seed, 40, 30);
    FloodSolver s = new FloodSolver(g, 0.03, 0);
    int[] seaCells = java.util.stream.IntStream.range(0, g.grid().size()).filter(c -> g.kind()[c] == FloodGrid.SEA).toArray();
    // The sea rises over the shore and falls back; a source pours in inland for a while.
    s.seaLevel(seaCells, Hydrograph.of(new double[] {0, 1800, 3600}, new double[] {0, 2.5, 0.2}));
    int source = firstLand(g, 25, 15);
    s.inflow(new int[] {source}, new double[] {1}, Hydrograph.of(new double[] {0, 1200, 1800}, new double[] {4, 4, 0}));
    double worst = 0;
    for (int k = 1; k <= 120; k++) {
      s.advanceTo(k * 60.0);
      double balance = s.inflowM3() - s.outflowM3();
      double err = Math.abs(s.storedM3() - balance);
      worst = Math.max(worst, err / Math.max(1, s.inflowM3()));
      for (int c = 0; c < g.grid().size(); c++) {
        assertThat(s.volume(c)).as("volume of cell %s", c).isGreaterThanOrEqualTo(-1e-9);
      }
    }
    assertThat(s.inflowM3()).isGreaterThan(1000);
    assertThat(s.outflowM3()).isGreaterThan(0); // the falling sea drained some of it back
    assertThat(worst).isLessThan(1e-12);
  }

  static int firstLand(FloodGrid g, int i, int j) {
    for (int c = g.grid().index(i, j); ; c++) {
      if (g.kind()[c] == FloodGrid.LAND) {
        return c;
      }
    }
  }

  @Test
  void waterNeverReachesCellsWalledOffFromTheSource() {
    int nx = 30;
    int ny = 30;
    double[] z = new double[nx * ny];
    boolean[] wall = new boolean[nx * ny];
    double[] phi = new double[nx * ny];
    Arrays.fill(phi, 1);
    for (int c = 0; c < z.length; c++) {
      int i = c % nx;
      int j = c / nx;
      z[c] = 5 - 0.01 * Math.hypot(i - 5, j - 5); // the enclosure lies downhill of the source
      boolean ring = (i == 15 || i == 25) && j >= 15 && j <= 25 || (j == 15 || j == 25) && i >= 15 && i <= 25;
      wall[c] = ring;
    }
    FloodGrid g = grid(nx, ny, z, wall, new boolean[nx * ny], phi);
    FloodSolver s = new FloodSolver(g, 0.03, 0);
    s.inflow(new int[] {g.grid().index(5, 5)}, new double[] {1}, Hydrograph.constant(20));
    s.advanceTo(6 * 3600);
    boolean[] reachable = reachable(g, g.grid().index(5, 5));
    int wetOutside = 0;
    for (int c = 0; c < z.length; c++) {
      if (!reachable[c]) {
        assertThat(s.volume(c)).as("cell %s, walled off", c).isZero();
      } else if (s.depth(c) > 0.01) {
        wetOutside++;
      }
    }
    assertThat(wetOutside).isGreaterThan(500); // the rest of the grid did flood
    assertThat(s.storedM3()).isCloseTo(20 * 6 * 3600, within(1e-6));
  }

  /** Land cells 4-connected to {@code from} through land cells. */
  static boolean[] reachable(FloodGrid g, int from) {
    int nx = g.grid().nx();
    boolean[] seen = new boolean[g.grid().size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    seen[from] = true;
    queue.add(from);
    while (!queue.isEmpty()) {
      int c = queue.poll();
      int i = c % nx;
      int j = c / nx;
      int[][] next = {{i + 1, j}, {i - 1, j}, {i, j + 1}, {i, j - 1}};
      for (int[] p : next) {
        if (p[0] >= 0 && p[1] >= 0 && p[0] < nx && p[1] < g.grid().ny()) {
          int d = g.grid().index(p[0], p[1]);
          if (!seen[d] && g.kind()[d] == FloodGrid.LAND) {
            seen[d] = true;
            queue.add(d);
          }
        }
      }
    }
    return seen;
  }

  @Test
  void waterInAClosedFlatBasinSettlesToALevelSurface() {
    int nx = 20;
    int ny = 10;
    double[] z = new double[nx * ny];
    double[] phi = new double[nx * ny];
    Arrays.fill(phi, 1);
    FloodGrid g = grid(nx, ny, z, new boolean[nx * ny], new boolean[nx * ny], phi);
    FloodSolver s = new FloodSolver(g, 0.03, 0);
    // 2000 m3 poured into one corner in 10 minutes; the basin is 200 m x 100 m.
    s.inflow(new int[] {0}, new double[] {1}, Hydrograph.of(new double[] {0, 600, 601}, new double[] {2000 / 600.0, 2000 / 600.0, 0}));
    s.advanceTo(3 * 3600);
    double level = s.storedM3() / (nx * ny * CELL * CELL);
    for (int c = 0; c < z.length; c++) {
      assertThat(s.depth(c)).isCloseTo(level, within(0.005));
    }
    assertThat(s.storedM3()).isCloseTo(s.inflowM3(), within(1e-9));
  }

  @Test
  void theSeaFloodsOnlyGroundBelowItsLevel() {
    int nx = 30;
    int ny = 5;
    double[] z = new double[nx * ny];
    boolean[] sea = new boolean[nx * ny];
    double[] phi = new double[nx * ny];
    Arrays.fill(phi, 1);
    for (int c = 0; c < z.length; c++) {
      int i = c % nx;
      sea[c] = i == 0;
      z[c] = 1 + 0.1 * i; // ground rises 1 m per cell from 1.1 m
    }
    FloodGrid g = grid(nx, ny, z, new boolean[nx * ny], sea, phi);
    FloodSolver s = new FloodSolver(g, 0.03, 0);
    s.seaLevel(java.util.stream.IntStream.range(0, nx * ny).filter(c -> sea[c]).toArray(), Hydrograph.constant(1.55));
    s.advanceTo(7200);
    for (int c = 0; c < z.length; c++) {
      if (!sea[c]) {
        if (z[c] < 1.55 - 0.01) {
          assertThat(s.depth(c) + z[c]).as("surface at cell %s", c).isCloseTo(1.55, within(0.01));
        } else {
          assertThat(s.depth(c)).as("dry cell %s above the sea", c).isLessThan(0.01);
        }
      }
    }
  }
}
