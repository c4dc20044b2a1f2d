package io.citytwin.twin.vertx;

/**
 * Event-bus addresses of the live twin (sensors, readings, indicators) and of the ingest services
 * the API reads (history, dead letters). Requests are answered with a reply; failures are
 * {@code ReplyException}s whose {@code failureCode} is an HTTP-like status (400 bad request, 404
 * not found, 409 conflict, 503 unavailable) and whose message names the problem. JSON bodies are
 * {@code io.vertx.core.json.JsonObject}s unless noted.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><th>address</th><th>kind</th><th>request</th><th>reply / payload</th></tr>
 *   <tr><td>{@value #READINGS}</td><td>request (local)</td><td>{@link ReadingBatch}</td>
 *       <td>null once the batch is applied to the live state (the MQTT PUBACK waits for it)</td></tr>
 *   <tr><td>{@value #REJECTIONS}</td><td>publish</td>
 *       <td>{sensorId, reason (reject reason code, e.g. out_of_range), at (epoch ms)}</td><td></td></tr>
 *   <tr><td>{@value #SENSORS}</td><td>request</td><td>{district?, kind?, status?} filters</td>
 *       <td>{sensors: [sensor]}; a sensor is {id, kind, lat, lon, quantities [names], owner,
 *       name, district, road, roadDistanceM, building, username, state}; state is {status
 *       (ok|stale|no-signal|faulty), lastSeen (ISO-8601 or null), rejectsInARow, lastRejectReason,
 *       latest: {quantity: {value, unit, ts (ISO-8601)}}}</td></tr>
 *   <tr><td>{@value #SENSOR}</td><td>request</td><td>String sensor id</td>
 *       <td>the sensor as above; 404 unknown</td></tr>
 *   <tr><td>{@value #REGISTER}</td><td>request</td>
 *       <td>Buffer: the POST body {id, kind, lat, lon, quantities?, owner?, name?, secret?}</td>
 *       <td>the registered sensor as above; 400 invalid (message names the field), 409 id taken</td></tr>
 *   <tr><td>{@value #INDICATORS}</td><td>request</td><td>anything</td>
 *       <td>{districts: [{district (entity id), code, indicators: [{quantity, unit, sensors,
 *       mean, min, max, newest (ISO-8601)}]}]}</td></tr>
 *   <tr><td>{@value #LIVE}</td><td>publish, about 4 per second while anything changes</td><td></td>
 *       <td>{type: "telemetry", time, sensors: [{id, status, lastSeen, latest}] (changed only),
 *       indicators: [district entries as above] (changed districts only)}</td></tr>
 *   <tr><td>{@value #HISTORY}</td><td>request</td>
 *       <td>{sensorId, quantity? (name), from (epoch ms), to (epoch ms), limit?}</td>
 *       <td>{sensorId, quantity, points: [{ts (ISO-8601), quantity, value, exercise}]}; 400 bad
 *       range or quantity; 404 unknown sensor</td></tr>
 *   <tr><td>{@value #DEAD_LETTERS}</td><td>request</td><td>{limit?} (default 100)</td>
 *       <td>{counters: {reason: count}, recent: [{receivedAt, topic, reason, detail, size,
 *       payloadBase64}]} newest first</td></tr>
 *   <tr><td>{@value #INGEST_STATS}</td><td>request</td><td>anything</td>
 *       <td>{accepted: {messages, readings}, rejected: {reason: count}, handedOff, handOffFailures,
 *       mqtt: {connected, broker}, history: {store, ...store statistics}}</td></tr>
 * </table>
 */
public final class TelemetryAddresses {
  private TelemetryAddresses() {}

  public static final String READINGS = "citytwin.telemetry.readings";
  public static final String REJECTIONS = "citytwin.telemetry.rejections";
  public static final String SENSORS = "citytwin.sensors.list";
  public static final String SENSOR = "citytwin.sensors.get";
  public static final String REGISTER = "citytwin.sensors.register";
  public static final String INDICATORS = "citytwin.twin.indicators";
  public static final String LIVE = "citytwin.twin.live";
  public static final String HISTORY = "citytwin.history.query";
  public static final String DEAD_LETTERS = "citytwin.ingest.deadletters";
  public static final String INGEST_STATS = "citytwin.ingest.stats";
  /** Published (empty body) after the sensor registry changed, e.g. a sensor was registered. */
  public static final String SENSORS_CHANGED = "citytwin.sensors.changed";
}
