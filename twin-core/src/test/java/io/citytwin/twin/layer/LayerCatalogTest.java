package io.citytwin.twin.layer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.fixture.FixtureCity;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class LayerCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LayerCatalog catalog = new LayerCatalog(CitySnapshot.of(FixtureCity.testville()));

  @Test
  void describesEveryLayerWithCountsBboxAndAttribution() {
    assertThat(catalog.infos()).extracting(LayerInfo::name)
        .containsExactly("districts", "roads", "buildings", "pois", "population");
    assertThat(catalog.infos()).extracting(LayerInfo::featureCount).containsExactly(2, 2, 4, 3, 2);
    LayerInfo buildings = catalog.info(Layer.BUILDINGS);
    assertThat(buildings.bbox()).contains(new BoundingBox(7.405, 43.725, 7.438, 43.738));
    assertThat(buildings.attribution()).isEqualTo(FixtureCity.ATTRIBUTION);
    assertThat(buildings.synthetic()).isFalse();
    assertThat(catalog.info(Layer.POPULATION).synthetic()).isTrue();
  }

  @Test
  void geoJsonIsAFeatureCollectionThatJtsReadsBack() throws Exception {
    JsonNode fc = json(catalog.geoJson(Layer.BUILDINGS, Optional.empty()));
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("name").asText()).isEqualTo("buildings");
    assertThat(fc.get("attribution").asText()).isEqualTo(FixtureCity.ATTRIBUTION);
    assertThat(fc.get("features")).hasSize(4);
    JsonNode w2 = fc.get("features").get(1);
    assertThat(w2.get("id").asText()).isEqualTo("building/w2");
    assertThat(w2.get("properties").get("use").asText()).isEqualTo("hospital");
    assertThat(w2.get("properties").get("name").asText()).isEqualTo("Hôpital Test");

    Geometry read = new GeoJsonReader().read(new String(catalog.geoJson(Layer.BUILDINGS, Optional.empty()), StandardCharsets.UTF_8));
    assertThat((Object) read).isInstanceOf(GeometryCollection.class);
    assertThat(read.getNumGeometries()).isEqualTo(4);
    assertThat(read.getGeometryN(3).getArea())
        .isCloseTo(catalog.snapshot().entities(io.citytwin.twin.cim.EntityType.BUILDING).get(3).geometry().getArea(),
            org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void ringsFollowTheRightHandRule() throws Exception {
    Geometry read = new GeoJsonReader().read(new String(catalog.geoJson(Layer.BUILDINGS, Optional.empty()), StandardCharsets.UTF_8));
    // w1 is clockwise in the fixture; r4 has a hole.
    Polygon w1 = (Polygon) read.getGeometryN(0);
    Polygon r4 = (Polygon) read.getGeometryN(3);
    assertThat(Orientation.isCCW(w1.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(r4.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(r4.getInteriorRingN(0).getCoordinateSequence())).isFalse();
  }

  @Test
  void bboxFilterKeepsOnlyIntersectingFeaturesAndEchoesTheFilter() throws Exception {
    BoundingBox west = new BoundingBox(7.40, 43.72, 7.419, 43.74);
    JsonNode fc = json(catalog.geoJson(Layer.BUILDINGS, Optional.of(west)));
    assertThat(fc.get("features")).extracting(f -> f.get("id").asText())
        .containsExactly("building/w1", "building/w2");
    assertThat(fc.get("filterBbox").toString()).isEqualTo("[7.4,43.72,7.419,43.74]");
    JsonNode pop = json(catalog.geoJson(Layer.POPULATION, Optional.of(west)));
    assertThat(pop.get("features")).extracting(f -> f.get("id").asText()).containsExactly("district/T-W");
  }

  @Test
  void populationLayerIsLabelledSyntheticWithDensity() throws Exception {
    JsonNode fc = json(catalog.geoJson(Layer.POPULATION, Optional.empty()));
    assertThat(fc.get("synthetic").asBoolean()).isTrue();
    JsonNode east = fc.get("features").get(1).get("properties");
    assertThat(east.get("residents").asInt()).isEqualTo(40);
    assertThat(east.get("synthetic").asBoolean()).isTrue();
    assertThat(east.get("source").asText()).isEqualTo("fixture total");
    double areaKm2 = (Double) catalog.snapshot().entities(io.citytwin.twin.cim.EntityType.DISTRICT).get(1).attributes().get("areaM2") / 1e6;
    assertThat(east.get("densityPerKm2").asLong()).isEqualTo(Math.round(40 / areaKm2));
  }

  @Test
  void anEmptySelectionIsAValidEmptyCollection() throws Exception {
    JsonNode fc = json(catalog.geoJson(Layer.POIS, Optional.of(new BoundingBox(0, 0, 1, 1))));
    assertThat(fc.get("features")).isEmpty();
    assertThat(fc.has("bbox")).isFalse();
  }

  private static JsonNode json(byte[] bytes) throws Exception {
    return JSON.readTree(bytes);
  }
}
