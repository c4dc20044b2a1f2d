package io.citytwin.sim.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoJsonTest {
  static String json(String wkt) throws ParseException {
    Geometry g = new WKTReader().read(wkt);
    return JsonText.compact(gen -> GeoJson.geometry(gen, g));
  }

  @Test
  void exteriorRingsComeOutCounterClockwiseAndHolesClockwise() throws ParseException {
    // Exterior written clockwise, hole counter-clockwise: both are turned around (RFC 7946 3.1.6).
    assertThat(json("POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0), (0.2 0.2, 0.8 0.2, 0.8 0.8, 0.2 0.2))")).isEqualTo(
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]],"
            + "[[0.2,0.2],[0.8,0.8],[0.8,0.2],[0.2,0.2]]]}");
    assertThat(json("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
        .isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}");
  }

  @Test
  void coordinatesAreRoundedAndEmptyGeometriesAreNull() throws ParseException {
    assertThat(json("POINT (7.427212345678 43.73961234567)"))
        .isEqualTo("{\"type\":\"Point\",\"coordinates\":[7.4272123,43.7396123]}");
    assertThat(json("POLYGON EMPTY")).isEqualTo("null");
    assertThat(json("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), EMPTY)"))
        .isEqualTo("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}");
    assertThat(json("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))")).isEqualTo(
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}");
  }
}
