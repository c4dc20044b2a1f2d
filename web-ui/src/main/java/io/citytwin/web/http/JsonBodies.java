package io.citytwin.web.http;

import io.citytwin.web.http.BadParameterException.Source;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** Request bodies that must be one JSON object with known members; refusals name the problem. Pure. */
final class JsonBodies {
  private JsonBodies() {}

  /**
   * The body as a JSON object whose members are all among {@code members}.
   *
   * @param expected how the refusal of an unknown member lists the known ones
   * @throws BadParameterException when the body is not JSON, not an object, or has another member
   */
  static JsonObject object(Buffer body, Set<String> members, String expected) {
    Object parsed;
    try {
      parsed = body.toJsonValue();
    } catch (DecodeException e) {
      throw BadParameterException.body("not JSON: " + e.getMessage());
    }
    if (!(parsed instanceof JsonObject json)) {
      throw BadParameterException.body("expected a JSON object, got " + kind(parsed));
    }
    for (String name : json.fieldNames()) {
      if (!members.contains(name)) {
        throw new BadParameterException(Source.BODY, name, null, "unknown member; expected " + expected);
      }
    }
    return json;
  }

  /** The JSON kind of a decoded value: object, array, string, number, boolean or null. */
  static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof JsonObject) {
      return "object";
    }
    if (v instanceof JsonArray) {
      return "array";
    }
    if (v instanceof Number) {
      return "number";
    }
    return v instanceof Boolean ? "boolean" : "string";
  }

  static String article(String kind) {
    return (kind.startsWith("a") || kind.startsWith("o") ? "an " : "a ") + kind;
  }
}
