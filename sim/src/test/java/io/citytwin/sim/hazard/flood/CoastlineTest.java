package io.citytwin.sim.hazard.flood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.sim.hazard.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class CoastlineTest {
  static final GeometryFactory GF = new GeometryFactory();

  static LineString line(double... xy) {
    Coordinate[] c = new Coordinate[xy.length / 2];
    for (int i = 0; i < c.length; i++) {
      c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return GF.createLineString(c);
  }

  @Test
  void theWaterIsOnTheRightOfTheCoastlineEvenWhenItStopsShortOfTheRegion() {
    // Coastline running north along x = 5 (land left = west, water right = east), in two ways,
    // stopping 1 unit inside the 10 x 10 region at both ends.
    List<LineString> coast = List.of(line(5, 1, 5, 5), line(5, 5, 5, 9));
    Geometry sea = Coastline.sea(coast, new Envelope(0, 10, 0, 10), GF);
    assertThat(sea.getArea()).isCloseTo(50, within(1e-9));
    assertThat(sea.contains(GF.createPoint(new Coordinate(7, 5)))).isTrue();
    assertThat(sea.contains(GF.createPoint(new Coordinate(3, 5)))).isFalse();
    // The same line reversed puts the sea on the other side.
    Geometry west = Coastline.sea(List.of(line(5, 9, 5, 1)), new Envelope(0, 10, 0, 10), GF);
    assertThat(west.contains(GF.createPoint(new Coordinate(3, 5)))).isTrue();
  }

  @Test
  void anIslandIsLand() {
    // A closed ring drawn counter-clockwise: land on the left is its inside.
    Geometry sea = Coastline.sea(List.of(line(0, 5, 10, 5), line(4, 6, 6, 6, 6, 8, 4, 8, 4, 6)),
        new Envelope(0, 10, 0, 10), GF);
    assertThat(sea.contains(GF.createPoint(new Coordinate(2, 2)))).isTrue(); // right of the west-east line
    assertThat(sea.contains(GF.createPoint(new Coordinate(5, 7)))).isFalse();
  }

  @Test
  void monacosHarboursAreSeaAndItsStreetsAreNot() {
    Geometry sea = SeaMasks.of(Fixtures.monaco()).orElseThrow();
    assertThat(sea.isValid()).isTrue();
    assertThat(sea.contains(Fixtures.point(7.4255, 43.7350))).as("Port Hercule").isTrue();
    assertThat(sea.contains(Fixtures.point(7.4195, 43.7290))).as("Port de Fontvieille").isTrue();
    assertThat(sea.contains(Fixtures.point(7.4400, 43.7380))).as("open sea").isTrue();
    assertThat(sea.contains(Fixtures.point(7.4286, 43.7395))).as("Place du Casino").isFalse();
    assertThat(sea.contains(Fixtures.point(7.4228, 43.7312))).as("Monaco-Ville").isFalse();
  }
}
