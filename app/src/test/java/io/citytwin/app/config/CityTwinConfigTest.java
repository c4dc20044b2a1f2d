package io.citytwin.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityTwinConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsServeTheDemoCityOnLocalhost8080() {
    CityTwinConfig c = CityTwinConfig.defaults();
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.city()).isEqualTo("monaco");
  }

  @Test
  void fileThenEnvironmentThenCommandLineWin() throws Exception {
    Path f = dir.resolve("c.json");
    Files.writeString(f, "{\"http\": {\"port\": 9000, \"host\": \"0.0.0.0\"}, \"city\": \"x\"}");
    CityTwinConfig c =
        CityTwinConfig.load(
            Optional.of(f),
            Map.of("CITYTWIN_HTTP_PORT", "9100", "PATH", "/bin"),
            Map.of("city", "monaco"));
    assertThat(c.httpPort()).isEqualTo(9100);
    assertThat(c.httpHost()).isEqualTo("0.0.0.0");
    assertThat(c.city()).isEqualTo("monaco");
  }

  @Test
  void dottedKeysInTheFileAreAccepted() throws Exception {
    Path f = dir.resolve("c.json");
    Files.writeString(f, "{\"http.port\": \"8181\"}");
    assertThat(CityTwinConfig.load(Optional.of(f), Map.of(), Map.of()).httpPort()).isEqualTo(8181);
  }

  @Test
  void unknownKeysInEverySourceFailFastTogether() throws Exception {
    Path f = dir.resolve("c.json");
    Files.writeString(f, "{\"http\": {\"prot\": 1}}");
    assertThatThrownBy(
            () ->
                CityTwinConfig.load(
                    Optional.of(f), Map.of("CITYTWIN_CITTY", "x"), Map.of("data.dri", "y")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains("unknown key 'http.prot'"))
                    .anySatisfy(p -> assertThat(p).contains("CITYTWIN_CITTY"))
                    .anySatisfy(p -> assertThat(p).contains("'data.dri'")));
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(
            () -> CityTwinConfig.load(Optional.empty(), Map.of("CITYTWIN_HTTP_PORT", "80x"), Map.of()))
        .hasMessageContaining("http.port: '80x' is not an integer");
    assertThatThrownBy(
            () -> CityTwinConfig.load(Optional.empty(), Map.of(), Map.of("http.port", "70000")))
        .hasMessageContaining("http.port: 70000 is outside 0..65535");
  }

  @Test
  void brokenJsonNamesFileAndPosition() throws Exception {
    Path f = dir.resolve("broken.json");
    Files.writeString(f, "{\n  \"http\": {\"port\": 1,,}\n}");
    assertThatThrownBy(() -> CityTwinConfig.load(Optional.of(f), Map.of(), Map.of()))
        .hasMessageContaining("broken.json: not valid JSON at line 2");
  }

  @Test
  void nonObjectAndNullValuesAreRejected() throws Exception {
    Path f = dir.resolve("arr.json");
    Files.writeString(f, "[1,2]");
    assertThatThrownBy(() -> CityTwinConfig.load(Optional.of(f), Map.of(), Map.of()))
        .hasMessageContaining("must hold a JSON object");
    Files.writeString(f, "{\"city\": null}");
    assertThatThrownBy(() -> CityTwinConfig.load(Optional.of(f), Map.of(), Map.of()))
        .hasMessageContaining("key 'city' must be a string or number");
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("nope.json");
    assertThatThrownBy(() -> CityTwinConfig.load(Optional.of(f), Map.of(), Map.of()))
        .hasMessageContaining("nope.json: cannot be read");
  }
}
