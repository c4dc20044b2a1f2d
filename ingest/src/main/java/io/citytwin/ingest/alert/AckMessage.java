package io.citytwin.ingest.alert;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * An agency's acknowledgement of a task, as it arrives on {@code citytwin/v1/alerts/{agency}/ack}:
 * {@code {"incidentId": "...", "taskId": "...", "by": "crew or operator name"?}}.
 *
 * @param agency the agency code from the topic (not from the payload: an agency acknowledges only
 *     for itself)
 */
public record AckMessage(String agency, String incidentId, String taskId, String by) {

  /**
   * Parses an ack payload.
   *
   * @throws IllegalArgumentException naming the problem (not JSON, missing or non-text member)
   */
  public static AckMessage parse(String agency, byte[] payload) {
    JsonObject json;
    try {
      json = new JsonObject(new String(payload, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("ack payload is not a JSON object");
    }
    return new AckMessage(agency, text(json, "incidentId"), text(json, "taskId"),
        json.getValue("by") instanceof String s ? s : null);
  }

  private static String text(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (!(v instanceof String s) || s.isBlank() || s.length() > 128) {
      throw new IllegalArgumentException("ack payload needs a text '" + key + "' (1-128 characters)");
    }
    return s;
  }
}
