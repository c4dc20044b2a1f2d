package io.citytwin.twin.sensor;

import io.citytwin.twin.cim.EntityId;
import java.util.Optional;

/**
 * Where a sensor sits in the city information model, resolved spatially from its location.
 *
 * @param district the district containing the location, or null outside every district
 * @param road the nearest road segment (within the resolver's search radius), or null
 * @param building the building whose footprint contains the location, or null
 * @param roadDistanceM distance to {@code road} in metres, NaN when there is none
 */
public record Placement(EntityId district, EntityId road, EntityId building, double roadDistanceM) {

  /** A location that resolved to nothing (e.g. out at sea). */
  public static final Placement NOWHERE = new Placement(null, null, null, Double.NaN);

  public Optional<EntityId> districtId() {
    return Optional.ofNullable(district);
  }

  public Optional<EntityId> roadId() {
    return Optional.ofNullable(road);
  }

  public Optional<EntityId> buildingId() {
    return Optional.ofNullable(building);
  }
}
