package io.citytwin.app.wiring;

import io.citytwin.sim.coupling.HazardEvacuation;
import io.citytwin.sim.epidemic.EpidemicModel;
import io.citytwin.sim.hazard.HazardModels;
import io.citytwin.sim.run.Models;
import io.citytwin.sim.scenario.ScenarioType;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scenario models this build can run, for {@code citytwin simulate}, drills and the scenario
 * API: the four hazards, evacuation (alone or under a hazard) and the epidemic. A type without a
 * factory is refused with a message naming it.
 */
public final class ScenarioModels {
  private ScenarioModels() {}

  /** Every model of this build. */
  public static Models all() {
    Models models = Models.none()
        .with(ScenarioType.EVACUATION, HazardEvacuation::fromScenario)
        .with(ScenarioType.EPIDEMIC, EpidemicModel::fromScenario);
    for (ScenarioType t : HazardModels.TYPES) {
      models = models.with(t, HazardModels::fromScenario);
    }
    return models;
  }

  /**
   * Ids of the scenarios shipped on the class path ({@code scenarios/index.json}: a JSON array of
   * ids; each is {@code scenarios/{id}.json}).
   */
  public static List<String> builtInScenarios() {
    try (InputStream in = ScenarioModels.class.getClassLoader().getResourceAsStream("scenarios/index.json")) {
      if (in == null) {
        return List.of();
      }
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream().map(String::valueOf).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading scenarios/index.json", e);
    }
  }
}
