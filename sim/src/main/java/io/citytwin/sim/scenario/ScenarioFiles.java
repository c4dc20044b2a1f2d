package io.citytwin.sim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.cim.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Reads scenario files (JSON) and validates the common fields against the city. The model-specific
 * {@code parameters} are validated by the model when it is built. Every error is a
 * {@link ScenarioInputException} naming the file, the field and the problem; nothing is
 * half-read.
 *
 * <pre>{@code
 * { "id": "monaco-flood", "name": "...", "type": "flood", "mode": "forecast",
 *   "location": {"lat": 43.735, "lon": 7.421} | {"building": "w123"} | {"district": "MC-CO"},
 *   "start": "2026-11-24T06:00:00Z", "duration": "PT6H", "step": "PT5M", "seed": 42,
 *   "parameters": {...},
 *   "interventions": [{"action": "...", "at": "PT30M" | "whenMetric": "m", "above": 1.0, "parameters": {...}}] }
 * }</pre>
 */
public final class ScenarioFiles {
  static final Set<String> TOP = Set.of("id", "name", "type", "mode", "location", "start", "duration", "step",
      "seed", "parameters", "interventions", "description");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final GeometryFactory GF = new GeometryFactory();
  private static final int MAX_STEPS = 1_000_000;

  private ScenarioFiles() {}

  public static Scenario read(Path file, CitySnapshot city) {
    String source = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, defaultId(source), city);
    } catch (NoSuchFileException e) {
      throw new ScenarioInputException(source, null, "file not found (" + file + ")");
    } catch (IOException e) {
      throw new ScenarioInputException(source, null, "cannot be read: " + e.getMessage());
    }
  }

  /** A scenario shipped on the class path under {@code scenarios/}. */
  public static Scenario builtIn(String name, CitySnapshot city) {
    String resource = "scenarios/" + name + (name.endsWith(".json") ? "" : ".json");
    try (InputStream in = ScenarioFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioInputException(resource, null, "no such built-in scenario");
      }
      return read(in, resource, defaultId(name), city);
    } catch (IOException e) {
      throw new ScenarioInputException(resource, null, "cannot be read: " + e.getMessage());
    }
  }

  private static String defaultId(String source) {
    String base = Path.of(source).getFileName().toString();
    return base.endsWith(".json") ? base.substring(0, base.length() - 5) : base;
  }

  public static Scenario read(InputStream in, String source, String defaultId, CitySnapshot city) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ScenarioInputException(source, null, "not valid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioInputException(source, null, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ScenarioInputException(source, null, "must be a JSON object");
    }
    Params top = new Params(source, "", root).onlyKnown(TOP);
    String id = top.text("id", defaultId);
    if (!ID.matcher(id).matches()) {
      throw top.fail("id", "'" + id + "' must be 1-64 characters of letters, digits, '.', '_' or '-'");
    }
    ScenarioType type = ScenarioType.fromCode(top.text("type"))
        .orElseThrow(() -> top.fail("type", "unknown scenario type '" + top.text("type") + "' (known: "
            + String.join(", ", List.of(ScenarioType.values()).stream().map(ScenarioType::code).toList()) + ")"));
    Scenario.Mode mode = Scenario.Mode.valueOf(top.choice("mode", List.of("forecast", "drill")).toUpperCase(Locale.ROOT));
    Site site = site(top.object("location"), city);
    Instant start = instant(top, "start");
    Duration duration = top.duration("duration");
    Duration step = top.duration("step");
    if (step.compareTo(duration) > 0) {
      throw top.fail("step", step + " is longer than the duration " + duration);
    }
    if (duration.toMillis() / step.toMillis() > MAX_STEPS) {
      throw top.fail("step", "gives more than " + MAX_STEPS + " steps over " + duration);
    }
    long seed = seed(top);
    Params parameters = top.has("parameters") ? top.object("parameters")
        : new Params(source, "parameters", JSON.createObjectNode());
    return new Scenario(id, top.text("name", id), type, mode, site, start, duration, step, seed, parameters,
        interventions(top, duration), source);
  }

  private static long seed(Params top) {
    JsonNode v = top.node().get("seed");
    if (v == null || v.isNull()) {
      throw top.fail("seed", "is missing (a scenario must say which random stream it uses)");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw top.fail("seed", "must be a whole number");
    }
    return v.asLong();
  }

  private static Instant instant(Params p, String key) {
    String t = p.text(key);
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw p.fail(key, "'" + t + "' is not an ISO-8601 instant such as 2026-11-24T06:00:00Z");
    }
  }

  private static List<Scenario.Intervention> interventions(Params top, Duration duration) {
    List<Scenario.Intervention> out = new ArrayList<>();
    for (Params i : top.objects("interventions")) {
      i.onlyKnown(Set.of("action", "at", "whenMetric", "above", "parameters"));
      String action = i.text("action");
      boolean timed = i.has("at");
      boolean threshold = i.has("whenMetric");
      if (timed == threshold) {
        throw i.fail(null, "needs either 'at' (an offset such as P14D) or 'whenMetric' with 'above', not "
            + (timed ? "both" : "neither"));
      }
      Duration at = null;
      if (timed) {
        at = i.duration("at");
        if (at.compareTo(duration) > 0) {
          throw i.fail("at", at + " is after the end of the scenario (" + duration + ")");
        }
      }
      String metric = threshold ? i.text("whenMetric") : null;
      double above = threshold ? i.number("above", -1e18, 1e18) : Double.NaN;
      Params parameters = i.has("parameters") ? i.object("parameters")
          : new Params(i.path(), i.path() + ".parameters", JSON.createObjectNode());
      out.add(new Scenario.Intervention(action, at, metric, above, parameters));
    }
    return out;
  }

  private static Site site(Params loc, CitySnapshot city) {
    loc.onlyKnown(Set.of("lat", "lon", "building", "district"));
    if (loc.has("building")) {
      return entity(loc, "building", EntityType.BUILDING, city);
    }
    if (loc.has("district")) {
      return entity(loc, "district", EntityType.DISTRICT, city);
    }
    double lat = loc.number("lat", -90, 90);
    double lon = loc.number("lon", -180, 180);
    Point p = GF.createPoint(new Coordinate(lon, lat));
    if (!city.source().boundary().covers(p)) {
      throw loc.fail(null, "lat " + lat + ", lon " + lon + " lies outside the city of " + city.cityName());
    }
    return new Site(p, p, null);
  }

  private static Site entity(Params loc, String key, EntityType type, CitySnapshot city) {
    String raw = loc.text(key);
    String k = raw.startsWith(type.prefix() + "/") ? raw.substring(type.prefix().length() + 1) : raw;
    EntityId id;
    try {
      id = EntityId.of(type, k);
    } catch (IllegalArgumentException e) {
      throw loc.fail(key, e.getMessage());
    }
    CityEntity e = city.entity(id).orElseThrow(() -> loc.fail(key, "no " + type.prefix() + " '" + raw + "' in "
        + city.cityName()));
    Geometry area = e.geometry();
    return new Site(area.getInteriorPoint(), area, id);
  }
}
