package io.citytwin.twin.sensor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.fixture.FixtureCity;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorJsonTest {
  static Sensor parse(String body) {
    return SensorJson.parseRequest(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMinimalBodyTakesTheKindsDefaultsAndHasNoCredentials() {
    Sensor s = parse("{\"id\":\"crowd-7\",\"kind\":\"crowd_monitor\",\"lat\":43.73,\"lon\":7.42}");
    assertThat(s).isEqualTo(new Sensor("crowd-7", SensorKind.CROWD_MONITOR,
        SensorKind.CROWD_MONITOR.defaultQuantities(), new Position(43.73, 7.42), null, Agency.POLICE, null, null));
  }

  @Test
  void aSecretIsHashedWithAFreshSaltAndNotKept() {
    String body = "{\"id\":\"wl-9\",\"kind\":\"water_level\",\"lat\":43.73,\"lon\":7.42,"
        + "\"quantities\":[\"water_level\"],\"owner\":\"fire\",\"name\":\"Quay\",\"secret\":\"s3cret-s3cret-s3cret\"}";
    Sensor a = parse(body);
    Sensor b = parse(body);
    assertThat(a.quantities()).containsExactly(Quantity.WATER_LEVEL);
    assertThat(a.owner()).isEqualTo(Agency.FIRE);
    assertThat(a.name()).isEqualTo("Quay");
    assertThat(a.credentials().username()).isEqualTo("wl-9");
    assertThat(a.credentials().matches("wl-9", "s3cret-s3cret-s3cret".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(a.credentials().matches("wl-9", "s3cret-s3cret-s3creT".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(a.credentials().salt()).isNotEqualTo(b.credentials().salt());
    assertThat(a.credentials().toString()).doesNotContain("s3cret");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"id":"x","kind":"weather","lat":43.73} | request body: field 'lon': missing
      {"id":"x","kind":"weather","lat":"43.73","lon":7} | request body: field 'lat': must be a number, found a string
      {"id":"x","kind":"weather","lat":43.73,"lon":7,"secret":"short"} | request body: field 'secret': must be 16-256 characters, found 5 (use a generated token)
      {"id":"x","kind":"weather","lat":43.73,"lon":7,"secret":"has space in the middle"} | request body: field 'secret': contains whitespace or a control character
      {"id":"x","kind":"weather","lat":43.73,"lon":7,"hash":"AA=="} | request body: field 'hash': unknown member (allowed: id, kind, lat, lon, name, owner, quantities, secret)
      {"id":"x","kind":"weather","lat":43.73,"lon":7,"name":"a\\u0000b"} | request body: field 'name': contains a control character
      [1,2] | request body: must be a JSON object, found an array
      {"id":"x", | request body: line 1, column 11: invalid JSON: Unexpected end-of-input within/between Object entries
      """)
  void badBodiesAreNamedByField(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(SensorInputException.class).hasMessage(message);
  }

  @Test
  void responsesCarryThePlacementButNeverTheHash() {
    SensorPlacer placer = SensorPlacer.of(CitySnapshot.of(FixtureCity.testville()));
    Sensor posted = parse("{\"id\":\"smk-1\",\"kind\":\"smoke_detector\",\"lat\":43.735,\"lon\":7.415,"
        + "\"secret\":\"0123456789abcdef\"}");
    Sensor placed = SensorRegistry.empty(placer).with(posted).find("smk-1").orElseThrow();
    String json = SensorJson.write(placed);
    assertThat(json).isEqualTo("{\"id\":\"smk-1\",\"kind\":\"smoke_detector\",\"lat\":43.735,\"lon\":7.415,"
        + "\"quantities\":[\"co\",\"temperature\",\"smoke\"],\"owner\":\"fire\",\"name\":\"smk-1\","
        + "\"district\":\"district/T-W\",\"road\":null,\"roadDistanceM\":null,\"building\":\"building/w2\","
        + "\"username\":\"smk-1\"}");
    assertThat(SensorJson.writeAll(java.util.List.of(placed, placed))).startsWith("[{").endsWith("}]");
  }
}
