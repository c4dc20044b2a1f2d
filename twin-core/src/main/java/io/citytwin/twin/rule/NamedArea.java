package io.citytwin.twin.rule;

import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * An area named in a rule file (a harbour, a stadium precinct) to key alarms by and to group
 * correlations by. Alarms about it carry the key {@code area/{id}}.
 *
 * @param geometry a valid Polygon or MultiPolygon in WGS84 (lon = x, lat = y)
 * @param sensors the member sensor ids; empty = every sensor whose location the polygon covers
 */
public record NamedArea(String id, String name, Geometry geometry, Set<String> sensors) {
  public NamedArea {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException("area " + id + " must be a polygon");
    }
    name = name == null || name.isBlank() ? id : name;
    sensors = Set.copyOf(sensors);
  }

  /** The place key of alarms about this area. */
  public String key() {
    return "area/" + id;
  }
}
