package io.citytwin.web.http;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.codec.SensorJson;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the twin-core and ingest verticles: consumers on every request address of {@link
 * TelemetryAddresses} that answer from memory exactly as the contract says (shapes, failure codes),
 * recording each request. Registration validates bodies with the real {@link SensorJson}. A test
 * can make an address fail with a code, or stop answering.
 */
final class FakeTelemetry extends FakeService {
  /** Full sensor objects (with {@code state}) by id, in registration order. */
  final Map<String, JsonObject> sensors = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  /** History points per sensor id: {ts, quantity, value, exercise}. */
  final Map<String, List<JsonObject>> history = new ConcurrentHashMap<>();
  volatile JsonArray districts = new JsonArray();
  volatile JsonObject stats = stats(true, "tcp://127.0.0.1:1883", embeddedHistory(0));
  volatile JsonObject deadLetters = new JsonObject().put("counters", new JsonObject()).put("recent", new JsonArray());

  /** Adds a sensor as the registry would answer it. */
  FakeTelemetry sensor(JsonObject sensor) {
    String id = sensor.getString("id");
    if (!sensors.containsKey(id)) {
      order.add(id);
    }
    sensors.put(id, sensor);
    return this;
  }

  /** A sensor object in the contract's shape. */
  static JsonObject sensor(String id, String kind, double lat, double lon, String district, String status,
      JsonObject latest) {
    return new JsonObject().put("id", id).put("kind", kind).put("lat", lat).put("lon", lon)
        .put("quantities", new JsonArray(new ArrayList<>(latest.fieldNames())))
        .put("owner", "health").put("name", id.toUpperCase()).put("district", district)
        .put("road", null).put("roadDistanceM", null).put("building", null).put("username", id)
        .put("state", new JsonObject().put("status", status)
            .put("lastSeen", status.equals("no-signal") ? null : "2026-11-24T08:00:00Z")
            .put("rejectsInARow", status.equals("faulty") ? 3 : 0)
            .put("lastRejectReason", status.equals("faulty") ? "out_of_range" : null)
            .put("latest", latest));
  }

  static JsonObject value(double value, String unit, String ts) {
    return new JsonObject().put("value", value).put("unit", unit).put("ts", ts);
  }

  static JsonObject indicator(String quantity, String unit, int sensors, double mean, double min, double max) {
    return new JsonObject().put("quantity", quantity).put("unit", unit).put("sensors", sensors)
        .put("mean", mean).put("min", min).put("max", max).put("newest", "2026-11-24T08:00:00Z");
  }

  static JsonObject district(String id, String code, JsonObject... indicators) {
    return new JsonObject().put("district", id).put("code", code).put("indicators", new JsonArray(List.of((Object[]) indicators)));
  }

  static JsonObject stats(boolean connected, String broker, JsonObject history) {
    return new JsonObject()
        .put("accepted", new JsonObject().put("messages", 1200).put("readings", 3400))
        .put("rejected", new JsonObject().put("not_json", 7).put("unknown_sensor", 2))
        .put("handedOff", 3400).put("handOffFailures", 1)
        .put("mqtt", new JsonObject().put("connected", connected).put("broker", broker))
        .put("history", history);
  }

  static JsonObject embeddedHistory(long points) {
    return new JsonObject().put("store", "embedded").put("points", points).put("logBytes", 4096)
        .put("replayedAtOpen", 0).put("pruned", 0);
  }

  /** The Testville fleet: one sensor per status, with indicators for both districts. */
  static FakeTelemetry testville() {
    FakeTelemetry t = new FakeTelemetry();
    t.sensor(sensor("aq-w1", "air_quality", 43.731, 7.408, "district/T-W", "ok",
        new JsonObject().put("pm25", value(12.5, "ug/m3", "2026-11-24T08:00:00Z"))
            .put("temperature", value(14.2, "Cel", "2026-11-24T08:00:00Z"))));
    t.sensor(sensor("aq-e1", "air_quality", 43.733, 7.428, "district/T-E", "stale",
        new JsonObject().put("pm25", value(30.0, "ug/m3", "2026-11-24T07:00:00Z"))));
    t.sensor(sensor("wl-e1", "water_level", 43.727, 7.436, "district/T-E", "no-signal", new JsonObject()));
    t.sensor(sensor("cr-w1", "crowd_monitor", 43.737, 7.416, "district/T-W", "faulty",
        new JsonObject().put("crowd_density", value(2.5, "persons/m2", "2026-11-24T07:59:00Z"))));
    t.districts = new JsonArray()
        .add(district("district/T-W", "T-W", indicator("pm25", "ug/m3", 1, 12.5, 12.5, 12.5),
            indicator("crowd_density", "persons/m2", 1, 2.5, 2.5, 2.5)))
        .add(district("district/T-E", "T-E", indicator("pm25", "ug/m3", 1, 30.0, 30.0, 30.0)));
    return t;
  }

