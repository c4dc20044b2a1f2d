package io.citytwin.twin.vertx;

/**
 * Event-bus addresses of incidents and linked disposal. Requests are answered with a reply;
 * failures are {@code ReplyException}s with an HTTP-like {@code failureCode} (400, 404, 409, 503)
 * and a message naming the problem. Bodies are {@code JsonObject}s unless noted.
 *
 * <p>Shapes. An <b>incident</b> is {@code {id, type, severity (minor|moderate|severe|extreme),
 * status (open|dispatched|in_progress|resolved|closed|cancelled), title, placeKey, area (GeoJSON
 * geometry, WGS84), centroid [lon, lat], openedAt, updatedAt (ISO-8601), alarmCount, exercise,
 * source, evidence: [{sensorId, quantity, value, ts}], tasks: [task], timeline: [{at, kind, text,
 * agency?, taskId?}]}}; lists carry incidents without {@code timeline} and {@code evidence}. A
 * <b>task</b> is {@code {id, incidentId, agency (fire|ems|police|traffic|utilities|health), action,
 * status (pending|dispatched|acknowledged|arrived|done|cancelled), onSite, createdAt,
 * ackDueAt, arriveDueAt, ackedAt?, ackedBy?, ackChannel?, escalationLevel (0 none, 1 duty
 * supervisor, 2 operations-centre commander), unit? {id, base, name}, etaSeconds?, route? (GeoJSON
 * LineString)}}.
 *
 * <table>
 *   <caption>Addresses</caption>
 *   <tr><th>address</th><th>kind</th><th>request</th><th>reply / payload</th></tr>
 *   <tr><td>{@value #READINGS}</td><td>request (local)</td><td>{@link ReadingBatch}</td>
 *       <td>null once the rules ran and any incident change is journaled</td></tr>
 *   <tr><td>{@value #LIST}</td><td>request</td><td>{status?, type?, exercise?, active? (boolean)}</td>
 *       <td>{incidents: [incident]} newest first</td></tr>
 *   <tr><td>{@value #GET}</td><td>request</td><td>String incident id</td><td>the incident; 404</td></tr>
 *   <tr><td>{@value #CAP}</td><td>request</td><td>String incident id</td>
 *       <td>String: the CAP 1.2 alert XML of the incident's current state; 404</td></tr>
 *   <tr><td>{@value #FEED}</td><td>request</td><td>{baseUrl} (e.g. {@code http://host:8080})</td>
 *       <td>String: Atom feed of the active incidents, each entry linking
 *       {@code baseUrl/api/incidents/{id}/cap}</td></tr>
 *   <tr><td>{@value #ACK}</td><td>request</td>
 *       <td>{incidentId, taskId, agency?, by?, channel (rest|mqtt)}</td>
 *       <td>the task after the acknowledgement, once journaled; acknowledging again returns it
 *       unchanged; 404 unknown incident or task; 409 the task belongs to another agency or is
 *       cancelled</td></tr>
 *   <tr><td>{@value #RESOLVE}</td><td>request</td><td>{incidentId, by?, note?}</td>
 *       <td>the incident; 404; 409 illegal transition</td></tr>
 *   <tr><td>{@value #CLOSE}</td><td>request</td><td>{incidentId, by?, note?}</td>
 *       <td>the incident; 404; 409 illegal transition</td></tr>
 *   <tr><td>{@value #IMPORT_CAP}</td><td>request</td><td>Buffer: a CAP 1.1/1.2 XML document</td>
 *       <td>{incidents: [incident ids opened or updated], problems: [text]}; 400 with every reason
 *       when the alert is invalid or not safe XML</td></tr>
 *   <tr><td>{@value #EVENTS}</td><td>publish</td><td></td>
 *       <td>{type: "incident", change (opened|updated|status|resolved|closed), incident}</td></tr>
 *   <tr><td>{@value #TASKS}</td><td>publish</td><td></td>
 *       <td>{type: "task", change (created|dispatched|acknowledged|escalated|rerouted|arrived|done|
 *       cancelled), task, incident: {id, type, severity, title, exercise, centroid}}</td></tr>
 * </table>
 */
public final class IncidentAddresses {
  private IncidentAddresses() {}

  public static final String READINGS = "citytwin.incidents.readings";
  public static final String LIST = "citytwin.incidents.list";
  public static final String GET = "citytwin.incidents.get";
  public static final String CAP = "citytwin.incidents.cap";
  public static final String FEED = "citytwin.incidents.feed";
  public static final String ACK = "citytwin.incidents.ack";
  public static final String RESOLVE = "citytwin.incidents.resolve";
  public static final String CLOSE = "citytwin.incidents.close";
  public static final String IMPORT_CAP = "citytwin.incidents.import-cap";
  public static final String EVENTS = "citytwin.incidents.events";
  public static final String TASKS = "citytwin.alerts.tasks";
}
