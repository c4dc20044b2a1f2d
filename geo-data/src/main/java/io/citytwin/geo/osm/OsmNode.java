package io.citytwin.geo.osm;

import java.util.Map;

/** An OSM node with its tags (empty map when untagged). Coordinates are WGS84 degrees. */
public record OsmNode(long id, double lon, double lat, Map<String, String> tags) {}
