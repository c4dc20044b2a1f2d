package io.citytwin.sim.evacuation;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What the evacuation needs to know about a hazard: where it is dangerous to be, and which roads
 * cannot be driven or walked, at a given time. The runner adapts a hazard model (plume, flood,
 * fire) to this; evacuation-only scenarios use {@link #fixed} or {@link #none}.
 *
 * <p>Contract: both methods are pure functions of the time (asked in non-decreasing order, once per
 * step, from the model's thread); geometries are WGS84 (lon = x, lat = y). Nobody enters the
 * footprint on purpose, but people already inside may cross it to get out; closed edges are
 * impassable to everyone, including people leaving the footprint, so a hazard should close only
 * roads that really cannot be used (flooded, blocked) and leave the rest of its area to the
 * footprint.
 */
@FunctionalInterface
public interface HazardField {

  /** The danger area at {@code time}; an empty geometry when there is none. */
  Geometry footprintAt(Instant time);

  /** Road-graph edge indices ({@code RoadGraph.Edge#index}) impassable at {@code time}. */
  default Set<Integer> closedEdgesAt(Instant time) {
    return Set.of();
  }

  /** No danger anywhere, no closed road. */
  static HazardField none() {
    Geometry empty = new GeometryFactory().createPolygon();
    return t -> empty;
  }

  /** The same danger area for the whole run, closing no road. */
  static HazardField fixed(Geometry area) {
    return t -> area;
  }

  /** Both hazards at once: the union of the footprints and of the closed edges. */
  default HazardField and(HazardField other) {
    HazardField self = this;
    return new HazardField() {
      @Override
      public Geometry footprintAt(Instant time) {
        Geometry a = self.footprintAt(time);
        Geometry b = other.footprintAt(time);
        return a.isEmpty() ? b : b.isEmpty() ? a : a.union(b);
      }

      @Override
      public Set<Integer> closedEdgesAt(Instant time) {
        Set<Integer> all = new TreeSet<>(self.closedEdgesAt(time));
        all.addAll(other.closedEdgesAt(time));
        return all;
      }
    };
  }
}
