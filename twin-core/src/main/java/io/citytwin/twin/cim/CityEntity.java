package io.citytwin.twin.cim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One thing in the city information model with its static description: what the GIS data says it
 * is. Live, changing values (sensor readings, status) are not here but in {@code
 * io.citytwin.twin.state.TwinState}.
 *
 * @param id stable id
 * @param name display name, or empty
 * @param geometry WGS84 lon/lat geometry
 * @param attributes static attributes in insertion order; values are {@link String}, {@link
 *     Boolean}, {@link Integer}, {@link Long} or finite {@link Double}; units are in the key name
 *     ({@code areaM2}, {@code heightM}, {@code speedKmh})
 */
public record CityEntity(EntityId id, String name, Geometry geometry, Map<String, Object> attributes) {

  public CityEntity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(geometry, "geometry of " + id);
    name = name == null ? "" : name;
    Map<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach(
        (k, v) -> {
          if (!AttributeValues.isValid(v)) {
            throw new IllegalArgumentException(
                id + ": attribute '" + k + "' has an unsupported value " + v);
          }
          copy.put(k, v);
        });
    attributes = Collections.unmodifiableMap(copy);
  }

  public EntityType type() {
    return id.type();
  }
}
