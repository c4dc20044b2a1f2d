package io.citytwin.geo.layer;

import org.locationtech.jts.geom.Point;

/**
 * A point of interest. Areas (a hospital campus mapped as a polygon) are represented by their
 * interior point.
 *
 * @param id stable id from OSM, {@code poi/n123}, {@code poi/w456}, {@code poi/r789}
 * @param kind what it is
 * @param name OSM name, or empty
 * @param location WGS84 lon/lat
 * @param districtId district holding the point, or empty
 */
public record Poi(String id, PoiKind kind, String name, Point location, String districtId) {}
