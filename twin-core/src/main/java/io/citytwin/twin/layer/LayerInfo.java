package io.citytwin.twin.layer;

import io.citytwin.twin.cim.BoundingBox;
import java.util.Optional;

/**
 * What a client needs to know about a layer before fetching it.
 *
 * @param name API name, e.g. {@code buildings}
 * @param title human title
 * @param geometryType main GeoJSON geometry type
 * @param featureCount number of features in the full layer
 * @param bbox extent of the full layer; empty when it has no features
 * @param attribution licence text to show with the layer
 * @param synthetic whether the values are modelled rather than observed
 */
public record LayerInfo(
    String name,
    String title,
    String geometryType,
    int featureCount,
    Optional<BoundingBox> bbox,
    String attribution,
    boolean synthetic) {}
