package io.citytwin.web.layers;

import io.citytwin.twin.cim.BoundingBox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What the HTTP API needs from the twin: the port the routes adapt. Implementations must not
 * block the calling event loop; futures may complete on any thread of the caller's Vert.x.
 */
public interface LayerService {

  /**
   * A short description of the loaded city: at least {@code city}, {@code attribution} and {@code
   * counts}; fails while no city is loaded.
   */
  Future<JsonObject> summary();

  /**
   * One JSON object per layer: {@code name, title, geometryType, featureCount, bbox,
   * attribution, synthetic}.
   */
  Future<JsonArray> layers();

  /**
   * The layer as a GeoJSON FeatureCollection (UTF-8 bytes), only the features intersecting {@code
   * bbox} when given. Fails with {@link UnknownLayerException} for a name that is not a layer.
   */
  Future<Buffer> layer(String name, Optional<BoundingBox> bbox);
}
