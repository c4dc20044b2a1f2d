package io.citytwin.twin.dispatch;

import io.citytwin.twin.agency.Agency;

/**
 * One vehicle or crew of an agency, waiting at its base when free.
 *
 * @param id stable id {@code agency:baseId#n}, e.g. {@code fire:poi/n1866523017#2}
 * @param baseId the base POI's id
 * @param baseName the base POI's name (may be empty)
 * @param node the road-graph node the base is snapped to (car network)
 */
public record Unit(String id, Agency agency, String baseId, String baseName, int node) {}
