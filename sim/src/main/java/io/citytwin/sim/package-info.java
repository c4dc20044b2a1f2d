/**
 * Scenario simulation on the city information model: hazard models (chemical plume, flood, building
 * fire, traffic incident), evacuation on the road network, an agent-based epidemic, and the
 * scenario runner that turns a scenario file into frames, outputs and, in drill mode, telemetry
 * injected into the live platform. Models are plain Java and deterministic from the scenario seed.
 */
package io.citytwin.sim;
