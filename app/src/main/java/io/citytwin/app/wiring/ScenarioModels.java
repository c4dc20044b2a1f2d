package io.citytwin.app.wiring;

import io.citytwin.sim.run.Models;

/**
 * The scenario models this build can run, for {@code citytwin simulate} and the scenario API.
 * Each model module contributes one {@link io.citytwin.sim.run.ModelFactory} per scenario type it
 * implements, e.g. {@code .with(ScenarioType.FLOOD, FloodModel::new)}; a type without a factory is
 * refused with a message naming it.
 */
public final class ScenarioModels {
  private ScenarioModels() {}

  /** Every model of this build (none yet: the hazard, evacuation and epidemic models register here). */
  public static Models all() {
    Models models = Models.none();
    for (io.citytwin.sim.scenario.ScenarioType t : io.citytwin.sim.hazard.HazardModels.TYPES) {
      models = models.with(t, io.citytwin.sim.hazard.HazardModels::fromScenario);
    }
    return models;
  }

  /**
   * Ids of the scenarios shipped on the class path ({@code scenarios/index.json}: a JSON array of
   * ids; each is {@code scenarios/{id}.json}).
   */
  public static java.util.List<String> builtInScenarios() {
    try (java.io.InputStream in = ScenarioModels.class.getClassLoader().getResourceAsStream("scenarios/index.json")) {
      if (in == null) {
        return java.util.List.of();
      }
      return new io.vertx.core.json.JsonArray(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .stream().map(String::valueOf).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("reading scenarios/index.json", e);
    }
  }
}
