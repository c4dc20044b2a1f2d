/**
 * Public health: an agent-based SEIR epidemic with hospitalisation and death on a synthetic
 * population placed in the city's real buildings, with interventions, hospital load against the
 * city's beds and district risk zoning. Entry points: {@link
 * io.citytwin.sim.epidemic.EpidemicModel#fromScenario} and {@link
 * io.citytwin.sim.epidemic.EpidemicSetup} (prepare once, run many times).
 */
package io.citytwin.sim.epidemic;
