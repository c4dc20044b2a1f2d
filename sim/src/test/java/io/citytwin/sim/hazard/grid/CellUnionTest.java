package io.citytwin.sim.hazard.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

class CellUnionTest {
  static final GeometryFactory GF = new GeometryFactory();

  /** The union must be valid, cover exactly the set cells' area and contain exactly their centres. */
  static void checkExact(MetricGrid g, boolean[] mask) {
    Geometry u = CellUnion.of(g, mask, GF);
    assertThat(u.isValid()).isTrue();
    int set = 0;
    IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(u);
    for (int j = 0; j < g.ny(); j++) {
      for (int i = 0; i < g.nx(); i++) {
        boolean inside = in.locate(new Coordinate(g.centreX(i), g.centreY(j))) == Location.INTERIOR;
        assertThat(inside).as("cell %s,%s", i, j).isEqualTo(mask[g.index(i, j)]);
        set += mask[g.index(i, j)] ? 1 : 0;
      }
    }
    assertThat(u.getArea()).isCloseTo(set * g.cellArea(), within(1e-6));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.7, 0.9})
  void randomSetsOfCellsBecomeExactValidPolygons(double density) {
    SplittableRandom r = new SplittableRandom((long) (density * 1000));
    for (int n = 0; n < 20; n++) {
      MetricGrid g = new MetricGrid(1000 * r.nextDouble(), -500, 1 + 9 * r.nextDouble(), 5 + r.nextInt(30), 5 + r.nextInt(30));
      boolean[] mask = new boolean[g.size()];
      for (int c = 0; c < mask.length; c++) {
        mask[c] = r.nextDouble() < density;
      }
      checkExact(g, mask);
    }
  }

  @Test
  void checkerboardsRingsAndHolesStayExact() {
    MetricGrid g = new MetricGrid(0, 0, 10, 9, 9);
    boolean[] checker = new boolean[g.size()];
    boolean[] ring = new boolean[g.size()];
    for (int j = 0; j < 9; j++) {
      for (int i = 0; i < 9; i++) {
        checker[g.index(i, j)] = (i + j) % 2 == 0;
        // A square ring with an island in its hole and a corner-only link to the outside.
        ring[g.index(i, j)] = (i == 1 || i == 7 || j == 1 || j == 7) && i >= 1 && i <= 7 && j >= 1 && j <= 7 || (i == 4 && j == 4);
      }
    }
    ring[g.index(1, 1)] = false;
    ring[g.index(0, 0)] = true;
    checkExact(g, checker);
    checkExact(g, ring);
    Geometry r = CellUnion.of(g, ring, GF);
    assertThat(r.getArea()).isEqualTo(100.0 * (24 - 1 + 1 + 1));
    assertThat(CellUnion.of(g, new boolean[g.size()], GF).isEmpty()).isTrue();
  }
}
