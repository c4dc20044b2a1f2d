package io.citytwin.web.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Sensors as an RFC 7946 GeoJSON FeatureCollection of points, for the map: the feature id is the
 * sensor id, the properties are the sensor's members except {@code lat}/{@code lon} with its live
 * {@code state} members ({@code status, lastSeen, rejectsInARow, lastRejectReason, latest})
 * flattened in, so a map styles by {@code properties.status}. A sensor without coordinates gets a
 * null geometry. Pure.
 */
final class SensorFeatures {
  private SensorFeatures() {}

  static JsonObject collection(JsonArray sensors) {
    JsonArray features = new JsonArray();
    for (Object o : sensors) {
      if (o instanceof JsonObject sensor) {
        features.add(feature(sensor));
      }
    }
    return new JsonObject().put("type", "FeatureCollection").put("name", "sensors").put("features", features);
  }

  static JsonObject feature(JsonObject sensor) {
    JsonObject properties = new JsonObject();
    sensor.forEach(e -> {
      if (!e.getKey().equals("lat") && !e.getKey().equals("lon") && !e.getKey().equals("state")) {
        properties.put(e.getKey(), e.getValue());
      }
    });
    JsonObject state = sensor.getJsonObject("state");
    if (state != null) {
      state.forEach(e -> properties.put(e.getKey(), e.getValue()));
    }
    Object lat = sensor.getValue("lat");
    Object lon = sensor.getValue("lon");
    JsonObject geometry = lat instanceof Number && lon instanceof Number
        ? new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat))
        : null;
    return new JsonObject().put("type", "Feature").put("id", sensor.getValue("id"))
        .put("geometry", geometry).put("properties", properties);
  }
}
