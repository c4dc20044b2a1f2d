package io.citytwin.geo.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.GisInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitySpecsTest {

  @Test
  void builtInMonacoSpecNamesItsFilesAndFigures() throws IOException {
    CitySpecs.Located monaco = CitySpecs.builtIn("monaco");
    CitySpec s = monaco.spec();
    assertThat(s.name()).isEqualTo("Monaco");
    assertThat(s.osm()).isEqualTo("monaco-2026-03-10.osm.pbf");
    assertThat(s.boundaryRelation()).isEqualTo(2220322L);
    assertThat(s.districts().file()).isEqualTo("monaco-quartiers.geojson");
    assertThat(s.districts().nameProperty()).isEqualTo("name");
    assertThat(s.districts().codeProperty()).isEqualTo("ISO3166-2");
    assertThat(s.population().total()).isEqualTo(39_050);
    assertThat(s.population().source()).contains("r2220322");
    assertThat(s.attribution()).contains("© OpenStreetMap contributors").contains("ODbL");
    assertThat(monaco.origin()).isEqualTo("classpath:cities/monaco/city.json");
    try (var in = monaco.files().open("monaco-quartiers.geojson")) {
      assertThat(in.readAllBytes()).hasSize(31_621);
    }
    assertThatThrownBy(() -> monaco.files().open("missing.geojson"))
        .hasMessage("missing.geojson: named in classpath:cities/monaco/city.json but not on the classpath");
  }

  @Test
  void unknownCityAndBadNamesAreRejected() {
    assertThatThrownBy(() -> CitySpecs.builtIn("atlantis"))
        .hasMessage("atlantis: no built-in city of that name (classpath:cities/atlantis/city.json missing)");
    assertThatThrownBy(() -> CitySpecs.builtIn("../etc"))
        .isInstanceOf(GisInputException.class)
        .hasMessageContaining("not a built-in city name");
  }

  @Test
  void unknownKeyIsNamedWithTheFile() {
    String json = "{\"name\":\"X\",\"osm\":\"x.osm\",\"attribution\":\"a\",\"boundary\":5}";
    assertThatThrownBy(() -> parse(json))
        .hasMessage("city.json: unknown key 'boundary' (allowed: attribution, boundaryRelation, districts, "
            + "name, osm, population)");
    String nested = "{\"name\":\"X\",\"osm\":\"x.osm\",\"attribution\":\"a\","
        + "\"districts\":{\"file\":\"d.geojson\",\"nameProperty\":\"name\",\"codeProp\":\"ref\"}}";
    assertThatThrownBy(() -> parse(nested))
        .hasMessage("city.json: unknown key 'codeProp' in 'districts' (allowed: codeProperty, file, nameProperty)");
  }

  @Test
  void missingAndMalformedValuesAreNamed() {
    assertThatThrownBy(() -> parse("{\"name\":\"X\",\"attribution\":\"a\"}"))
        .hasMessageStartingWith("city.json: bad value")
        .hasMessageContaining("osm");
    assertThatThrownBy(() -> parse("{\"name\":\"X\",\"osm\":\"\",\"attribution\":\"a\"}"))
        .hasMessage("city.json: key 'osm' is required and must not be blank");
    assertThatThrownBy(() -> parse("{\"name\":\"X\",\"osm\":\"x\",\"attribution\":\"a\",\"boundaryRelation\":\"big\"}"))
        .hasMessageStartingWith("city.json: bad value at 'boundaryRelation'");
    assertThatThrownBy(() -> parse("{\"name\":\"X\",\n\"osm\" \"x\"}"))
        .hasMessageStartingWith("city.json: invalid JSON at line 2");
  }

  @Test
  void specOnDiskResolvesFilesNextToIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("data.osm"), "<osm/>");
    Path spec = dir.resolve("town.json");
    Files.writeString(spec, "{\"name\":\"Town\",\"osm\":\"data.osm\",\"attribution\":\"© OSM\"}");
    CitySpecs.Located town = CitySpecs.fromFile(spec);
    assertThat(town.spec().boundaryRelation()).isNull();
    try (var in = town.files().open("data.osm")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<osm/>");
    }
    assertThatThrownBy(() -> CitySpecs.fromFile(dir.resolve("none.json")))
        .hasMessageStartingWith("none.json: file not found");
  }

  private static CitySpec parse(String json) throws IOException {
    return CitySpecs.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "city.json");
  }
}
