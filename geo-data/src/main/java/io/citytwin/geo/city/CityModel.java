package io.citytwin.geo.city;

import io.citytwin.geo.crs.MetricProjection;
import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.District;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.Population;
import io.citytwin.geo.road.RoadGraph;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The typed GIS layers of one city, clipped to its boundary; what {@link CityImporter} produces and
 * the twin is built from. Immutable; geometries are WGS84 lon/lat.
 *
 * @param name city name
 * @param attribution data licence text that must be shown with any layer (ODbL for OSM data)
 * @param boundary city outline the layers are clipped to
 * @param projection metric CRS used for areas, lengths and buffers
 * @param warnings non-fatal problems found while importing (e.g. skipped broken footprints)
 */
public record CityModel(
    String name,
    String attribution,
    Geometry boundary,
    MetricProjection projection,
    List<District> districts,
    RoadGraph roads,
    List<Building> buildings,
    List<Poi> pois,
    Population population,
    List<String> warnings) {}
