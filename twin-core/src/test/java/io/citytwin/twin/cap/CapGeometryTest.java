package io.citytwin.twin.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citytwin.geo.road.GreatCircle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class CapGeometryTest {
  private static final GeometryFactory GF = new GeometryFactory();
  /** Stade Louis II, Monaco, as a CAP ring (latitude first). */
  private static final CapPolygon STADIUM = CapPolygon.of(
      new CapPoint(43.7276, 7.4151), new CapPoint(43.7281, 7.4172), new CapPoint(43.7266, 7.4179),
      new CapPoint(43.7276, 7.4151));

  @Test
  void capPolygonBecomesLonLatGeometry() {
    Geometry g = CapGeometry.toGeometry(CapArea.builder("stadium").polygon(STADIUM).build()).orElseThrow();

    assertThat(g).isInstanceOf(Polygon.class);
    assertThat(g.getCoordinates()[0]).isEqualTo(new Coordinate(7.4151, 43.7276));
    assertThat(g.getEnvelopeInternal().getMinX()).isEqualTo(7.4151);
    assertThat(g.getEnvelopeInternal().getMaxY()).isEqualTo(43.7281);
  }

  @Test
  void polygonRoundTripsThroughJts() {
    Geometry g = CapGeometry.toGeometry(CapArea.builder("stadium").polygon(STADIUM).build()).orElseThrow();

    assertThat(CapGeometry.toPolygons(g)).containsExactly(STADIUM);
  }

  @ParameterizedTest
  @CsvSource({"43.7274, 7.4163, 0.25", "0, 0, 10", "-35.3888, 147.0598, 25", "70, -150, 300", "89, 10, 50",
      "-16.053, -173.274, 2"})
  void circleVerticesAreTheRadiusAwayOnTheSphere(double lat, double lon, double radiusKm) {
    Geometry g = CapGeometry.circle(CapCircle.of(lat, lon, radiusKm));

    assertThat(g).isInstanceOf(Polygon.class);
    Coordinate[] ring = g.getCoordinates();
    assertThat(ring).hasSize(CapGeometry.CIRCLE_SEGMENTS + 1);
    assertThat(ring[0]).isEqualTo(ring[ring.length - 1]);
    for (Coordinate c : ring) {
      assertThat(GreatCircle.distanceM(lon, lat, c.x, c.y)).isCloseTo(radiusKm * 1000, within(radiusKm * 1e-6));
    }
    assertThat(g.contains(GF.createPoint(new Coordinate(lon, lat)))).isTrue();
  }

  @Test
  void smallCircleHasTheAreaOfACircle() {
    Geometry g = CapGeometry.circle(CapCircle.of(43.7274, 7.4163, 2));

    double areaM2 = io.citytwin.geo.crs.MetricProjection.utmFor(7.4163, 43.7274).areaM2(g);

    // A 64-gon inscribed in the circle has 0.16 % less area; UTM scale adds under 0.1 %.
    assertThat(areaM2 / (Math.PI * 2000 * 2000)).isCloseTo(1.0, within(0.003));
  }

  @Test
  void zeroRadiusCircleIsThePoint() {
    Geometry g = CapGeometry.circle(CapCircle.of(-16.053, -173.274, 0));

    assertThat(g).isInstanceOf(Point.class);
    assertThat(g.getCoordinate()).isEqualTo(new Coordinate(-173.274, -16.053));
  }

  @Test
  void areaIsTheUnionOfItsShapesAndGeocodeOnlyAreasHaveNone() {
    CapArea both = CapArea.builder("stadium and surroundings").polygon(STADIUM)
        .circle(CapCircle.of(43.7274, 7.4163, 1)).circle(CapCircle.of(43.75, 7.44, 0.5)).build();

    Geometry g = CapGeometry.toGeometry(both).orElseThrow();

    assertThat(g).isInstanceOf(MultiPolygon.class);
    assertThat(g.getNumGeometries()).as("the stadium lies inside the first circle").isEqualTo(2);
    assertThat(g.isValid()).isTrue();
    assertThat(CapGeometry.toGeometry(CapArea.builder("county").geocode("FIPS6", "032013").build())).isEmpty();
  }

  @Test
  void receivedBowTieRingIsRepairedIntoValidGeometry() {
    CapPolygon bowTie = CapPolygon.of(new CapPoint(0, 0), new CapPoint(1, 1), new CapPoint(0, 1),
        new CapPoint(1, 0), new CapPoint(0, 0));

    Geometry g = CapGeometry.toGeometry(CapArea.builder("x").polygon(bowTie).build()).orElseThrow();

    assertThat(g.isValid()).isTrue();
    assertThat(g.getArea()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void multiPolygonBecomesSeveralClosedLatLonRingsAndHolesAreCovered() throws Exception {
    Geometry g = new WKTReader(GF).read("MULTIPOLYGON (((7.41 43.72, 7.42 43.72, 7.42 43.73, 7.41 43.72)),"
        + " ((7.43 43.74, 7.45 43.74, 7.45 43.76, 7.43 43.76, 7.43 43.74),"
        + " (7.44 43.745, 7.445 43.745, 7.445 43.75, 7.44 43.745)))");

    List<CapPolygon> polygons = CapGeometry.toPolygons(g);

    assertThat(polygons).containsExactly(
        CapPolygon.of(new CapPoint(43.72, 7.41), new CapPoint(43.72, 7.42), new CapPoint(43.73, 7.42),
            new CapPoint(43.72, 7.41)),
        CapPolygon.of(new CapPoint(43.74, 7.43), new CapPoint(43.74, 7.45), new CapPoint(43.76, 7.45),
            new CapPoint(43.76, 7.43), new CapPoint(43.74, 7.43)));
    CapAlert alert = CapAlert.builder("x", "y", java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"))
        .info(CapInfo.builder("e", CapUrgency.PAST, CapSeverity.MINOR, CapCertainty.LIKELY).category(CapCategory.GEO)
            .area(CapArea.builder("two parts").polygons(polygons).build()).build())
        .build();
    assertThat(CapValidator.validate(alert)).isEmpty();
  }

  @Test
  void nonPolygonalGeometryNeedsACircleOrBufferFirst() throws Exception {
    assertThatThrownBy(() -> CapGeometry.toPolygons(GF.createPoint(new Coordinate(7.42, 43.73))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not polygonal: Point");
    assertThat(CapGeometry.toPolygons(GF.createPolygon())).isEmpty();
    assertThat(CapGeometry.toPolygons(new WKTReader(GF).read(
        "GEOMETRYCOLLECTION (POINT (1 2), POLYGON ((0 0, 1 0, 1 1, 0 0)))"))).hasSize(1);
  }
}
