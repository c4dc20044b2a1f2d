package io.citytwin.sim.epidemic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.geo.layer.District;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated garbage in every parameter and intervention field: parsing either succeeds or fails
 * with a {@link ScenarioInputException} naming a field under {@code parameters} or {@code
 * interventions}; nothing else escapes (no NullPointerException, ClassCastException, ...).
 */
class EpidemicInputGarbageTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final List<String> PATHS = List.of("agents", "initialInfected", "seedArea", "mixing",
      "transmission", "transmission.perContact", "transmission.symptomaticShare",
      "transmission.asymptomaticInfectiousness", "contactsPerDay", "contactsPerDay.household",
      "contactsPerDay.school", "contactsPerDay.work", "contactsPerDay.community",
      "contactsPerDay.homogeneous", "community.ownDistrictShare", "durations",
      "durations.latent", "durations.latent.mean", "durations.infectious.shape",
      "durations.hospitalStay.mean", "severity.hospitalisationIfSymptomatic",
      "severity.deathIfHospitalised", "population.householdSizes", "population.ageStructure",
      "population.schoolAgeFrom", "population.classSize", "population.employmentRate",
      "population.workplaceSize", "hospital.m2PerBed", "hospital.beds", "zoning.mediumFrom",
      "zoning.highFrom", "unknownThing", "transmission.extra");
  static final List<String> DISTRICT_CODES = List.of("MC-CO", "MC-MC", "MC-FO");

  @Property(tries = 400)
  void parametersParseOrNameTheirField(@ForAll("paths") String path, @ForAll("values") JsonNode value) {
    ObjectNode root = F.objectNode();
    set(root, path, value);
    try {
      EpidemicConfig.parse(new Params("g.json", "parameters", root), 39050);
    } catch (ScenarioInputException e) {
      assertThat(e.field()).startsWith("parameters");
      assertThat(e.getMessage()).contains(e.field());
    }
  }

  @Property(tries = 300)
  void interventionsParseOrNameTheirField(@ForAll("actions") String action,
      @ForAll("interventionKeys") String key, @ForAll("values") JsonNode value,
      @ForAll("metrics") String metric) {
    ObjectNode p = F.objectNode();
    if (action.equals("lockdown_district")) {
      p.put("district", DISTRICT_CODES.get(Math.abs(key.hashCode()) % DISTRICT_CODES.size()));
    }
    p.set(key, value);
    boolean byMetric = metric.length() % 2 == 0;
    Scenario.Intervention in = new Scenario.Intervention(action,
        byMetric ? null : java.time.Duration.ofDays(key.length()), byMetric ? metric : null,
        key.length() * 3.0, new Params("g.json", "interventions[0].parameters", p));
    Scenario s = Scenarios.epidemic(1, 10, "{}");
    Scenario withIntervention = new Scenario(s.id(), s.name(), s.type(), s.mode(), s.site(), s.start(),
        s.duration(), s.step(), s.seed(), s.parameters(), List.of(in), "g.json");
    List<District> districts = Monaco.city().source().districts();
    try {
      List<Measure> measures = Measures.parse(withIntervention, districts, EpidemicMetrics.NAMES);
      assertThat(measures).hasSize(1);
    } catch (ScenarioInputException e) {
      assertThat(e.field()).startsWith("interventions[0]");
    }
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(PATHS);
  }

  @Provide
  Arbitrary<String> actions() {
    return Arbitraries.oneOf(Arbitraries.of(Measures.ACTIONS),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> interventionKeys() {
    return Arbitraries.of("duration", "district", "contactReduction", "transmissionFactor",
        "symptomaticDetection", "asymptomaticDetection", "isolation", "householdIsolation",
        "dailyRate", "coverage", "efficacy", "minAge", "priority", "bogus");
  }

  @Provide
  Arbitrary<String> metrics() {
    return Arbitraries.oneOf(Arbitraries.of(EpidemicMetrics.NAMES), Arbitraries.strings().ofMaxLength(8));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e9, 1e9).map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.of(-1.0, 0.0, 0.5, 1.0, 2.0, 1e300, Double.MIN_VALUE)
            .map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.strings().ofMaxLength(10).map(t -> (JsonNode) F.textNode(t)),
        Arbitraries.of("P3D", "PT1H", "-P1D", "P0D", "oldest_first", "homogeneous", "city")
            .map(t -> (JsonNode) F.textNode(t)),
        Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
        Arbitraries.just(F.nullNode()));
    Arbitrary<JsonNode> arrays = scalars.list().ofMaxSize(10).map(list -> {
      ArrayNode a = F.arrayNode();
      list.forEach(a::add);
      return (JsonNode) a;
    });
    Arbitrary<JsonNode> objects = Combinators.combine(
        Arbitraries.of("mean", "shape", "perContact", "x"), scalars).as((k, v) -> {
          ObjectNode o = F.objectNode();
          o.set(k, v);
          return (JsonNode) o;
        });
    return Arbitraries.oneOf(scalars, arrays, objects);
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.withObject("/" + parts[i]);
    }
    at.set(parts[parts.length - 1], value);
  }
}
