package io.citytwin.sim.vertx;

import io.citytwin.sim.run.Frame;
import io.citytwin.twin.layer.GeoJsonWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A simulation frame as the dashboard receives it on the WebSocket. */
final class FrameJson {
  private FrameJson() {}

  /**
   * {@code {type, <owner>: id, exercise, step, steps, time, metrics: {name: value}, footprints:
   * FeatureCollection (properties.name; empty footprints left out)}}.
   */
  static JsonObject of(String type, String ownerKey, String ownerId, boolean exercise, int steps, Frame f) {
    JsonArray features = new JsonArray();
    for (Map.Entry<String, Geometry> e : f.footprints().entrySet()) {
      if (!e.getValue().isEmpty()) {
        features.add(new JsonObject().put("type", "Feature").put("properties", new JsonObject().put("name", e.getKey()))
            .put("geometry", new JsonObject(GeoJsonWriter.geometry(e.getValue()))));
      }
    }
    JsonObject metrics = new JsonObject();
    f.metrics().forEach(metrics::put);
    return new JsonObject().put("type", type).put(ownerKey, ownerId).put("exercise", exercise).put("step", f.step())
        .put("steps", steps).put("time", f.time().toString()).put("metrics", metrics)
        .put("footprints", new JsonObject().put("type", "FeatureCollection").put("features", features));
  }
}
