package io.citytwin.twin.sensor.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.sensor.Placement;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.telemetry.Quantity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Set;

/**
 * One sensor as JSON for the HTTP API ({@code POST /api/sensors}, {@code GET /api/sensors/{id}}).
 *
 * <p>Request body: {@code {"id", "kind", "lat", "lon", "quantities"?, "owner"?, "name"?,
 * "secret"?}}. Absent quantities and owner default from the kind; a {@code secret} (16-256
 * characters, no whitespace) is hashed with a fresh random salt into the sensor's credentials,
 * user name = id, and is not kept; without one the sensor has no credentials. Unknown members are
 * rejected. Stateless; thread-safe.
 */
public final class SensorJson {
  /** Label used as the source in error messages about request bodies. */
  public static final String REQUEST_BODY = "request body";

  static final Set<String> REQUEST_MEMBERS =
      Set.of("id", "kind", "lat", "lon", "quantities", "owner", "name", "secret");
  private static final JsonFactory JSON = new JsonFactory();

  private SensorJson() {}

  /**
   * The sensor a request body describes, unplaced (the registry places it).
   *
   * @throws SensorInputException with source {@value #REQUEST_BODY}, the field and the problem
   */
  public static Sensor parseRequest(byte[] body) {
    JsonNode root = JsonValues.parse(new ByteArrayInputStream(body), REQUEST_BODY);
    SensorFields f = new SensorFields(REQUEST_BODY, null);
    if (!root.isObject()) {
      throw f.fail(null, "must be a JSON object, found " + JsonValues.describe(root));
    }
    JsonValues.onlyKnown(root, REQUEST_MEMBERS, f, "member");
    return f.sensor(
        JsonValues.text(root, "id", f),
        JsonValues.text(root, "kind", f),
        JsonValues.requiredNumber(root, "lat", f),
        JsonValues.requiredNumber(root, "lon", f),
        JsonValues.strings(root, "quantities", f),
        JsonValues.text(root, "owner", f),
        JsonValues.text(root, "name", f),
        null,
        null,
        null,
        JsonValues.text(root, "secret", f));
  }

  /**
   * A sensor for API responses: {@code id, kind, lat, lon, quantities, owner, name, district,
   * road, roadDistanceM, building, username} (placement members null when unresolved; username
   * null without credentials). Salt and hash are never written.
   */
  public static String write(Sensor s) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, s);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }

  /** A JSON array of {@link #write(Sensor)} objects. */
  public static String writeAll(Collection<Sensor> sensors) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartArray();
      for (Sensor s : sensors) {
        write(g, s);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, Sensor s) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", s.id());
    g.writeStringField("kind", s.kind().code());
    g.writeFieldName("lat");
    g.writeNumber(Coordinates.format(s.location().lat()));
    g.writeFieldName("lon");
    g.writeNumber(Coordinates.format(s.location().lon()));
    g.writeArrayFieldStart("quantities");
    for (Quantity q : s.quantities()) {
      g.writeString(q.canonicalName());
    }
    g.writeEndArray();
    g.writeStringField("owner", s.owner().code());
    g.writeStringField("name", s.name());
    Placement p = s.placement();
    g.writeStringField("district", text(p.district()));
    g.writeStringField("road", text(p.road()));
    g.writeFieldName("roadDistanceM");
    if (Double.isNaN(p.roadDistanceM())) {
      g.writeNull();
    } else {
      g.writeNumber(BigDecimal.valueOf(p.roadDistanceM()).setScale(1, RoundingMode.HALF_EVEN));
    }
    g.writeStringField("building", text(p.building()));
    g.writeStringField("username", s.credentials() == null ? null : s.credentials().username());
    g.writeEndObject();
  }

  private static String text(EntityId id) {
    return id == null ? null : id.toString();
  }
}
