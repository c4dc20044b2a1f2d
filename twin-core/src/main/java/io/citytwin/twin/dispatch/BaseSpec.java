package io.citytwin.twin.dispatch;

import io.citytwin.geo.layer.PoiKind;
import io.citytwin.twin.agency.Agency;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where one agency's units wait: every POI of {@code baseKind} in the city is a base holding
 * {@code unitsPerBase} units, unless {@code unitsAt} names another number for that POI (0 takes a
 * base out of service).
 *
 * @param turnout time from dispatch until a unit rolls (crew to the vehicle), counted into its ETA
 */
public record BaseSpec(
    Agency agency, PoiKind baseKind, int unitsPerBase, Map<String, Integer> unitsAt,
    Duration turnout) {

  public BaseSpec {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(baseKind, "baseKind");
    Objects.requireNonNull(turnout, "turnout");
    if (unitsPerBase < 0) {
      throw new IllegalArgumentException("unitsPerBase must be >= 0, was " + unitsPerBase);
    }
    if (turnout.isNegative()) {
      throw new IllegalArgumentException("turnout must not be negative, was " + turnout);
    }
    unitsAt = Map.copyOf(unitsAt);
    unitsAt.forEach((poi, n) -> {
      if (n < 0) {
        throw new IllegalArgumentException("units at " + poi + " must be >= 0, was " + n);
      }
    });
  }

  /** Units at the base with POI id {@code poiId}. */
  public int unitsAt(String poiId) {
    return unitsAt.getOrDefault(poiId, unitsPerBase);
  }
}
