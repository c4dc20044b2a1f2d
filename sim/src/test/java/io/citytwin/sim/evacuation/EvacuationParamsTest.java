package io.citytwin.sim.evacuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvacuationParamsTest {

  private static EvacuationParams parse(String json) {
    return EvacuationParams.parse(GridTown.params("parameters", json), GridTown.model());
  }

  private static void failsAt(ThrowingCallable call, String field, String problem) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ScenarioInputException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.problem()).contains(problem);
      assertThat(e.getMessage()).startsWith("grid.json, field '" + field + "'");
    });
  }

  @Test
  void everythingHasADefault() {
    EvacuationParams p = parse("{}");
    assertThat(p.dangerBufferM()).isNull();
    assertThat(p.affected().area()).isEqualTo("danger");
    assertThat(p.compliance()).isEqualTo(1.0);
    assertThat(p.car()).isEqualTo(new EvacuationParams.Car(0.5, 1.5, 7.5, null));
    assertThat(p.foot()).isEqualTo(new EvacuationParams.Foot(1.34, 2.0, true));
    assertThat(p.mobilisation()).isEqualTo(new Mobilisation.Rayleigh(900));
    assertThat(p.mobilisationDelay()).isZero();
    assertThat(p.shelters().kinds()).containsExactly(PoiKind.ASSEMBLY_POINT, PoiKind.SCHOOL, PoiKind.UNIVERSITY);
    assertThat(p.shelters().capacity()).isEqualTo(1000);
    assertThat(p.tick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.congestedLinks()).isEqualTo(10);
    assertThat(p.responders()).isNull();
  }

  @Test
  void aFullSetIsReadAsWritten() {
    EvacuationParams p = parse("""
        {"dangerZone": {"bufferM": 150}, "affected": {"area": "site", "bufferM": 50, "buildings": ["w1000"]},
         "compliance": 0.9, "car": {"share": 0.3, "occupancy": 2, "vehicleLengthM": 6, "abandonAfter": "PT15M"},
         "foot": {"speedMps": 1.2, "walkwayWidthM": 3, "densityDependent": false},
         "mobilisation": {"curve": "lognormal", "delay": "PT5M", "median": "PT10M", "sigma": 0.5},
         "shelters": {"kinds": ["assembly_point"], "capacity": 300, "capacities": {"poi/n1": 50},
                      "sites": [{"name": "Stadium", "lat": 43.7054, "lon": 7.4075, "capacity": 5000}]},
         "tick": "PT2S", "congestedLinks": 5,
         "responders": {"incident": "chemical_release", "severity": "extreme", "delay": "PT2M", "congestionDelay": false}}
        """);
    assertThat(p.dangerBufferM()).isEqualTo(150);
    assertThat(p.affected()).isEqualTo(new EvacuationParams.Affected("site", 50, List.of("building/w1000")));
    assertThat(p.car()).isEqualTo(new EvacuationParams.Car(0.3, 2, 6, Duration.ofMinutes(15)));
    assertThat(p.foot()).isEqualTo(new EvacuationParams.Foot(1.2, 3, false));
    assertThat(p.mobilisation()).isEqualTo(new Mobilisation.LogNormal(600, 0.5));
    assertThat(p.mobilisationDelay()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.shelters().capacities()).containsEntry("poi/n1", 50);
    assertThat(p.shelters().sites()).extracting(EvacuationParams.ExtraSite::name).containsExactly("Stadium");
    assertThat(p.responders().congestionDelay()).isFalse();
    assertThat(p.responders().delay()).isEqualTo(Duration.ofMinutes(2));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"carr\": {}}                                            | parameters.carr                     | unknown member",
      "{\"car\": {\"share\": 1.5}}                                | parameters.car.share                | outside 0.0..1.0",
      "{\"car\": {\"shere\": 0.2}}                                | parameters.car.shere                | unknown member",
      "{\"car\": {\"abandonAfter\": \"PT0S\"}}                    | parameters.car.abandonAfter         | must be positive",
      "{\"compliance\": \"all\"}                                  | parameters.compliance               | must be a number",
      "{\"mobilisation\": {\"median\": \"PT10M\"}}                | parameters.mobilisation.median      | unknown member",
      "{\"mobilisation\": {\"curve\": \"weibull\"}}               | parameters.mobilisation.curve       | not one of",
      "{\"mobilisation\": {\"mean\": \"10 minutes\"}}             | parameters.mobilisation.mean        | not an ISO-8601 duration",
      "{\"shelters\": {\"kinds\": [\"school\", \"stadium\"]}}     | parameters.shelters.kinds[1]        | not a POI kind",
      "{\"shelters\": {\"kinds\": \"school\"}}                    | parameters.shelters.kinds           | must be an array",
      "{\"shelters\": {\"capacities\": {\"poi/n99\": 10}}}        | parameters.shelters.capacities.poi/n99 | no POI",
      "{\"shelters\": {\"capacities\": {\"poi/n6\": 10}}}         | parameters.shelters.capacities.poi/n6  | is a fire_station",
      "{\"shelters\": {\"sites\": [{\"name\": \"x\", \"lat\": 44.5, \"lon\": 7.4, \"capacity\": 9}]}} | parameters.shelters.sites[0] | outside Gridtown",
      "{\"shelters\": {\"sites\": [{\"name\": \"x\", \"lon\": 7.4, \"capacity\": 9}]}} | parameters.shelters.sites[0].lat | is missing",
      "{\"affected\": {\"buildings\": [\"w1000\", \"w9\"]}}        | parameters.affected.buildings[1]    | no building 'w9'",
      "{\"affected\": {\"area\": \"everywhere\"}}                 | parameters.affected.area            | not one of",
      "{\"responders\": {\"incident\": \"alien\"}}                | parameters.responders.incident      | not one of",
      "{\"responders\": {}}                                      | parameters.responders.incident      | is missing",
      "{\"tick\": \"PT5M\"}                                       | parameters.tick                     | longer than PT1M",
      "{\"congestedLinks\": 2.5}                                 | parameters.congestedLinks           | whole number",
      "{\"dangerZone\": {\"bufferM\": -1}}                        | parameters.dangerZone.bufferM       | outside"})
  void badParametersNameTheirJsonPath(String json, String field, String problem) {
    failsAt(() -> parse(json), field, problem);
  }

  @Test
  void theModelChecksWhatNeedsTheScenarioToo() {
    failsAt(() -> build("{\"tick\": \"PT30S\"}", List.of()), "parameters.tick", "longer than the scenario step");
    failsAt(() -> build("{\"shelters\": {\"kinds\": [\"hospital\"]}}", List.of()), "parameters.shelters",
        "no shelter");
    failsAt(() -> build("{}", List.of(intervention("evacuate_moon", "{}", null))), "interventions[0].action",
        "not an evacuation intervention");
    failsAt(() -> build("{}", List.of(intervention("close_road", "{}", "peopleInSpace"))),
        "interventions[0].whenMetric", "not a metric");
    failsAt(() -> build("{}", List.of(intervention("close_road", "{\"ways\": [999]}", null))),
        "interventions[0].parameters.ways[0]", "no road");
    failsAt(() -> build("{}", List.of(intervention("open_shelter", "{\"name\": \"x\", \"lat\": 43.7}", null))),
        "interventions[0].parameters.lon", "is missing");
  }

  @Test
  void anEvacuationInsideAnotherScenarioNamesPathsBelowItsOwnObject() {
    Scenario s = GridTown.scenario("{\"wind\": {\"speedMps\": 3}, \"evacuation\": {\"car\": {\"share\": 2}}}", 1,
        Duration.ofMinutes(10), Duration.ofSeconds(10), List.of());
    failsAt(() -> EvacuationModel.withinScenario(s, s.parameters().object("evacuation"), GridTown.index(),
        GridTown.plans(), HazardField.none()), "parameters.evacuation.car.share", "outside 0.0..1.0");
    Scenario ok = GridTown.scenario("{\"wind\": {\"speedMps\": 3}, \"evacuation\": {\"tick\": \"PT2S\"}}", 1,
        Duration.ofMinutes(10), Duration.ofSeconds(10), List.of());
    assertThat(EvacuationModel.withinScenario(ok, ok.parameters().object("evacuation"), GridTown.index(),
        GridTown.plans(), HazardField.fixed(GridTown.box(2, 2, 3, 3))).metrics()).isNotEmpty();
  }

  private static Scenario.Intervention intervention(String action, String parameters, String metric) {
    return new Scenario.Intervention(action, metric == null ? Duration.ofMinutes(1) : null, metric, 1,
        GridTown.params("interventions[0].parameters", parameters));
  }

  private static EvacuationModel build(String parameters, List<Scenario.Intervention> interventions) {
    Scenario s = GridTown.scenario(parameters, 1, Duration.ofMinutes(10), Duration.ofSeconds(10), interventions);
    return EvacuationModel.fromScenario(s, GridTown.index(), GridTown.plans(), HazardField.none());
  }

  /** Generated parameter trees: either accepted or refused with a path under "parameters". */
  @Property(tries = 300)
  void garbageIsRefusedWithAPathNeverWithAnotherException(@ForAll long seed) {
    JsonNode tree = Garbage.tree(new Random(seed));
    try {
      EvacuationParams.parse(new Params("grid.json", "parameters", tree), GridTown.model());
    } catch (ScenarioInputException e) {
      assertThat(e.field()).startsWith("parameters");
      assertThat(e.getMessage()).startsWith("grid.json");
    }
  }

  /** Random JSON shaped like the parameters: known member names mixed with typos and wrong types. */
  static final class Garbage {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KEYS = {"dangerZone", "bufferM", "affected", "area", "buildings", "compliance",
        "car", "share", "occupancy", "vehicleLengthM", "abandonAfter", "foot", "speedMps", "walkwayWidthM",
        "densityDependent", "mobilisation", "curve", "delay", "mean", "median", "sigma", "shelters", "kinds",
        "capacity", "capacities", "sites", "name", "lat", "lon", "tick", "congestedLinks", "responders",
        "incident", "severity", "congestionDelay", "poi/n1", "x", ""};
    private static final String[] TEXTS = {"PT5M", "rayleigh", "lognormal", "site", "danger", "school",
        "w1000", "chemical_release", "severe", "P1D", "-PT1S", "", "é", "null"};

    static JsonNode tree(Random r) {
      ObjectNode o = F.objectNode();
      for (int i = r.nextInt(5); i > 0; i--) {
        o.set(KEYS[r.nextInt(KEYS.length)], value(r, 3));
      }
      return o;
    }

    private static JsonNode value(Random r, int depth) {
      switch (r.nextInt(depth > 0 ? 8 : 6)) {
        case 0:
          return F.numberNode(r.nextGaussian() * Math.pow(10, r.nextInt(6)));
        case 1:
          return F.numberNode(r.nextInt(2000) - 100);
        case 2:
          return F.textNode(TEXTS[r.nextInt(TEXTS.length)]);
        case 3:
          return F.booleanNode(r.nextBoolean());
        case 4:
          return F.nullNode();
        case 5:
          return F.numberNode(r.nextBoolean() ? Double.MAX_VALUE : 1e-300);
        case 6: {
          ArrayNode a = F.arrayNode();
          for (int i = r.nextInt(4); i > 0; i--) {
            a.add(value(r, depth - 1));
          }
          return a;
        }
        default: {
          ObjectNode o = F.objectNode();
          for (int i = r.nextInt(5); i > 0; i--) {
            o.set(KEYS[r.nextInt(KEYS.length)], value(r, depth - 1));
          }
          return o;
        }
      }
    }
  }
}
