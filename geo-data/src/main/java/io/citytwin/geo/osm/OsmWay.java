package io.citytwin.geo.osm;

import java.util.Map;

/** An OSM way: ordered node references and tags. */
public record OsmWay(long id, long[] nodeRefs, Map<String, String> tags) {}
