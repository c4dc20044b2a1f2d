package io.citytwin.web.incidents;

import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.web.bus.BusClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@link IncidentService} over the event bus: a client of the verticle answering {@link
 * IncidentAddresses} (in this JVM or, clustered, on another node). Acknowledgements are sent with
 * {@code channel: "rest"}.
 *
 * <p>Failures are mapped as {@link BusClient} says: 400, 404, 409 and 503 become {@link
 * io.citytwin.web.bus.ServiceException}s with the replier's message; no handler and a time-out are
 * UNAVAILABLE naming the address.
 */
public final class EventBusIncidentService implements IncidentService {
  private final BusClient bus;

  /** @param timeoutMs how long to wait for an answer before failing with UNAVAILABLE */
  public EventBusIncidentService(Vertx vertx, long timeoutMs) {
    this.bus = new BusClient(vertx, timeoutMs);
  }

  public EventBusIncidentService(Vertx vertx) {
    this(vertx, 10_000);
  }

  @Override
  public Future<JsonArray> incidents(IncidentFilter filter) {
    JsonObject request = new JsonObject();
    putIfSet(request, "status", filter.status());
    putIfSet(request, "type", filter.type() == null ? null : filter.type().code());
    putIfSet(request, "active", filter.active());
    putIfSet(request, "exercise", filter.exercise());
    return bus.<JsonObject>request(IncidentAddresses.LIST, request)
        .map(reply -> reply.getJsonArray("incidents", new JsonArray()));
  }

  @Override
  public Future<JsonObject> incident(String id) {
    return bus.request(IncidentAddresses.GET, id);
  }

  @Override
  public Future<String> cap(String id) {
    return bus.request(IncidentAddresses.CAP, id);
  }

  @Override
  public Future<String> feed(String baseUrl) {
    return bus.request(IncidentAddresses.FEED, new JsonObject().put("baseUrl", baseUrl));
  }

  @Override
  public Future<JsonObject> acknowledge(Acknowledgement ack) {
    JsonObject request = new JsonObject()
        .put("incidentId", ack.incidentId())
        .put("taskId", ack.taskId())
        .put("channel", "rest");
    putIfSet(request, "agency", ack.agency() == null ? null : ack.agency().code());
    putIfSet(request, "by", ack.by());
    return bus.request(IncidentAddresses.ACK, request);
  }

  @Override
  public Future<JsonObject> resolve(String incidentId, Remark remark) {
    return bus.request(IncidentAddresses.RESOLVE, transition(incidentId, remark));
  }

  @Override
  public Future<JsonObject> close(String incidentId, Remark remark) {
    return bus.request(IncidentAddresses.CLOSE, transition(incidentId, remark));
  }

  @Override
  public Future<JsonObject> importCap(Buffer xml) {
    return bus.request(IncidentAddresses.IMPORT_CAP, xml);
  }

  private static JsonObject transition(String incidentId, Remark remark) {
    JsonObject request = new JsonObject().put("incidentId", incidentId);
    putIfSet(request, "by", remark.by());
    putIfSet(request, "note", remark.note());
    return request;
  }

  private static void putIfSet(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
