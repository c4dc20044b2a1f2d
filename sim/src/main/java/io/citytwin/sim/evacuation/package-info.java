/**
 * Evacuation on the real road network: the residents of affected buildings (synthetic population
 * layer) leave for shelters by car or on foot, with departure times from a mobilisation curve.
 * Cars move in a queue-based link model with flow and storage capacities and spill-back ({@link
 * io.citytwin.sim.evacuation.LinkQueues}, the MATSim QSim model), pedestrians at density-dependent
 * speeds ({@link io.citytwin.sim.evacuation.Walkers}, Weidmann 1993); routes avoid the danger area
 * given by a {@link io.citytwin.sim.evacuation.HazardField} and are re-planned when it or the
 * closures change. Responders are dispatched inside the scenario with twin-core's {@code
 * RoadDispatcher} ({@link io.citytwin.sim.evacuation.ScenarioDispatch}). {@link
 * io.citytwin.sim.evacuation.EvacuationModel} is the {@code SimulationModel} the runner steps; its
 * Javadoc lists every parameter. Plain Java, single-threaded, deterministic from the scenario seed.
 */
package io.citytwin.sim.evacuation;
