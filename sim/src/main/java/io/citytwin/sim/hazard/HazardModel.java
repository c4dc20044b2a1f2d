package io.citytwin.sim.hazard;

import io.citytwin.sim.run.SimulationModel;

/**
 * A hazard model as the runner steps it and as other models see it: one object, one timeline, so
 * the frames the runner writes and the footprints evacuation avoids are the same states.
 */
public interface HazardModel extends SimulationModel, Hazard {}
