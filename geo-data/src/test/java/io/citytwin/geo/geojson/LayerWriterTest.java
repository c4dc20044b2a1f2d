package io.citytwin.geo.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** GeoJSON layers of the Testville fixture. */
class LayerWriterTest {
  private static final CityModel TOWN = CityImporter.importFiles(List.of(Fixtures.path("osm/testville.osm")));
  private static final LayerWriter WRITER = new LayerWriter(TOWN);

  @Test
  void roadsAreOneFeaturePerSegmentWithDirectionFolded() throws Exception {
    List<JsonNode> roads = features("roads", null);
    assertThat(roads).extracting(f -> f.get("properties").get("name").asText() + "/" + f.get("properties").get("oneway").asBoolean())
        .containsExactlyInAnyOrder("Main Street/false", "Main Street/false", "One Way/true", "/false");
    JsonNode oneWay = roads.stream().filter(f -> f.get("properties").get("name").asText().equals("One Way")).findFirst().orElseThrow();
    assertThat(oneWay.get("properties").get("lanes").asInt()).isEqualTo(2);
    assertThat(oneWay.get("properties").get("capacityVehPerHour").asDouble()).isEqualTo(1600);
    assertThat(oneWay.get("properties").get("foot").asBoolean()).isTrue();
    assertThat(oneWay.get("properties").get("from").asLong()).isEqualTo(11);
    assertThat(oneWay.get("geometry").toString()).isEqualTo("{\"type\":\"LineString\",\"coordinates\":[[7.005,45.005],[7.005,45.008]]}");
  }

  @Test
  void bboxSelectsFeaturesByEnvelope() throws Exception {
    Envelope north = new Envelope(7.0, 7.01, 45.006, 45.01);
    assertThat(features("buildings", north)).extracting(f -> f.get("id").asText()).containsExactly("building/w300");
    assertThat(features("pois", north)).extracting(f -> f.get("properties").get("kind").asText()).containsExactly("hospital");
    assertThat(features("districts", north)).extracting(f -> f.get("properties").get("code").asText()).containsExactly("N");
    JsonNode flats = features("buildings", north).get(0);
    assertThat(flats.get("properties").get("residents").asInt()).isBetween(905, 913);
    assertThat(new GeoJsonReader().read(flats.get("geometry").toString()).getArea()).isCloseTo(0.001 * 0.0008,
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void collectionCarriesNameAttributionAndSyntheticFlag() throws Exception {
    JsonNode pop = new ObjectMapper().readTree(WRITER.write("population", null));
    assertThat(pop.get("name").asText()).isEqualTo("population");
    assertThat(pop.get("attribution").asText()).isEqualTo(CityImporter.OSM_ATTRIBUTION);
    assertThat(pop.get("synthetic").asBoolean()).isTrue();
    assertThat(pop.get("total").asInt()).isEqualTo(1000);
    assertThat(pop.get("source").asText()).isEqualTo("OSM r1 population=1000");
  }

  private static List<JsonNode> features(String layer, Envelope bbox) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(WRITER.write(layer, bbox)).get("features").forEach(out::add);
    return out;
  }
}