  @Override
  Future<Void> register(Vertx vertx) {
    List<Future<Void>> done = new ArrayList<>();
    done.add(on(vertx, TelemetryAddresses.SENSORS, this::list));
    done.add(on(vertx, TelemetryAddresses.SENSOR, m -> {
      JsonObject s = sensors.get((String) m.body());
      if (s == null) {
        m.fail(404, "unknown sensor '" + m.body() + "'");
      } else {
        m.reply(s.copy());
      }
    }));
    done.add(on(vertx, TelemetryAddresses.REGISTER, this::registerSensor));
    done.add(on(vertx, TelemetryAddresses.INDICATORS, m -> m.reply(new JsonObject().put("districts", districts.copy()))));
    done.add(on(vertx, TelemetryAddresses.HISTORY, this::history));
    done.add(on(vertx, TelemetryAddresses.DEAD_LETTERS, m -> {
      int limit = ((JsonObject) m.body()).getInteger("limit", 100);
      JsonArray recent = deadLetters.getJsonArray("recent");
      JsonArray cut = new JsonArray();
      for (int i = 0; i < Math.min(limit, recent.size()); i++) {
        cut.add(recent.getValue(i));
      }
      m.reply(deadLetters.copy().put("recent", cut));
    }));
    done.add(on(vertx, TelemetryAddresses.INGEST_STATS, m -> m.reply(stats.copy())));
    return Future.all(done).mapEmpty();
  }

  private void list(Message<Object> m) {
    JsonObject filter = (JsonObject) m.body();
    JsonArray out = new JsonArray();
    for (String id : order) {
      JsonObject s = sensors.get(id);
      if (matches(filter.getString("district"), s.getString("district"))
          && matches(filter.getString("kind"), s.getString("kind"))
          && matches(filter.getString("status"), s.getJsonObject("state").getString("status"))) {
        out.add(s.copy());
      }
    }
    m.reply(new JsonObject().put("sensors", out));
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private void registerSensor(Message<Object> m) {
    Sensor sensor;
    try {
      sensor = SensorJson.parseRequest(((Buffer) m.body()).getBytes());
    } catch (SensorInputException e) {
      m.fail(400, e.getMessage());
      return;
    }
    if (sensors.containsKey(sensor.id())) {
      m.fail(409, "sensor id '" + sensor.id() + "' is already registered");
      return;
    }
    JsonObject json = new JsonObject(SensorJson.write(sensor)).put("state", new JsonObject()
        .put("status", "no-signal").put("lastSeen", null).put("rejectsInARow", 0)
        .put("lastRejectReason", null).put("latest", new JsonObject()));
    sensor(json);
    m.reply(json.copy());
  }

  private void history(Message<Object> m) {
    JsonObject q = (JsonObject) m.body();
    String id = q.getString("sensorId");
    JsonObject s = sensors.get(id);
    if (s == null) {
      m.fail(404, "unknown sensor '" + id + "'");
      return;
    }
    String quantity = q.getString("quantity");
    if (quantity != null && !s.getJsonArray("quantities").contains(quantity)) {
      m.fail(400, "sensor '" + id + "' has no quantity '" + quantity + "'");
      return;
    }
    long from = q.getLong("from");
    long to = q.getLong("to");
    int limit = q.getInteger("limit", 10_000);
    JsonArray points = new JsonArray();
    for (JsonObject p : history.getOrDefault(id, List.of())) {
      long ts = Instant.parse(p.getString("ts")).toEpochMilli();
      if (ts >= from && ts <= to && (quantity == null || quantity.equals(p.getString("quantity")))
          && points.size() < limit) {
        points.add(p.copy());
      }
    }
    m.reply(new JsonObject().put("sensorId", id).put("quantity", quantity).put("points", points));
  }

  /** Publishes a live frame as the twin does. */
  static void publishLive(Vertx vertx, JsonObject frame) {
    vertx.eventBus().publish(TelemetryAddresses.LIVE, frame);
  }

  /** A {@code telemetry} frame changing one sensor's status and one district's indicators. */
  static JsonObject liveFrame(String sensorId, String status, JsonObject latest, JsonObject... districts) {
    Map<String, Object> sensor = new LinkedHashMap<>();
    sensor.put("id", sensorId);
    sensor.put("status", status);
    sensor.put("lastSeen", Instant.now().toString());
    sensor.put("latest", latest);
    return new JsonObject().put("type", "telemetry").put("time", Instant.now().toString())
        .put("sensors", new JsonArray().add(new JsonObject(sensor)))
        .put("indicators", new JsonArray(List.of((Object[]) districts)));
  }
}
