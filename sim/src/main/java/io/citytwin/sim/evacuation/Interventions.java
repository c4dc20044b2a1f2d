package io.citytwin.sim.evacuation;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.road.RoadGraph;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The scenario interventions the evacuation understands, switched on at a time or when a metric
 * first exceeds a threshold (the threshold is checked on each frame; the action applies from the
 * next step):
 *
 * <ul>
 *   <li>{@code close_road} {@code {"ways": [osmWayId, ...]}}: every edge of those OSM ways closes to
 *       cars and pedestrians;
 *   <li>{@code open_shelter} {@code {"name", "lat", "lon", "capacity"}}: a new assembly place takes
 *       evacuees.
 * </ul>
 */
final class Interventions {
  static final List<String> ACTIONS = List.of("close_road", "open_shelter");

  /** One intervention: exactly one of {@code closes} and {@code opens} is set. */
  static final class Planned {
    final int index;
    final Scenario.Intervention spec;
    final BitSet closes;
    final EvacuationParams.ExtraSite opens;
    boolean triggered;
    boolean applied;

    Planned(int index, Scenario.Intervention spec, BitSet closes, EvacuationParams.ExtraSite opens) {
      this.index = index;
      this.spec = spec;
      this.closes = closes;
      this.opens = opens;
    }

    boolean dueAt(double nowS) {
      return !applied && (triggered || spec.at() != null && spec.at().toMillis() / 1000.0 <= nowS);
    }

    String describe() {
      return "intervention " + spec.action() + (closes != null ? " (" + closes.cardinality() + " edges)"
          : " (" + opens.name() + ", " + opens.capacity() + " places)");
    }
  }

  private Interventions() {}

  /** Checks every intervention of {@code s}; {@code metrics} are the names thresholds may use. */
  static List<Planned> parse(Scenario s, CityModel city, Set<String> metrics) {
    List<Planned> out = new ArrayList<>();
    for (int i = 0; i < s.interventions().size(); i++) {
      Scenario.Intervention in = s.interventions().get(i);
      String at = "interventions[" + i + "]";
      if (in.whenMetric() != null && !metrics.contains(in.whenMetric())) {
        throw new ScenarioInputException(s.source(), at + ".whenMetric", "'" + in.whenMetric()
            + "' is not a metric of the evacuation (known: " + String.join(", ", new java.util.TreeSet<>(metrics)) + ")");
      }
      switch (in.action()) {
        case "close_road" -> out.add(new Planned(i, in, closes(in.parameters(), city.roads()), null));
        case "open_shelter" -> out.add(new Planned(i, in, null, EvacuationParams.site(in.parameters(), city)));
        default -> throw new ScenarioInputException(s.source(), at + ".action", "'" + in.action()
            + "' is not an evacuation intervention (known: " + String.join(", ", ACTIONS) + ")");
      }
    }
    return out;
  }

  private static BitSet closes(Params p, RoadGraph graph) {
    p.onlyKnown(Set.of("ways"));
    JsonNode ways = p.node().get("ways");
    if (ways == null || !ways.isArray() || ways.isEmpty()) {
      throw p.fail("ways", "must be a non-empty array of OSM way ids");
    }
    BitSet edges = new BitSet();
    for (int j = 0; j < ways.size(); j++) {
      JsonNode w = ways.get(j);
      if (!w.isIntegralNumber()) {
        throw p.fail("ways[" + j + "]", "must be an OSM way id (a whole number)");
      }
      long id = w.asLong();
      int before = edges.cardinality();
      for (RoadGraph.Edge e : graph.edges()) {
        if (e.wayId() == id) {
          edges.set(e.index());
        }
      }
      if (edges.cardinality() == before) {
        throw p.fail("ways[" + j + "]", "no road of the city has OSM way id " + id);
      }
    }
    return edges;
  }
}
