package io.citytwin.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citytwin.geo.city.CityImporter;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFilesTest {
  static CitySnapshot monaco;

  @BeforeAll
  static void city() {
    monaco = CitySnapshot.of(CityImporter.importBuiltIn("monaco"));
  }

  static Scenario read(String json) {
    return ScenarioFiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", "test", monaco);
  }

  static String file(String location, String extra) {
    return "{\"type\":\"flood\",\"mode\":\"forecast\",\"location\":" + location
        + ",\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT5M\",\"seed\":7" + extra + "}";
  }

  @Test
  void aValidFileResolvesItsLocationAndTimes() {
    Scenario s = read(file("{\"district\":\"MC-CO\"}", ",\"parameters\":{\"x\":1},\"interventions\":[{\"action\":\"close_road\",\"at\":\"PT30M\"}]"));
    assertThat(s.id()).isEqualTo("test");
    assertThat(s.type()).isEqualTo(ScenarioType.FLOOD);
    assertThat(s.site().entity().toString()).isEqualTo("district/MC-CO");
    assertThat(s.site().area().covers(s.site().point())).isTrue();
    assertThat(s.start()).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
    assertThat(s.steps()).isEqualTo(24);
    assertThat(s.interventions().get(0).at()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.parameters().number("x", 0, 2)).isEqualTo(1);
  }

  @Test
  void aPositionInsideTheCityAndABuildingById() {
    assertThat(read(file("{\"lat\":43.7384,\"lon\":7.4246}", "")).site().entity()).isNull();
    String building = monaco.entities(io.citytwin.twin.cim.EntityType.BUILDING).get(0).id().key();
    assertThat(read(file("{\"building\":\"" + building + "\"}", "")).site().entity().key()).isEqualTo(building);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown type | {\"type\":\"volcano\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT5M\",\"seed\":1} | field 'type': unknown scenario type 'volcano'",
      "outside the city | LOC{\"lat\":43.70,\"lon\":7.30} | field 'location': lat 43.7, lon 7.3 lies outside the city of Monaco",
      "negative duration | {\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"-PT2H\",\"step\":\"PT5M\",\"seed\":1} | field 'duration': must be positive, was -PT2H",
      "missing start | {\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"duration\":\"PT2H\",\"step\":\"PT5M\",\"seed\":1} | field 'start': is missing",
      "missing seed | {\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT5M\"} | field 'seed': is missing",
      "unknown district | LOC{\"district\":\"MC-XX\"} | field 'location.district': no district 'MC-XX' in Monaco",
      "unknown member | {\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT5M\",\"seed\":1,\"durration\":\"PT1H\"} | field 'durration': unknown member",
      "step longer than duration | {\"type\":\"flood\",\"mode\":\"forecast\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT3H\",\"seed\":1} | field 'step': PT3H is longer than the duration PT2H",
      "bad mode | {\"type\":\"flood\",\"mode\":\"live\",\"location\":{\"district\":\"MC-CO\"},\"start\":\"2026-11-24T06:00:00Z\",\"duration\":\"PT2H\",\"step\":\"PT5M\",\"seed\":1} | field 'mode': 'live' is not one of forecast, drill",
      "intervention without trigger | INT[{\"action\":\"close_schools\"}] | field 'interventions[0]': needs either 'at'",
      "intervention after the end | INT[{\"action\":\"close_schools\",\"at\":\"PT3H\"}] | field 'interventions[0].at': PT3H is after the end",
      "not JSON | {\"type\": | not valid JSON at line 1"})
  void badFilesNameTheFieldAndTheProblem(String what, String json, String message) {
    String doc = json.startsWith("LOC") ? file(json.substring(3), "")
        : json.startsWith("INT") ? file("{\"district\":\"MC-CO\"}", ",\"interventions\":" + json.substring(3)) : json;
    assertThatThrownBy(() -> read(doc)).isInstanceOf(ScenarioInputException.class)
        .hasMessageStartingWith("test.json").hasMessageContaining(message);
  }
}
