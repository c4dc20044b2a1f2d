/**
 * The synthetic population of the epidemic model: agents in households in the city's residential
 * buildings, with ages, school classes and work teams, in primitive arrays (no object per agent).
 */
package io.citytwin.sim.epidemic.population;
