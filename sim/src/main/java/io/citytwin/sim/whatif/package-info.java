/**
 * What-if from now: turns the live picture of a running platform (its active incidents and
 * latest sensor readings) into a forecast scenario document that starts at the present moment, at
 * the incident's place, with the hazard's inputs taken from the readings where sensors measure
 * them (sea level, rainfall) and from a template scenario where they do not. Pure functions on
 * Jackson trees; fetching the live state is an adapter's job.
 */
package io.citytwin.sim.whatif;
