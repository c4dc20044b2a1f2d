package io.citytwin.sim.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads the shipped example scenarios' common top level just far enough to build a {@link
 * Scenario} (the runner's reader validates it fully); the hazard parameters are left to the models.
 */
final class ExampleScenarios {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleScenarios() {}

  static Scenario read(String name) {
    String resource = "scenarios/" + name + ".json";
    try (InputStream in = ExampleScenarios.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      JsonNode root = JSON.readTree(in);
      Params parameters = new Params(resource, "parameters", root.get("parameters"));
      return new Scenario(root.get("id").asText(), root.get("name").asText(),
          ScenarioType.fromCode(root.get("type").asText()).orElseThrow(),
          Scenario.Mode.valueOf(root.get("mode").asText().toUpperCase(Locale.ROOT)), site(root.get("location")),
          Instant.parse(root.get("start").asText()), Duration.parse(root.get("duration").asText()),
          Duration.parse(root.get("step").asText()), root.get("seed").asLong(), parameters, List.of(), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Site site(JsonNode loc) {
    if (loc.has("lat")) {
      return Fixtures.at(loc.get("lon").asDouble(), loc.get("lat").asDouble());
    }
    EntityType type = loc.has("building") ? EntityType.BUILDING : EntityType.DISTRICT;
    String key = loc.get(loc.has("building") ? "building" : "district").asText();
    CityEntity e = Fixtures.monacoSnapshot().entity(EntityId.of(type, key)).orElseThrow();
    return new Site(e.geometry().getInteriorPoint(), e.geometry(), e.id());
  }
}
