package io.citytwin.sim.run;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The state of a running scenario after one time step: what the dashboard plays and the outputs
 * are written from.
 *
 * @param step step number, 1 for the state after the first step
 * @param time simulated time at the end of the step
 * @param metrics named values at this time, in the units {@link SimulationModel#metrics()}
 *     declares (e.g. {@code peopleInDanger}, {@code infectious}, {@code floodedAreaM2}); insertion
 *     order is kept so outputs are stable
 * @param footprints named areas at this time, WGS84 (lon = x, lat = y), e.g. the plume above a
 *     threshold, the flooded cells, burning buildings; empty geometries are allowed
 * @param notes things that happened in this step, in words (e.g. "building w123 ignited")
 */
public record Frame(int step, Instant time, Map<String, Double> metrics, Map<String, Geometry> footprints,
    List<String> notes) {
  public Frame {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    footprints = Collections.unmodifiableMap(new LinkedHashMap<>(footprints));
    notes = List.copyOf(notes);
  }
}
