package io.citytwin.twin.vertx;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.live.DistrictIndicator;
import io.citytwin.twin.live.LatestValue;
import io.citytwin.twin.live.SensorState;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.codec.SensorJson;
import io.citytwin.twin.telemetry.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON shapes of {@link TelemetryAddresses}: sensors with their live state, indicators. */
final class LiveJson {
  private LiveJson() {}

  static JsonObject sensor(Sensor s, SensorState state) {
    return new JsonObject(SensorJson.write(s)).put("state", state(state));
  }

  static JsonObject state(SensorState s) {
    JsonObject latest = new JsonObject();
    for (Map.Entry<Quantity, LatestValue> e : s.latest().entrySet()) {
      latest.put(e.getKey().canonicalName(), new JsonObject()
          .put("value", e.getValue().value())
          .put("unit", e.getKey().canonicalUnit())
          .put("ts", Instant.ofEpochMilli(e.getValue().timestampMillis()).toString()));
    }
    return new JsonObject()
        .put("status", s.status().code())
        .put("lastSeen", s.lastSeenMillis() < 0 ? null : Instant.ofEpochMilli(s.lastSeenMillis()).toString())
        .put("rejectsInARow", s.rejectsInARow())
        .put("lastRejectReason", s.lastRejectReason())
        .put("latest", latest);
  }

  /** The compact per-sensor entry of a live update. */
  static JsonObject change(SensorState s) {
    JsonObject state = state(s);
    return new JsonObject().put("id", s.sensorId()).put("status", state.getString("status"))
        .put("lastSeen", state.getValue("lastSeen")).put("latest", state.getJsonObject("latest"));
  }

  static JsonObject district(EntityId district, List<DistrictIndicator> indicators) {
    JsonArray list = new JsonArray();
    for (DistrictIndicator i : indicators) {
      list.add(new JsonObject()
          .put("quantity", i.quantity().canonicalName())
          .put("unit", i.quantity().canonicalUnit())
          .put("sensors", i.sensors())
          .put("mean", round(i.mean()))
          .put("min", i.min())
          .put("max", i.max())
          .put("newest", Instant.ofEpochMilli(i.newestMillis()).toString()));
    }
    return new JsonObject().put("district", district.toString()).put("code", district.key())
        .put("indicators", list);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
