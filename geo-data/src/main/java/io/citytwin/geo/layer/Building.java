package io.citytwin.geo.layer;

import org.locationtech.jts.geom.Geometry;

/**
 * A building footprint.
 *
 * @param id stable id from OSM, {@code building/w123} (way) or {@code building/r456} (relation)
 * @param name OSM name, or empty
 * @param footprint polygon or multipolygon in WGS84 lon/lat
 * @param use use class
 * @param levels number of storeys above ground (from {@code building:levels}, else estimated from
 *     height, else a documented default)
 * @param heightM height in metres (from {@code height}, else levels x 3 m)
 * @param footprintM2 footprint area in square metres
 * @param districtId id of the district holding the footprint's interior point, or empty
 */
public record Building(
    String id,
    String name,
    Geometry footprint,
    BuildingUse use,
    int levels,
    double heightM,
    double footprintM2,
    String districtId) {

  /** Gross floor area in square metres: footprint times levels. */
  public double floorAreaM2() {
    return footprintM2 * levels;
  }
}
