package io.citytwin.twin.sensor.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorGeoJsonTest {
  static final Credentials CREDENTIALS =
      Credentials.forSecret("aq-1", "correct-horse-battery-staple", new byte[16]);

  static final List<Sensor> SENSORS = List.of(
      new Sensor("aq-1", SensorKind.AIR_QUALITY, EnumSet.of(Quantity.PM25, Quantity.NO2),
          new Position(43.7301234, 7.4051234), null, Agency.HEALTH, CREDENTIALS, "Air, \"Boulevard\" Test"),
      new Sensor("smk-1", SensorKind.SMOKE_DETECTOR, SensorKind.SMOKE_DETECTOR.defaultQuantities(),
          new Position(-12.5, -0.25), null, Agency.FIRE, null, null));

  static List<Sensor> read(String json) {
    return SensorGeoJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.geojson");
  }

  static String feature(String properties) {
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":"
        + "{\"type\":\"Point\",\"coordinates\":[7.42,43.73]},\"properties\":" + properties + "}]}";
  }

  @Test
  void writtenFilesReadBackToTheSameSensors() {
    String text = SensorGeoJson.write(SENSORS, "Map data © OpenStreetMap contributors");
    assertThat(read(text)).isEqualTo(SENSORS);
    assertThat(SensorGeoJson.write(read(text), "Map data © OpenStreetMap contributors")).isEqualTo(text);
  }

  @Test
  void oneFeaturePerLineWithTheAttributionOnTop() {
    String text = SensorGeoJson.write(SENSORS, "ODbL");
    assertThat(text.lines()).hasSize(4);
    assertThat(text).startsWith("{\"type\":\"FeatureCollection\",\"attribution\":\"ODbL\",\"features\":[\n")
        .endsWith("]}\n");
    assertThat(text.lines().skip(1).findFirst().orElseThrow()).isEqualTo(
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.4051234,43.7301234]},"
            + "\"properties\":{\"id\":\"aq-1\",\"kind\":\"air_quality\",\"quantities\":[\"pm25\",\"no2\"],"
            + "\"owner\":\"health\",\"name\":\"Air, \\\"Boulevard\\\" Test\",\"username\":\"aq-1\","
            + "\"salt\":\"" + CREDENTIALS.salt() + "\",\"hash\":\"" + CREDENTIALS.hash() + "\"}},");
    assertThat(SensorGeoJson.write(List.of(), null)).isEqualTo("{\"type\":\"FeatureCollection\",\"features\":[\n]}\n");
  }

  @Test
  void absentQuantitiesOwnerAndNameDefaultFromTheKind() {
    Sensor s = read(feature("{\"id\":\"gas-9\",\"kind\":\"gas_detector\"}")).get(0);
    assertThat(s.quantities()).isEqualTo(SensorKind.GAS_DETECTOR.defaultQuantities());
    assertThat(s.owner()).isEqualTo(Agency.UTILITIES);
    assertThat(s.name()).isEqualTo("gas-9");
    assertThat(s.credentials()).isNull();
    assertThat(s.location()).isEqualTo(new Position(43.73, 7.42));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"id":"a b","kind":"weather"} | s.geojson: feature [0] (id 'a b'), field 'id': 'a b' is not a sensor id: 1-64 characters of letters, digits and . _ : -
      {"id":"x","kind":"toaster"} | s.geojson: feature [0] (id 'x'), field 'kind': unknown kind 'toaster' (known: air_quality, weather, water_level, smoke_detector, gas_detector, traffic_counter, crowd_monitor, noise_monitor, hospital_beds)
      {"id":"x"} | s.geojson: feature [0] (id 'x'), field 'kind': missing (one of air_quality, weather, water_level, smoke_detector, gas_detector, traffic_counter, crowd_monitor, noise_monitor, hospital_beds)
      {"id":"x","kind":"weather","quantities":[]} | s.geojson: feature [0] (id 'x'), field 'quantities': must name at least one quantity (known: pm25, pm10, no2, o3, co, gas, temperature, humidity, water_level, rainfall, smoke, traffic_flow, speed, crowd_density, noise, beds_free, occupancy)
      {"id":"x","kind":"weather","quantities":["rain"]} | s.geojson: feature [0] (id 'x'), field 'quantities': unknown quantity 'rain' (known: pm25, pm10, no2, o3, co, gas, temperature, humidity, water_level, rainfall, smoke, traffic_flow, speed, crowd_density, noise, beds_free, occupancy)
      {"id":"x","kind":"weather","quantities":["noise","noise"]} | s.geojson: feature [0] (id 'x'), field 'quantities': 'noise' is listed twice
      {"id":"x","kind":"weather","quantities":"noise"} | s.geojson: feature [0] (id 'x'), field 'quantities': must be an array of strings, found a string
      {"id":"x","kind":"weather","quantities":[3]} | s.geojson: feature [0] (id 'x'), field 'quantities': element [0] must be a string, found a number
      {"id":"x","kind":"weather","owner":"army"} | s.geojson: feature [0] (id 'x'), field 'owner': unknown agency 'army' (known: fire, ems, police, traffic, utilities, health)
      {"id":7,"kind":"weather"} | s.geojson: feature [0], field 'id': must be a string, found a number
      {"id":"x","kind":"weather","quantitites":["noise"]} | s.geojson: feature [0] (id 'x'), field 'quantitites': unknown property (allowed: hash, id, kind, name, owner, quantities, salt, username)
      {"id":"x","kind":"weather","username":"x"} | s.geojson: feature [0] (id 'x'), field 'salt': missing: username, salt and hash go together (or all are absent)
      {"id":"x","kind":"weather","username":"x","salt":"AAAAAAAAAAA=","hash":"AA=="} | s.geojson: feature [0] (id 'x'), field 'hash': must decode to the 32 bytes of a SHA-256 hash, found 1
      {"id":"x","kind":"weather","username":"x","salt":"%%","hash":"AA=="} | s.geojson: feature [0] (id 'x'), field 'salt': not Base64: Illegal base64 character 25
      """)
  void badPropertiesAreNamed(String properties, String message) {
    assertThatThrownBy(() -> read(feature(properties)))
        .isInstanceOf(SensorInputException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      [] | s.geojson: not a GeoJSON FeatureCollection: found an array
      {"type":"Feature"} | s.geojson: field 'type': must be "FeatureCollection", found 'Feature'
      {"type":"FeatureCollection"} | s.geojson: field 'features': must be an array of features, found nothing
      {"type":"FeatureCollection","features":[1]} | s.geojson: feature [0]: must be a GeoJSON Feature object, found a number
      {"type":"FeatureCollection","features":[{"type":"Feature","properties":{}}]} | s.geojson: feature [0], field 'geometry': must be a Point geometry, found nothing
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[]}}]} | s.geojson: feature [0], field 'geometry': must be a Point, found type a string 'LineString'
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[7]}}]} | s.geojson: feature [0], field 'geometry': coordinates must be [lon, lat] or [lon, lat, altitude], found an array of 1
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[7,"43"]}}]} | s.geojson: feature [0], field 'geometry': must be a number, found a string
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[7,95]}}]} | s.geojson: feature [0], field 'geometry': latitude 95.0 is outside -90..90 degrees
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[7,1e999]}}]} | s.geojson: feature [0], field 'geometry': number is too large
      {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[7,43]},"properties":null}]} | s.geojson: feature [0], field 'properties': must be an object, found null
      {"type":"FeatureCollection","features":[]} x | s.geojson: line 1, column 45: invalid JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
      {"type":"FeatureCollection","type":"FeatureCollection"} | s.geojson: line 1, column 35: invalid JSON: Duplicate field 'type'
      '' | s.geojson: empty document
      """)
  void badStructureIsNamed(String json, String message) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(SensorInputException.class).hasMessage(message);
  }

  @Test
  void aRepeatedIdNamesBothFeatures() {
    String one = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.42,43.73]},"
        + "\"properties\":{\"id\":\"wx-1\",\"kind\":\"weather\"}}";
    String json = "{\"type\":\"FeatureCollection\",\"features\":[" + one + "," + one + "]}";
    assertThatThrownBy(() -> read(json)).isInstanceOf(SensorInputException.class)
        .hasMessage("s.geojson: feature [1] (id 'wx-1'), field 'id': 'wx-1' is already used by feature [0] (id 'wx-1')");
  }

  @Test
  void invalidUtf8IsAReadableError() {
    byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    assertThatThrownBy(() -> SensorGeoJson.read(new ByteArrayInputStream(bad), "s.geojson"))
        .isInstanceOf(SensorInputException.class).hasMessageStartingWith("s.geojson: line 1, column ")
        .hasMessageContaining("invalid JSON: Invalid UTF-8");
  }
}
