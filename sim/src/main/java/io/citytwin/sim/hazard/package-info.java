/**
 * Hazard models on the city: a chemical release (Gaussian plume with Pasquill–Gifford
 * dispersion), a flood (inertial cellular model over an approximate terrain, volume conserved), a
 * building fire (Eurocode design fire, radiant spread, smoke plume) and a traffic incident (road
 * closures and their effect on routes). {@link io.citytwin.sim.hazard.HazardModels} builds them
 * from a scenario; each is a {@link io.citytwin.sim.run.SimulationModel} for the runner and a
 * {@link io.citytwin.sim.hazard.Hazard} (footprint and closed roads over time) for evacuation and
 * dispatch. All metric work is done in the city's UTM projection; footprints are WGS84.
 */
package io.citytwin.sim.hazard;
