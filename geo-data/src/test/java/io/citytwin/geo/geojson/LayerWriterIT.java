package io.citytwin.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.testing.MonacoCity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.geojson.GeoJsonReader;

class LayerWriterIT {
  private static final CityModel MONACO = MonacoCity.model();
  private static final LayerWriter WRITER = new LayerWriter(MONACO);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Around the Prince's Palace on the Rock of Monaco. */
  private static final Envelope ROCK = new Envelope(7.418, 7.424, 43.729, 43.733);

  @Test
  void everyLayerParsesBackWithJtsAndCarriesTheAttribution() throws Exception {
    assertThat(WRITER.names()).containsExactly("districts", "roads", "buildings", "pois", "population");
    for (String layer : WRITER.names()) {
      JsonNode root = JSON.readTree(WRITER.write(layer, null));
      assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
      assertThat(root.get("attribution").asText()).contains("© OpenStreetMap contributors");
      assertThat(geometries(root)).as(layer).allSatisfy(g -> assertThat(g.isValid()).isTrue());
    }
  }

  @Test
  void featureCountsMatchTheModel() throws Exception {
    assertThat(features("districts", null)).hasSize(9);
    List<JsonNode> roads = features("roads", null);
    long covered = roads.stream().mapToLong(f -> f.get("properties").get("reverseEdge").isNull() ? 1 : 2).sum();
    assertThat(covered).isEqualTo(MONACO.roads().edges().size());
    assertThat(roads.stream().filter(f -> f.get("properties").get("oneway").asBoolean())).isNotEmpty();
    assertThat(features("buildings", null)).hasSize(MONACO.buildings().size());
    assertThat(features("pois", null)).hasSize(MONACO.pois().size());
    JsonNode pop = JSON.readTree(WRITER.write("population", null));
    assertThat(pop.get("synthetic").asBoolean()).isTrue();
    int sum = 0;
    for (JsonNode f : pop.get("features")) {
      sum += f.get("properties").get("residents").asInt();
    }
    assertThat(sum).isEqualTo(39_050);
  }

  @Test
  void roadPropertiesDescribeTheEdge() throws Exception {
    JsonNode f = features("roads", null).get(0);
    assertThat(f.get("geometry").get("type").asText()).isEqualTo("LineString");
    assertThat(f.get("properties").fieldNames()).toIterable().contains(
        "highway", "name", "oneway", "lanes", "speedKmh", "capacityVehPerHour", "lengthM", "car", "foot");
  }

  @Test
  void bboxKeepsOnlyIntersectingFeatures() throws Exception {
    List<JsonNode> rock = features("buildings", ROCK);
    assertThat(rock).isNotEmpty().hasSizeLessThan(MONACO.buildings().size() / 4);
    GeoJsonReader reader = new GeoJsonReader();
    for (JsonNode f : rock) {
      assertThat(reader.read(f.get("geometry").toString()).getEnvelopeInternal().intersects(ROCK)).isTrue();
    }
    long expected = MONACO.buildings().stream()
        .filter(b -> b.footprint().getEnvelopeInternal().intersects(ROCK)).count();
    assertThat(rock).hasSize((int) expected);
    assertThat(features("districts", ROCK)).extracting(f -> f.get("properties").get("name").asText())
        .contains("Monaco-Ville").doesNotContain("Larvotto");
    assertThat(features("pois", new Envelope(0, 1, 0, 1))).isEmpty();
  }

  @Test
  void polygonsFollowTheRightHandRuleWithSevenDecimals() throws Exception {
    for (JsonNode f : features("districts", null)) {
      Geometry g = new GeoJsonReader().read(f.get("geometry").toString());
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Polygon p = (Polygon) g.getGeometryN(i);
        assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
      }
    }
    String text = WRITER.write("pois", null);
    assertThat(text).doesNotContainPattern("\\d\\.\\d{8,}");
  }

  @Test
  void unknownLayerIsRejected() {
    assertThatThrownBy(() -> WRITER.write("trees", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown layer 'trees' (layers: districts, roads, buildings, pois, population)");
  }

  private static List<JsonNode> features(String layer, Envelope bbox) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(WRITER.write(layer, bbox)).get("features").forEach(out::add);
    return out;
  }

  private static List<Geometry> geometries(JsonNode root) throws Exception {
    GeoJsonReader reader = new GeoJsonReader();
    List<Geometry> out = new ArrayList<>();
    for (JsonNode f : root.get("features")) {
      out.add(reader.read(f.get("geometry").toString()));
    }
    return out;
  }
}
