package io.citytwin.twin.rule;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * The area of a geofence rule.
 *
 * @param key the place key of alarms keyed by the fence: {@code district/...} for a district,
 *     {@code area/{id}} for a named area, {@code area/{ruleId}} for a polygon given in the rule
 * @param label human-readable name for alarm titles
 * @param geometry a valid Polygon or MultiPolygon in WGS84
 */
public record Fence(String key, String label, Geometry geometry) {
  public Fence {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(geometry, "geometry");
    if (!(geometry instanceof Polygonal)) {
      throw new IllegalArgumentException("fence " + key + " must be a polygon");
    }
    label = label == null || label.isBlank() ? key : label;
  }
}
