package io.citytwin.twin.vertx;

/**
 * Event-bus addresses of scenarios and drills. Failures are {@code ReplyException}s with an
 * HTTP-like {@code failureCode} (400, 404, 409, 503) and a message naming the problem.
 *
 * <p>A <b>drill</b> is {@code {id, scenario: {id, name, type}, status (running|scoring|finished|
 * failed), startedAt, endsAt, finishedAt?, speed, step, steps, exercise: true, incidents: [ids],
 * score?, error?}}; the <b>score</b> is {@code {timeToDetectSeconds (null when nothing was
 * detected), incidents, tasks, tasksAcknowledged, tasksWithinAckSla, tasksArrived,
 * tasksWithinArrivalSla, agencies: {agency: {tasks, acknowledged, withinSla, meanAckSeconds,
 * maxAckSeconds}}, escalations}}.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><th>address</th><th>kind</th><th>request</th><th>reply / payload</th></tr>
 *   <tr><td>{@value #SCENARIOS}</td><td>request</td><td>anything</td>
 *       <td>{scenarios: [{id, name, type, mode, duration, step, location}]} (the built-in ones)</td></tr>
 *   <tr><td>{@value #START_DRILL}</td><td>request</td>
 *       <td>{scenario: id of a built-in scenario | scenario: {a full scenario document}, speed?
 *       (simulated seconds per real second, 1..3600, default 60), scoreAfterSeconds? (real seconds
 *       to wait for responses after the last step before scoring, 0..3600, default 30)}</td>
 *       <td>the drill (status running); 400 invalid scenario (message names the field) or not a
 *       drill-capable type; 409 another drill is running</td></tr>
 *   <tr><td>{@value #DRILL}</td><td>request</td><td>String drill id</td><td>the drill; 404</td></tr>
 *   <tr><td>{@value #DRILLS}</td><td>request</td><td>anything</td><td>{drills: [drill]} newest first</td></tr>
 *   <tr><td>{@value #REPORT}</td><td>request</td><td>{id, format: json|markdown|html}</td>
 *       <td>String: the after-action report; 404; 409 not finished yet</td></tr>
 *   <tr><td>{@value #FRAMES}</td><td>publish</td><td></td>
 *       <td>{type: "sim-frame", drillId, exercise: true, step, steps, time, metrics: {name: value},
 *       footprints: GeoJSON FeatureCollection (properties name)}; a forecast's frames are the same
 *       with {type: "forecast-frame", forecastId, exercise: false}, at most about 4 a second</td></tr>
 *   <tr><td>{@value #START_FORECAST}</td><td>request</td>
 *       <td>{scenario: id of a built-in forecast | {a full scenario document}} or {incident: id,
 *       template?: built-in scenario id} (what-if from now)</td>
 *       <td>the forecast (status running); 400 invalid scenario (message names the field), a drill,
 *       or an incident without a forecast; 404 unknown incident; 409 another forecast is running</td></tr>
 *   <tr><td>{@value #FORECAST}</td><td>request</td><td>String forecast id</td><td>the forecast; 404</td></tr>
 *   <tr><td>{@value #FORECASTS}</td><td>request</td><td>anything</td><td>{forecasts: [forecast]} newest first</td></tr>
 * </table>
 *
 * <p>A <b>forecast</b> is {@code {id, scenario: {id, name, type, start, duration}, status
 * (running|finished|failed), startedAt, finishedAt?, step, steps, basis: [what was taken from the
 * live state], outputs (directory of the written results), summary? (summary.json without the
 * scenario, plus outcome), error?}}.
 */
public final class SimAddresses {
  private SimAddresses() {}

  public static final String SCENARIOS = "citytwin.sim.scenarios";
  public static final String START_DRILL = "citytwin.sim.drills.start";
  public static final String DRILL = "citytwin.sim.drills.get";
  public static final String DRILLS = "citytwin.sim.drills.list";
  public static final String REPORT = "citytwin.sim.drills.report";
  public static final String FRAMES = "citytwin.sim.frames";
  public static final String START_FORECAST = "citytwin.sim.forecasts.start";
  public static final String FORECAST = "citytwin.sim.forecasts.get";
  public static final String FORECASTS = "citytwin.sim.forecasts.list";
}
