package io.citytwin.sim.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.sim.hazard.Fixtures;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forecasts from the live state start now, where the incident is, from what the sensors measure. */
class WhatIfTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-24T21:49:50.123Z");

  @Test
  void aFireIncidentBecomesTheTemplateFireInItsBuildingStartingNow() throws IOException {
    LiveIncident fire = new LiveIncident("INC-7", "fire", "Smoke in building w49209406 (2 detectors)",
        "building/w49209406", 7.4213, 43.7319, false);
    WhatIf.Forecast f = WhatIf.fromIncident(fire, new LiveState(NOW, List.of()), template("monaco-fire"));

    Scenario s = valid(f);
    assertThat(s.start()).isEqualTo(Instant.parse("2026-11-24T21:49:50Z"));
    assertThat(s.mode()).isEqualTo(Scenario.Mode.FORECAST);
    assertThat(s.site().entity().toString()).isEqualTo("building/w49209406");
    assertThat(s.id()).isEqualTo("whatif-INC-7");
    assertThat(s.duration()).isEqualTo(template("monaco-fire").get("duration").asText().transform(java.time.Duration::parse));
    assertThat(f.basis().get(0)).contains("INC-7").contains("building/w49209406");
    assertThat(f.document().get("description").asText()).contains("template 'monaco-fire'");
  }

  @Test
  void aGasLeakIsAChemicalReleaseAtTheIncidentNotAtTheTemplatesSource() throws IOException {
    LiveIncident leak = new LiveIncident("INC-9", "gas_leak", "Gas at 3 detectors", "district/MC-MC", 7.4200, 43.7390, false);
    Scenario s = valid(WhatIf.fromIncident(leak, new LiveState(NOW, List.of()), template("monaco-chemical")));
    assertThat(s.site().point().getX()).isCloseTo(7.4200, within(1e-9));
    assertThat(s.site().point().getY()).isCloseTo(43.7390, within(1e-9));
    assertThat(s.parameters().has("source")).isFalse();
  }

  @Test
  void theSeaStartsAtTheHighestFreshGaugeAndRisesAsTheTemplate() throws IOException {
    LiveState live = new LiveState(NOW, List.of(
        reading("wl-001", "water_level", 0.41, NOW.minusSeconds(30), true),
        reading("wl-002", "water_level", 0.73, NOW.minusSeconds(60), true),
        reading("wl-003", "water_level", 3.90, NOW.minusSeconds(3600), true), // stale: an hour old
        reading("wl-004", "water_level", 2.50, NOW.minusSeconds(10), false), // faulty sensor
        reading("wl-001", "rainfall", 0, NOW.minusSeconds(30), true)));
    JsonNode template = template("monaco-flood");
    WhatIf.Forecast f = WhatIf.fromNow(live, template);
    valid(f);

    JsonNode before = template.at("/parameters/sources/0/levelM");
    JsonNode after = f.document().at("/parameters/sources/0/levelM");
    assertThat(after.get(0).get(1).asDouble()).isEqualTo(0.73);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).get(0).asText()).isEqualTo(before.get(i).get(0).asText());
      assertThat(after.get(i).get(1).asDouble() - 0.73)
          .isCloseTo(before.get(i).get(1).asDouble() - before.get(0).get(1).asDouble(), within(1e-9));
    }
    assertThat(f.document().at("/parameters/sources/1/mmPerH").asDouble()).isZero();
    assertThat(f.basis()).anyMatch(b -> b.contains("wl-002") && b.contains("highest of 2"));
  }

  @Test
  void measuredRainPersistsForAnHourOverTheRainingGauges() throws IOException {
    LiveState live = new LiveState(NOW, List.of(
        reading("wx-1", "rainfall", 30, NOW, true, 7.42, 43.73),
        reading("wx-2", "rainfall", 10, NOW, true, 7.44, 43.75),
        reading("wx-3", "rainfall", 0, NOW, true, 7.40, 43.72)));
    WhatIf.Forecast f = WhatIf.fromNow(live, template("monaco-flood"));
    valid(f);
    JsonNode cell = f.document().at("/parameters/sources/1");
    assertThat(cell.at("/centre/lon").asDouble()).isCloseTo((7.42 * 30 + 7.44 * 10) / 40, within(1e-6));
    assertThat(cell.at("/centre/lat").asDouble()).isCloseTo((43.73 * 30 + 43.75 * 10) / 40, within(1e-6));
    assertThat(cell.get("mmPerH").toString()).isEqualTo("[[\"PT0S\",30.0],[\"PT1H\",30.0],[\"PT1H10M\",0]]");
    // The sea level stands when no gauge reports.
    assertThat(f.document().at("/parameters/sources/0/levelM")).isEqualTo(template("monaco-flood").at("/parameters/sources/0/levelM"));
    assertThat(f.basis()).anyMatch(b -> b.contains("no fresh water-level reading"));
  }

  @Test
  void incidentsWithoutAForecastAndMismatchedTemplatesAreNamed() {
    LiveIncident crowd = new LiveIncident("INC-3", "crowd_crush_risk", "Crowd", "district/MC-MC", 7.42, 43.74, false);
    assertThatThrownBy(() -> WhatIf.fromIncident(crowd, new LiveState(NOW, List.of()), template("monaco-fire")))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.field()).isEqualTo("incident"))
        .hasMessageContaining("crowd_crush_risk").hasMessageContaining("fire, flood, gas_leak");
    LiveIncident fire = new LiveIncident("INC-4", "fire", "Smoke", "building/w49209406", 7.42, 43.73, false);
    assertThatThrownBy(() -> WhatIf.fromIncident(fire, new LiveState(NOW, List.of()), template("monaco-flood")))
        .isInstanceOfSatisfying(ScenarioInputException.class, e -> assertThat(e.field()).isEqualTo("template"))
        .hasMessageContaining("needs a building_fire scenario");
    LiveIncident streetFire = new LiveIncident("INC-5", "fire", "Heat", "sensor/tmp-1", 7.42, 43.73, false);
    assertThatThrownBy(() -> WhatIf.fromIncident(streetFire, new LiveState(NOW, List.of()), template("monaco-fire")))
        .hasMessageContaining("not a building");
  }

  @Test
  void theTemplateIsNotTouched() throws IOException {
    JsonNode template = template("monaco-flood");
    String before = template.toString();
    WhatIf.fromNow(new LiveState(NOW, List.of(reading("wl-1", "water_level", 1.0, NOW, true))), template);
    assertThat(template.toString()).isEqualTo(before);
  }

  static LiveReading reading(String id, String quantity, double value, Instant at, boolean ok) {
    return reading(id, quantity, value, at, ok, 7.4223, 43.7367);
  }

  static LiveReading reading(String id, String quantity, double value, Instant at, boolean ok, double lon, double lat) {
    return new LiveReading(id, quantity, value, lon, lat, at, ok);
  }

  static JsonNode template(String id) throws IOException {
    try (InputStream in = WhatIfTest.class.getClassLoader().getResourceAsStream("scenarios/" + id + ".json")) {
      return JSON.readTree(in);
    }
  }

  /** The document passes the same validation as a scenario file. */
  static Scenario valid(WhatIf.Forecast f) throws IOException {
    return ScenarioFiles.read(new ByteArrayInputStream(JSON.writeValueAsBytes(f.document())), "what-if", "x",
        Fixtures.monacoSnapshot());
  }
}
