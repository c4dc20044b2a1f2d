package io.citytwin.sim.hazard;

import io.citytwin.sim.hazard.fire.BuildingFireModel;
import io.citytwin.sim.hazard.flood.FloodModel;
import io.citytwin.sim.hazard.plume.ChemicalReleaseModel;
import io.citytwin.sim.hazard.traffic.TrafficIncidentModel;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.twin.cim.CitySnapshot;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the hazard model of a scenario. Each model validates its own {@code parameters} and
 * fails with a {@link ScenarioInputException} naming the JSON path (e.g. {@code
 * parameters.wind.speedMps}); the parameters are documented on {@link
 * io.citytwin.sim.hazard.plume.ChemicalRelease}, {@link io.citytwin.sim.hazard.flood.FloodParams},
 * {@link io.citytwin.sim.hazard.fire.FireParams} and {@link
 * io.citytwin.sim.hazard.traffic.TrafficParams}.
 *
 * <table>
 *   <caption>hazard types</caption>
 *   <tr><th>type</th><th>model</th><th>scenario location means</th></tr>
 *   <tr><td>chemical_release</td><td>{@link ChemicalReleaseModel}</td><td>the release point (unless {@code parameters.source})</td></tr>
 *   <tr><td>flood</td><td>{@link FloodModel}</td><td>the default inflow point or rain-cell centre</td></tr>
 *   <tr><td>building_fire</td><td>{@link BuildingFireModel}</td><td>the burning building (unless {@code parameters.ignition})</td></tr>
 *   <tr><td>traffic_incident</td><td>{@link TrafficIncidentModel}</td><td>the road closed (unless {@code parameters.closures})</td></tr>
 * </table>
 *
 * <p>Building a model is CPU-bound (up to a couple of seconds: grids, the road router, for a flood
 * the sea from the city's OSM file); call it off any event loop. Hazard models take no
 * interventions: a hazard scenario that lists some is refused rather than run without them.
 */
public final class HazardModels {
  /** The scenario types this factory builds. */
  public static final Set<ScenarioType> TYPES = EnumSet.of(
      ScenarioType.CHEMICAL_RELEASE, ScenarioType.FLOOD, ScenarioType.BUILDING_FIRE, ScenarioType.TRAFFIC_INCIDENT);

  private HazardModels() {}

  /**
   * The model of a hazard scenario on the city: the {@link io.citytwin.sim.run.SimulationModel}
   * the runner steps and the {@link Hazard} other models avoid, in one object.
   *
   * @throws ScenarioInputException when the type is not a hazard, the scenario has interventions,
   *     or a parameter is missing, unknown or out of range (the message names its path)
   */
  public static HazardModel fromScenario(Scenario scenario, CitySnapshot city) {
    if (!TYPES.contains(scenario.type())) {
      throw new ScenarioInputException(scenario.source(), "type", "'" + scenario.type().code()
          + "' is not a hazard type (hazards: " + TYPES.stream().map(ScenarioType::code).collect(Collectors.joining(", ")) + ")");
    }
    if (!scenario.interventions().isEmpty()) {
      throw new ScenarioInputException(scenario.source(), "interventions[0]", "a " + scenario.type().code()
          + " scenario takes no interventions (change its parameters or run another scenario instead)");
    }
    return switch (scenario.type()) {
      case CHEMICAL_RELEASE -> new ChemicalReleaseModel(scenario, city.source());
      case FLOOD -> new FloodModel(scenario, city.source());
      case BUILDING_FIRE -> new BuildingFireModel(scenario, city.source());
      case TRAFFIC_INCIDENT -> new TrafficIncidentModel(scenario, city.source());
      default -> throw new IllegalStateException("unreachable: " + scenario.type());
    };
  }
}
