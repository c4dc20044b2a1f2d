package io.citytwin.sim.run;

import io.citytwin.sim.scenario.Scenario;
import io.citytwin.twin.cim.CitySnapshot;

/**
 * Builds the model of one scenario type. Registered in {@link Models} under a
 * {@link io.citytwin.sim.scenario.ScenarioType}.
 */
@FunctionalInterface
public interface ModelFactory {

  /**
   * A fresh model for one run, positioned at {@code scenario.start()}. Validates the model's own
   * {@link Scenario#parameters()} and interventions.
   *
   * @throws io.citytwin.sim.scenario.ScenarioInputException naming the field when a parameter is
   *     missing or wrong
   */
  SimulationModel create(Scenario scenario, CitySnapshot city);
}
