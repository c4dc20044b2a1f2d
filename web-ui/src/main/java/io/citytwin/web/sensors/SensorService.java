package io.citytwin.web.sensors;

import io.citytwin.web.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.OptionalInt;

/**
 * What the HTTP API and the dashboard push need from the sensor registry, the live twin and the
 * ingest services. JSON shapes are those of {@code io.citytwin.twin.vertx.TelemetryAddresses}; a
 * refused request fails with {@link ServiceException} (its {@link ServiceException.Problem} says
 * why), anything else with the underlying failure.
 *
 * <p>Implementations must not block the calling event loop; futures may complete on any thread of
 * the caller's Vert.x.
 */
public interface SensorService {

  /** The sensors matching {@code filter}, each with its live {@code state}. */
  Future<JsonArray> sensors(SensorFilter filter);

  /** One sensor with its live state; {@link ServiceException.Problem#NOT_FOUND} when unknown. */
  Future<JsonObject> sensor(String id);

  /**
   * Registers the sensor a POST body describes (passed on unparsed: the registry owns the
   * validation) and answers it as registered; INVALID with a message naming the field, CONFLICT
   * when the id is taken.
   */
  Future<JsonObject> register(Buffer body);

  /** {@code {districts: [{district, code, indicators: [...]}]}}. */
  Future<JsonObject> indicators();

  /** {@code {sensorId, quantity, points: [{ts, quantity, value, exercise}]}}, oldest first. */
  Future<JsonObject> history(HistoryRequest request);

  /** {@code {counters: {reason: count}, recent: [...]}}, newest first, at most {@code limit}. */
  Future<JsonObject> deadLetters(OptionalInt limit);

  /** Counters of the ingest pipeline, its MQTT link and its history store. */
  Future<JsonObject> ingestStats();
}
