package io.citytwin.twin.rule;

import org.locationtech.jts.geom.Geometry;

/**
 * A resolved place: alarm key, a label for titles, and the alarm area.
 *
 * @param key e.g. {@code building/w123}, {@code sensor/sd-001}, {@code area/port-hercule}
 */
record PlaceRef(String key, String label, Geometry area) {}
