package io.citytwin.sim.scenario;

import io.citytwin.twin.cim.EntityId;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Where a scenario happens, resolved against the city: a point, and the area it stands for.
 *
 * @param point WGS84 (lon = x, lat = y): the given position, the building's interior point or the
 *     district's interior point
 * @param area the building footprint, the district polygon, or the point itself
 * @param entity the CIM entity the location names ({@code building/w123}, {@code district/MC-CO}),
 *     or null for a plain position
 */
public record Site(Point point, Geometry area, EntityId entity) {}
