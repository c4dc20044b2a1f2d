package io.citytwin.web.incidents;

import io.citytwin.web.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the HTTP API, {@code /metrics} and the dashboard push need from incidents and linked
 * disposal. JSON shapes (incident, task) are those of {@code
 * io.citytwin.twin.vertx.IncidentAddresses}; a refused request fails with {@link
 * ServiceException} (its {@link ServiceException.Problem} says why), anything else with the
 * underlying failure.
 *
 * <p>Implementations must not block the calling event loop; futures may complete on any thread of
 * the caller's Vert.x.
 */
public interface IncidentService {

  /** The matching incidents, newest first, without timeline and evidence. */
  Future<JsonArray> incidents(IncidentFilter filter);

  /** One incident in full, timeline included; NOT_FOUND when unknown. */
  Future<JsonObject> incident(String id);

  /** The CAP 1.2 alert XML of the incident's current state; NOT_FOUND when unknown. */
  Future<String> cap(String id);

  /**
   * The Atom feed of the active incidents.
   *
   * @param baseUrl scheme, host and port clients reach this server at, e.g. {@code
   *     https://twin.example.org}; entries link {@code baseUrl/api/incidents/{id}/cap}
   */
  Future<String> feed(String baseUrl);

  /**
   * Acknowledges a task; the task as it is after the acknowledgement, which is journaled (durable)
   * when the future succeeds. Acknowledging again answers the task unchanged. NOT_FOUND for an
   * unknown incident or task; CONFLICT when the task belongs to another agency or is cancelled.
   */
  Future<JsonObject> acknowledge(Acknowledgement ack);

  /** Marks the incident resolved; the incident; NOT_FOUND; CONFLICT for an illegal transition. */
  Future<JsonObject> resolve(String incidentId, Remark remark);

  /** Closes the incident; the incident; NOT_FOUND; CONFLICT for an illegal transition. */
  Future<JsonObject> close(String incidentId, Remark remark);

  /**
   * Imports an external CAP 1.1/1.2 alert (passed on unparsed: the importer owns the validation).
   *
   * @return {@code {incidents: [ids opened or updated], problems: [text]}}; INVALID with every
   *     reason when the alert is invalid or not safe XML
   */
  Future<JsonObject> importCap(Buffer xml);
}
