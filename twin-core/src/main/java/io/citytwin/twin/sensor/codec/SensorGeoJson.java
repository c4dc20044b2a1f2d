package io.citytwin.twin.sensor.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.telemetry.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The sensor registry as a GeoJSON (RFC 7946) FeatureCollection of Point features. Properties:
 * {@code id}, {@code kind} (e.g. {@code air_quality}), {@code quantities} (array of canonical
 * names; absent = the kind's defaults), {@code owner} (agency code; absent = the kind's default),
 * {@code name}, and {@code username}/{@code salt}/{@code hash} together or not at all. Unknown
 * properties are rejected so that a misspelt one is not silently ignored; foreign members of the
 * collection (such as {@code attribution}) are allowed. Placement is not stored: the registry
 * resolves it from the location against the city.
 *
 * <p>Output is one feature per line with positions rounded to 7 decimals (about 1 cm), so a
 * written file is stable byte for byte and diffs line by line. Stateless; thread-safe.
 */
public final class SensorGeoJson {
  static final Set<String> PROPERTIES =
      Set.of("id", "kind", "quantities", "owner", "name", "username", "salt", "hash");
  private static final JsonFactory JSON = new JsonFactory();

  private SensorGeoJson() {}

  /**
   * Reads a whole collection; the stream is not closed.
   *
   * @param source file name for messages
   * @throws SensorInputException naming the source, the feature index and field, and the problem
   */
  public static List<Sensor> read(InputStream in, String source) {
    return entries(in, source).stream().map(SensorEntry::sensor).toList();
  }

  static List<SensorEntry> entries(InputStream in, String source) {
    JsonNode root = JsonValues.parse(in, source);
    if (!root.isObject()) {
      throw new SensorInputException(source, null, null,
          "not a GeoJSON FeatureCollection: found " + JsonValues.describe(root));
    }
    JsonNode type = root.get("type");
    if (type == null || !"FeatureCollection".equals(type.textValue())) {
      throw new SensorInputException(source, null, "type", "must be \"FeatureCollection\", found "
          + (type != null && type.isTextual() ? SensorFields.quote(type.textValue()) : JsonValues.describe(type)));
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw new SensorInputException(source, null, "features",
          "must be an array of features, found " + JsonValues.describe(features));
    }
    List<SensorEntry> out = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      out.add(feature(features.get(i), new SensorFields(source, label(i, features.get(i)))));
    }
    SensorEntry.requireUniqueIds(out);
    return out;
  }

  /** {@code feature [3]}, with the id when there is a readable one. */
  private static String label(int index, JsonNode feature) {
    JsonNode id = feature.path("properties").path("id");
    return "feature [" + index + "]" + (id.isTextual() ? " (id " + SensorFields.quote(id.textValue()) + ")" : "");
  }

  private static SensorEntry feature(JsonNode feature, SensorFields f) {
    if (!feature.isObject()) {
      throw f.fail(null, "must be a GeoJSON Feature object, found " + JsonValues.describe(feature));
    }
    if (!"Feature".equals(feature.path("type").textValue())) {
      throw f.fail("type", "must be \"Feature\"");
    }
    double[] lonLat = point(feature.get("geometry"), f);
    JsonNode p = feature.get("properties");
    if (p == null || !p.isObject()) {
      throw f.fail("properties", "must be an object, found " + JsonValues.describe(p));
    }
    JsonValues.onlyKnown(p, PROPERTIES, f, "property");
    Sensor s = f.sensor(
        JsonValues.text(p, "id", f),
        JsonValues.text(p, "kind", f),
        lonLat[1],
        lonLat[0],
        JsonValues.strings(p, "quantities", f),
        JsonValues.text(p, "owner", f),
        JsonValues.text(p, "name", f),
        JsonValues.text(p, "username", f),
        JsonValues.text(p, "salt", f),
        JsonValues.text(p, "hash", f),
        null);
    return new SensorEntry(s, f, "geometry");
  }

  private static double[] point(JsonNode g, SensorFields f) {
    if (g == null || !g.isObject()) {
      throw f.fail("geometry", "must be a Point geometry, found " + JsonValues.describe(g));
    }
    if (!"Point".equals(g.path("type").textValue())) {
      throw f.fail("geometry", "must be a Point, found type " + JsonValues.describe(g.get("type"))
          + (g.path("type").isTextual() ? " " + SensorFields.quote(g.path("type").textValue()) : ""));
    }
    JsonNode c = g.get("coordinates");
    if (c == null || !c.isArray() || c.size() < 2 || c.size() > 3) {
      throw f.fail("geometry", "coordinates must be [lon, lat] or [lon, lat, altitude], found "
          + (c != null && c.isArray() ? "an array of " + c.size() : JsonValues.describe(c)));
    }
    double lon = JsonValues.number(c.get(0), "geometry", f);
    double lat = JsonValues.number(c.get(1), "geometry", f);
    if (c.size() == 3) {
      JsonValues.number(c.get(2), "geometry", f);
    }
    if (!Position.isLongitude(lon)) {
      throw f.fail("geometry", "longitude " + lon + " is outside -180..180 degrees");
    }
    if (!Position.isLatitude(lat)) {
      throw f.fail("geometry", "latitude " + lat + " is outside -90..90 degrees");
    }
    return new double[] {lon, lat};
  }

  /**
   * The collection as text: one feature per line, trailing newline.
   *
   * @param attribution licence text stored as the collection's {@code attribution} member (needed
   *     when positions derive from OpenStreetMap), or null for none
   */
  public static String write(Collection<Sensor> sensors, String attribution) {
    StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\"");
    if (attribution != null) {
      out.append(",\"attribution\":").append(jsonString(attribution));
    }
    out.append(",\"features\":[\n");
    int i = 0;
    for (Sensor s : sensors) {
      out.append(feature(s)).append(++i < sensors.size() ? ",\n" : "\n");
    }
    return out.append("]}\n").toString();
  }

  private static String feature(Sensor s) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeObjectFieldStart("geometry");
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(Coordinates.format(s.location().lon()));
      g.writeNumber(Coordinates.format(s.location().lat()));
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("id", s.id());
      g.writeStringField("kind", s.kind().code());
      g.writeArrayFieldStart("quantities");
      for (Quantity q : s.quantities()) {
        g.writeString(q.canonicalName());
      }
      g.writeEndArray();
      g.writeStringField("owner", s.owner().code());
      g.writeStringField("name", s.name());
      Credentials c = s.credentials();
      if (c != null) {
        g.writeStringField("username", c.username());
        g.writeStringField("salt", c.salt());
        g.writeStringField("hash", c.hash());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }

  private static String jsonString(String text) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return w.toString();
  }
}
