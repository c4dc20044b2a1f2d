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
    return Models.none();
  }
}
