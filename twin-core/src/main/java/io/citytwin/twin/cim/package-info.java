/**
 * The city information model (CIM): every district, building, road (one entity per OSM way), POI
 * and, from the sensor registry, sensor of one city as {@link io.citytwin.twin.cim.CityEntity}
 * records with stable {@link io.citytwin.twin.cim.EntityId}s, held in an immutable, thread-safe
 * {@link io.citytwin.twin.cim.CitySnapshot}. Plain Java: no Vert.x here.
 */
package io.citytwin.twin.cim;
