package io.citytwin.sim.coupling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.sim.evacuation.EvacuationModel;
import io.citytwin.sim.evacuation.HazardField;
import io.citytwin.sim.hazard.Hazard;
import io.citytwin.sim.hazard.HazardModel;
import io.citytwin.sim.hazard.HazardModels;
import io.citytwin.sim.run.Frame;
import io.citytwin.sim.run.Metric;
import io.citytwin.sim.run.SimulationModel;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * An evacuation whose danger area and closed roads come from a hazard model running alongside it:
 * {@code parameters.hazard} of an {@code evacuation} scenario names a built-in hazard scenario
 * ({@code "monaco-chemical"}) or holds a whole hazard scenario document, whose {@code start},
 * {@code duration}, {@code step}, {@code seed} and {@code mode} default to the evacuation's. Times
 * are absolute: a hazard starting before the evacuation is already under way when people start
 * to leave. The hazard's footprint is the evacuation's {@code dangerArea} at every step (people
 * are routed around it and count as in danger inside it) and its closed roads are impassable.
 * Without {@code parameters.hazard} the evacuation's own {@code dangerZone} says where danger is.
 *
 * <p>Building the model is CPU-bound (both models' set-up); call it off any event loop.
 */
public final class HazardEvacuation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> INHERITED = List.of("start", "duration", "step", "seed", "mode");

  private HazardEvacuation() {}

  /**
   * The model of an evacuation scenario, with its hazard when it names one.
   *
   * @throws ScenarioInputException naming the field: {@code parameters.hazard} when the hazard
   *     cannot be found or is not a hazard, or the hazard document's own field
   */
  public static SimulationModel fromScenario(Scenario scenario, CitySnapshot city) {
    Params p = scenario.parameters();
    if (!p.has("hazard")) {
      return EvacuationModel.fromScenario(scenario, city, HazardField.none());
    }
    Scenario hazardScenario = hazardScenario(scenario, city);
    if (!HazardModels.TYPES.contains(hazardScenario.type())) {
      throw p.fail("hazard", "'" + hazardScenario.id() + "' is a " + hazardScenario.type().code()
          + " scenario, not a hazard (chemical_release, flood, building_fire, traffic_incident)");
    }
    HazardModel hazard = HazardModels.fromScenario(hazardScenario, city);
    return new Coupled(EvacuationModel.fromScenario(scenario, city, field(hazard)), hazardScenario);
  }

  /** The hazard as the evacuation sees it: the same timeline, queried by time. */
  static HazardField field(Hazard hazard) {
    return new HazardField() {
      @Override
      public Geometry footprintAt(Instant time) {
        return hazard.footprintAt(time);
      }

      @Override
      public Set<Integer> closedEdgesAt(Instant time) {
        return hazard.closedEdgesAt(time);
      }
    };
  }

  private static Scenario hazardScenario(Scenario evacuation, CitySnapshot city) {
    Params p = evacuation.parameters();
    JsonNode node = p.node().get("hazard");
    if (node.isTextual()) {
      String id = p.text("hazard");
      try {
        return ScenarioFiles.builtIn(id, city);
      } catch (ScenarioInputException e) {
        throw p.fail("hazard", "no built-in scenario '" + id + "' (" + e.getMessage() + ")");
      }
    }
    if (!node.isObject()) {
      throw p.fail("hazard", "must be the id of a built-in hazard scenario or a hazard scenario document");
    }
    ObjectNode document = ((ObjectNode) node).deepCopy();
    document.put("id", document.path("id").asText(evacuation.id() + "-hazard"));
    ObjectNode parent;
    try {
      parent = (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(evacuationHeader(evacuation)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : INHERITED) {
      if (!document.has(key)) {
        document.set(key, parent.get(key));
      }
    }
    String source = evacuation.source() + " parameters.hazard";
    try {
      return ScenarioFiles.read(new ByteArrayInputStream(JSON.writeValueAsBytes(document)), source,
          evacuation.id() + "-hazard", city);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> evacuationHeader(Scenario s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", s.start().toString());
    m.put("duration", s.duration().toString());
    m.put("step", s.step().toString());
    m.put("seed", s.seed());
    m.put("mode", s.mode().name().toLowerCase(java.util.Locale.ROOT));
    return m;
  }

  /** The evacuation's frames and summary, the summary naming the hazard it ran under. */
  private record Coupled(SimulationModel evacuation, Scenario hazard) implements SimulationModel {
    @Override
    public List<Metric> metrics() {
      return evacuation.metrics();
    }

    @Override
    public Frame step(int step, Instant time, Duration dt) {
      return evacuation.step(step, time, dt);
    }

    @Override
    public boolean finished() {
      return evacuation.finished();
    }

    @Override
    public Map<String, Object> summary() {
      Map<String, Object> out = new LinkedHashMap<>(evacuation.summary());
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("id", hazard.id());
      h.put("type", hazard.type().code());
      h.put("start", hazard.start().toString());
      out.put("hazard", h);
      return out;
    }
  }
}
