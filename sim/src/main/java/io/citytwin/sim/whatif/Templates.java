package io.citytwin.sim.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The scenario documents a what-if starts from: the built-in scenarios on the class path ({@code
 * scenarios/{id}.json}), and for an incident the first built-in forecast of its hazard type.
 */
public final class Templates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Templates() {}

  /**
   * The raw document of a built-in scenario.
   *
   * @throws ScenarioInputException when there is none or it is not a JSON object
   */
  public static JsonNode builtIn(String id) {
    String resource = "scenarios/" + id + (id.endsWith(".json") ? "" : ".json");
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioInputException(resource, null, "no such built-in scenario");
      }
      return parse(in, resource);
    } catch (IOException e) {
      throw new ScenarioInputException(resource, null, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * The first of {@code builtInIds} that is a forecast of {@code scenarioType}.
   *
   * @throws ScenarioInputException (field {@code template}) when none is
   */
  public static JsonNode defaultFor(String scenarioType, List<String> builtInIds) {
    for (String id : builtInIds) {
      JsonNode t = builtIn(id);
      if (scenarioType.equals(t.path("type").asText()) && "forecast".equals(t.path("mode").asText())) {
        return t;
      }
    }
    throw new ScenarioInputException("what-if", "template", "no built-in " + scenarioType
        + " scenario to start from; give a template");
  }

  /** A scenario document from a stream; {@code source} names it in errors. */
  public static JsonNode parse(InputStream in, String source) throws IOException {
    try {
      JsonNode n = JSON.readTree(in);
      if (n == null || !n.isObject()) {
        throw new ScenarioInputException(source, null, "must be a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new ScenarioInputException(source, null, "not valid JSON: " + e.getOriginalMessage());
    }
  }
}
