package io.citytwin.sim.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HazardModelsTest {
  static final String CHEM = "\"sourceStrengthGPerS\": 100, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, "
      + "\"stability\": \"D\", \"thresholds\": [{\"name\": \"AEGL-2\", \"mgPerM3\": 5.8}]";
  static final String FIRE = "\"ignition\": [\"w94399528\"], \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"D\"";
  static final String SEA = "{\"kind\": \"sea\", \"levelM\": 2}";

  static Scenario scenario(String type, String params) {
    return Fixtures.scenario(ScenarioType.fromCode(type).orElseThrow(), Fixtures.at(7.4195, 43.7335), params, 1,
        Duration.ofMinutes(30), Duration.ofMinutes(10));
  }

  static HazardModel build(String type, String params) {
    return HazardModels.fromScenario(scenario(type, params), Fixtures.monacoSnapshot());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown member | chemical_release | {" + CHEM + ", \"windSpeeed\": 3} | field 'parameters.windSpeeed': unknown member",
      "negative strength | chemical_release | {\"sourceStrengthGPerS\": -5, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"D\", \"thresholds\": [{\"name\": \"A\", \"mgPerM3\": 1}]} | field 'parameters.sourceStrengthGPerS': must be positive, was -5.0",
      "unknown stability class | chemical_release | {\"sourceStrengthGPerS\": 5, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"G\", \"thresholds\": [{\"name\": \"A\", \"mgPerM3\": 1}]} | field 'parameters.stability': 'G' is not a stability class",
      "stability and sky | chemical_release | {" + CHEM + ", \"sky\": \"overcast\"} | field 'parameters.sky': give either 'stability' or 'sky', not both",
      "unknown sky | chemical_release | {\"sourceStrengthGPerS\": 5, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"sky\": \"sunny\", \"thresholds\": [{\"name\": \"A\", \"mgPerM3\": 1}]} | field 'parameters.sky': 'sunny' is not one of strong_insolation",
      "calm wind | chemical_release | {\"sourceStrengthGPerS\": 5, \"wind\": {\"speedMps\": 0.2, \"fromDeg\": 90}, \"stability\": \"D\", \"thresholds\": [{\"name\": \"A\", \"mgPerM3\": 1}]} | field 'parameters.wind.speedMps': 0.2 is outside 1.0..60.0",
      "source outside the city | chemical_release | {" + CHEM + ", \"source\": {\"lat\": 43.70, \"lon\": 7.30}} | field 'parameters.source': lat 43.7, lon 7.3 lies outside the city of Monaco",
      "no thresholds | chemical_release | {\"sourceStrengthGPerS\": 5, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"D\"} | field 'parameters.thresholds': is missing",
      "same threshold twice | chemical_release | {\"sourceStrengthGPerS\": 5, \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"D\", \"thresholds\": [{\"name\": \"AEGL-2\", \"mgPerM3\": 1}, {\"name\": \"aegl 2\", \"mgPerM3\": 2}]} | field 'parameters.thresholds[1].name': 'aegl 2' is the same as another",
      "closing at an unknown level | chemical_release | {" + CHEM + ", \"closeRoadsAt\": \"ERPG-3\"} | field 'parameters.closeRoadsAt': 'ERPG-3' is not the name of one of the thresholds",
      "unknown dispersion | chemical_release | {" + CHEM + ", \"dispersion\": \"puff\"} | field 'parameters.dispersion': 'puff' is not one of",
      "no sources | flood | {} | field 'parameters.sources': is missing",
      "unknown source kind | flood | {\"sources\": [{\"kind\": \"tsunami\"}]} | field 'parameters.sources[0].kind': 'tsunami' is not one of sea, inflow, rain",
      "offsets going back | flood | {\"sources\": [{\"kind\": \"sea\", \"levelM\": [[\"PT1H\", 1], [\"PT30M\", 2]]}]} | field 'parameters.sources[0].levelM[1][0]': offsets must increase",
      "bad offset | flood | {\"sources\": [{\"kind\": \"sea\", \"levelM\": [[\"1 hour\", 1]]}]} | field 'parameters.sources[0].levelM[0][0]': '1 hour' is not an ISO-8601 duration",
      "negative discharge | flood | {\"sources\": [{\"kind\": \"inflow\", \"m3PerS\": -3}]} | field 'parameters.sources[0].m3PerS': -3.0 is outside 0.0..100000.0",
      "inflow outside the city | flood | {\"sources\": [{\"kind\": \"inflow\", \"at\": {\"lat\": 43.75, \"lon\": 7.40}, \"m3PerS\": 3}]} | field 'parameters.sources[0].at': lat 43.75, lon 7.4 lies outside the city of Monaco",
      "sea without a sea | flood | {\"sources\": [" + SEA + "], \"terrain\": {\"sea\": \"none\"}} | field 'parameters.sources[0].kind': terrain.sea is none",
      "radius without near | flood | {\"sources\": [{\"kind\": \"sea\", \"levelM\": 2, \"radiusM\": 100}]} | field 'parameters.sources[0].radiusM': only applies with 'near'",
      "unknown terrain member | flood | {\"sources\": [" + SEA + "], \"terrain\": {\"slope\": 0.1}} | field 'parameters.terrain.slope': unknown member",
      "unknown building | building_fire | {\"ignition\": [\"w1\"], \"wind\": {\"speedMps\": 3, \"fromDeg\": 90}, \"stability\": \"D\"} | field 'parameters.ignition[0]': no building 'w1' in Monaco",
      "negative cordon | building_fire | {" + FIRE + ", \"exclusionRadiusM\": -10} | field 'parameters.exclusionRadiusM': -10.0 is outside 0.0..1000.0",
      "fire without wind | building_fire | {\"ignition\": [\"w94399528\"], \"stability\": \"D\"} | field 'parameters.wind': is missing",
      "unknown spread member | building_fire | {" + FIRE + ", \"spread\": {\"speed\": 1}} | field 'parameters.spread.speed': unknown member",
      "unknown way | traffic_incident | {\"closures\": [{\"wayId\": 1}]} | field 'parameters.closures[0].wayId': way 1 is not a road of Monaco",
      "edge out of range | traffic_incident | {\"closures\": [{\"edges\": [3, 99999999]}]} | field 'parameters.closures[0].edges[1]': 99999999 is not an edge index",
      "two ways of closing | traffic_incident | {\"closures\": [{\"edges\": [3], \"wayId\": 4226740}]} | field 'parameters.closures[0]': give exactly one of",
      "closure point outside | traffic_incident | {\"closures\": [{\"near\": {\"lat\": 43.70, \"lon\": 7.40}}]} | field 'parameters.closures[0].near': lat 43.7, lon 7.4 lies outside",
      "closure after the end | traffic_incident | {\"closures\": [{\"wayId\": 4226740, \"from\": \"PT2H\"}]} | field 'parameters.closures[0].from': PT2H is not before the end",
      "unknown mode | traffic_incident | {\"closures\": [{\"wayId\": 4226740}], \"mode\": \"bus\"} | field 'parameters.mode': 'bus' is not one of car, foot"})
  void badParametersNameTheirField(String what, String type, String params, String message) {
    assertThatThrownBy(() -> build(type, params)).isInstanceOf(ScenarioInputException.class)
        .hasMessageStartingWith("test.json, field 'parameters").hasMessageContaining(message);
  }

  @Test
  void onlyHazardTypesAreBuiltAndInterventionsAreRefused() {
    assertThatThrownBy(() -> build("epidemic", "{}")).isInstanceOf(ScenarioInputException.class)
        .hasMessageContaining("field 'type': 'epidemic' is not a hazard type");
    Scenario s = scenario("traffic_incident", "{\"closures\": [{\"wayId\": 4226740}]}");
    Scenario withIntervention = new Scenario(s.id(), s.name(), s.type(), s.mode(), s.site(), s.start(), s.duration(),
        s.step(), s.seed(), s.parameters(), List.of(new Scenario.Intervention("reopen", Duration.ofMinutes(10), null,
            Double.NaN, s.parameters())), s.source());
    assertThatThrownBy(() -> HazardModels.fromScenario(withIntervention, Fixtures.monacoSnapshot()))
        .isInstanceOf(ScenarioInputException.class).hasMessageContaining("field 'interventions[0]'");
    assertThat(build("traffic_incident", "{\"closures\": [{\"wayId\": 4226740}]}")).isNotNull();
  }

  @Test
  void stepsMustEndOnTheScenariosBoundaries() {
    HazardModel m = build("traffic_incident", "{\"closures\": [{\"wayId\": 4226740}]}");
    assertThatThrownBy(() -> m.step(1, Fixtures.START, Duration.ofMinutes(7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step 1 must end at 2026-11-24T06:10:00Z");
    assertThat(m.step(1, Fixtures.START, Duration.ofMinutes(10)).time()).isEqualTo(Fixtures.START.plusSeconds(600));
  }

  /**
   * Generated garbage: parameter objects assembled from the members the models know, with values
   * of random types (and now and then unknown members), from a fixed seed. Every one must either
   * build or fail with a {@link ScenarioInputException} that names a {@code parameters} field —
   * never with anything else.
   */
  @Test
  void garbageParametersFailOnlyWithFieldErrors() {
    SplittableRandom r = new SplittableRandom(20261124);
    String[][] members = {
        {"chemical_release", "substance", "source", "sourceStrengthGPerS", "releaseHeightM", "releaseStart",
            "releaseDuration", "wind", "stability", "sky", "dispersion", "groundReflection", "receptorHeightM",
            "thresholds", "closeRoadsAt", "grid", "minDistanceM"},
        {"flood", "sources", "terrain", "grid", "manningN", "baseSeaLevelM", "floodedDepthM", "roadClosureDepthM"},
        {"building_fire", "ignition", "ignitionAt", "wind", "stability", "sky", "spread", "smoke", "exclusionRadiusM"},
        {"traffic_incident", "closures", "mode", "samplePairs", "sampleRadiusM", "pairs"}};
    int built = 0;
    for (int n = 0; n < 300; n++) {
      String[] m = members[r.nextInt(members.length)];
      ObjectNode p = JsonNodeFactory.instance.objectNode();
      for (int i = 1; i < m.length; i++) {
        if (r.nextInt(3) > 0) {
          p.set(m[i], garbage(r, 2));
        }
      }
      if (r.nextInt(10) == 0) {
        p.set("extra" + r.nextInt(100), garbage(r, 1));
      }
      Scenario s = Fixtures.scenario(ScenarioType.fromCode(m[0]).orElseThrow(), Fixtures.at(7.4195, 43.7335),
          p.toString(), 1, Duration.ofMinutes(10), Duration.ofMinutes(10));
      try {
        HazardModels.fromScenario(s, Fixtures.monacoSnapshot());
        built++;
      } catch (ScenarioInputException e) {
        assertThat(e.field()).as("%s with %s", m[0], p).startsWith("parameters");
        assertThat(e.getMessage()).startsWith("test.json, field '" + e.field() + "': ");
      }
    }
    assertThat(built).isLessThan(300); // garbage mostly fails (and above: cleanly)
  }

  static com.fasterxml.jackson.databind.JsonNode garbage(SplittableRandom r, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (r.nextInt(depth > 0 ? 9 : 7)) {
      case 0: return f.numberNode(r.nextInt(-5, 50));
      case 1: return f.numberNode(r.nextDouble(-1e6, 1e6));
      case 2: return f.textNode(List.of("", "D", "PT5M", "osm", "sea", "w94399528", "car", "A-B", "-PT1M", "x").get(r.nextInt(10)));
      case 3: return f.booleanNode(r.nextBoolean());
      case 4: return f.nullNode();
      case 5: return f.numberNode(List.of(Double.MAX_VALUE, -0.0, 1e-300, 4226740.0).get(r.nextInt(4)));
      case 6: return f.textNode("PT" + r.nextInt(0, 200) + "M");
      case 7: {
        ArrayNode a = f.arrayNode();
        for (int i = r.nextInt(3); i > 0; i--) {
          a.add(garbage(r, depth - 1));
        }
        return a;
      }
      default: {
        ObjectNode o = f.objectNode();
        String[] keys = {"lat", "lon", "speedMps", "fromDeg", "kind", "levelM", "name", "mgPerM3", "wayId", "cellM", "near"};
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(keys[r.nextInt(keys.length)], garbage(r, depth - 1));
        }
        return o;
      }
    }
  }
}
