package io.citytwin.geo.layer;

import org.locationtech.jts.geom.Geometry;

/**
 * An administrative district of the city (for Monaco: a quartier).
 *
 * @param id stable id, e.g. {@code district/MC-MO} (code based) or {@code district/r123} (OSM)
 * @param name display name
 * @param code official code (ISO 3166-2 for Monaco), or the OSM relation id when none
 * @param geometry polygon or multipolygon in WGS84 lon/lat
 * @param areaM2 area in square metres, computed in the city's metric CRS
 */
public record District(String id, String name, String code, Geometry geometry, double areaM2) {}
