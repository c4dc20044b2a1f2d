package io.citytwin.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.GisInputException;
import io.citytwin.geo.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

class GeoJsonAreasTest {
  private static final String SQUARE = "[[[7,45],[7.01,45],[7.01,45.01],[7,45.01],[7,45]]]";

  @Test
  void readsTheMonacoQuartiers() {
    List<GeoJsonAreas.Feature> fs = read(Fixtures.text(Fixtures.MONACO_DISTRICTS), "q.geojson");
    assertThat(fs).hasSize(9);
    assertThat(fs).extracting(f -> f.properties().get("ISO3166-2"))
        .containsExactlyInAnyOrder("MC-FO", "MC-JE", "MC-CO", "MC-VR", "MC-LA", "MC-MG", "MC-MO", "MC-MC", "MC-SD");
    assertThat(fs).allSatisfy(f -> assertThat(f.geometry().isValid()).isTrue());
  }

  @Test
  void readsPolygonAndScalarProperties() {
    var f = read(Fixtures.collection("{\"name\":\"A\",\"pop\":12}", "Polygon", SQUARE), "a.geojson").get(0);
    assertThat(f.properties()).containsEntry("name", "A").containsEntry("pop", "12");
    assertThat(f.geometry().getGeometryType()).isEqualTo("Polygon");
    assertThat(f.label()).isEqualTo("feature 0 (\"A\")");
  }

  @Test
  void syntaxErrorNamesLineAndColumn() {
    String broken = "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\",, }\n]}";
    assertThatThrownBy(() -> read(broken, "d.geojson"))
        .isInstanceOf(GisInputException.class)
        .hasMessageStartingWith("d.geojson: invalid JSON at line 3, column 22");
  }

  @Test
  void wrongStructureIsNamed() {
    assertThatThrownBy(() -> read("[1,2]", "x.geojson")).hasMessage("x.geojson: not a GeoJSON object");
    assertThatThrownBy(() -> read("{\"type\":\"Feature\"}", "x.geojson"))
        .hasMessage("x.geojson: expected \"type\": \"FeatureCollection\", found \"Feature\"");
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":{}}", "x.geojson"))
        .hasMessage("x.geojson: \"features\" must be an array");
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[]}", "x.geojson"))
        .hasMessage("x.geojson: the FeatureCollection has no features");
    assertThatThrownBy(() -> read(Fixtures.collection("{\"name\":\"P\"}", "Point", "[7,45]"), "x.geojson"))
        .hasMessage("x.geojson: feature 0 (\"P\"): geometry type \"Point\" is not Polygon or MultiPolygon");
    assertThatThrownBy(() -> read("{\"type\":\"FeatureCollection\",\"features\":[1]}", "x.geojson"))
        .hasMessage("x.geojson: feature 0 is not an object with \"type\": \"Feature\"");
  }

  @Test
  void selfIntersectingPolygonIsRejectedWithFeatureName() {
    String bowtie = "[[[7,45],[7.01,45.01],[7.01,45],[7,45.01],[7,45]]]";
    assertThatThrownBy(() -> read(Fixtures.collection("{\"name\":\"Bow\"}", "Polygon", bowtie), "bow.geojson"))
        .hasMessage("bow.geojson: feature 0 (\"Bow\") is not a valid polygon: Self-intersection at (7.005 45.005)");
  }

  @Test
  void unclosedRingsAndBadPositionsAreRejected() {
    String open = "[[[7,45],[7.01,45],[7.01,45.01],[7,45.01],[7,45.005]]]";
    assertThatThrownBy(() -> read(Fixtures.collection("{}", "Polygon", open), "o.geojson"))
        .hasMessageStartingWith("o.geojson: feature 0: ring is not closed");
    String projected = "[[[700000,5000000],[700100,5000000],[700100,5000100],[700000,5000000]]]";
    assertThatThrownBy(() -> read(Fixtures.collection("{}", "Polygon", projected), "p.geojson"))
        .hasMessage("p.geojson: feature 0: position [700000.0, 5000000.0] is out of lon/lat range"
            + " (GeoJSON must be WGS84 longitude, latitude)");
    assertThatThrownBy(() -> read(Fixtures.collection("{}", "Polygon", "[[[7,45],[8,45],[7,45]]]"), "s.geojson"))
        .hasMessage("s.geojson: feature 0: a ring needs at least 4 positions");
    assertThatThrownBy(() -> read(Fixtures.collection("{}", "Polygon", "[[[7,\"45\"],[8,45],[8,46],[7,45]]]"), "t.geojson"))
        .hasMessageStartingWith("t.geojson: feature 0: a position must be [lon, lat] numbers");
  }

  @Property(tries = 200, seed = "11")
  void garbageGivesANamedErrorNeverACrash(@ForAll String text) {
    try {
      read(text, "g.geojson");
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("g.geojson: ");
    }
  }

  @Property(tries = 200, seed = "12")
  void mutatedMonacoFileLoadsWholeOrFailsCleanly(@ForAll("cuts") int cut) {
    String whole = Fixtures.text(Fixtures.MONACO_DISTRICTS);
    try {
      assertThat(read(whole.substring(0, cut), "m.geojson")).hasSize(9);
    } catch (GisInputException e) {
      assertThat(e.getMessage()).startsWith("m.geojson: ");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> cuts() {
    return net.jqwik.api.Arbitraries.integers().between(0, Fixtures.text(Fixtures.MONACO_DISTRICTS).length());
  }

  private static List<GeoJsonAreas.Feature> read(String text, String name) {
    return GeoJsonAreas.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, new GeometryFactory());
  }
}
