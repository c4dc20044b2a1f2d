package io.citytwin.twin.rule.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.rule.RuleInputException;
import io.citytwin.twin.rule.RuleSet;
import io.citytwin.twin.sensor.SensorRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Rule files: one JSON document per city, e.g. {@code cities/monaco/rules.json} on the classpath.
 *
 * <pre>{@code
 * {"city": "Monaco", "description": "...",
 *  "areas": [{"id": "port-hercule", "name": "Port Hercule",
 *             "geometry": {"type": "Polygon", "coordinates": [...]},
 *             "sensors": ["wl-001", "wl-002"]}],
 *  "rules": [{"id": "fire-building", "title": "Building fire", "description": "...",
 *             "kind": "correlation", "incident": "fire", "severity": "severe",
 *             "escalation": {"at": 3, "severity": "extreme"},
 *             "sensor_kinds": ["smoke_detector"],
 *             "members": [{"quantity": "smoke", "above": 8, "clear": 4}],
 *             "group_by": "building", "min_count": 2, "window_s": 60}]}
 * }</pre>
 *
 * <p>Top level: {@code city} (optional; must name the city when given), {@code description},
 * {@code areas} (named polygons: {@code id}, {@code name}, {@code geometry} a GeoJSON Polygon or
 * MultiPolygon, {@code sensors} the member ids, default: the sensors inside) and {@code rules}.
 *
 * <p>Every rule: {@code id}, {@code kind}, {@code incident} (an incident type code), {@code
 * severity} (minor, moderate, severe, extreme), and optionally {@code title}, {@code description},
 * {@code escalation} ({@code {"at": level, "severity": ...}}), {@code sensor_kinds}, {@code
 * sensors} (ids) and {@code refire_s}. Per kind:
 *
 * <ul>
 *   <li>{@code threshold}: {@code quantity}, {@code above} or {@code below}, {@code clear}, {@code
 *       min_duration_s}, {@code unit}, {@code place} (sensor, building, district, road, area);
 *   <li>{@code rate_of_change}: {@code quantity}, {@code rise_per_min} or {@code fall_per_min},
 *       {@code clear_per_min}, {@code window_s}, {@code unit}, {@code place};
 *   <li>{@code no_signal}: {@code silent_s} and/or {@code on_status} (stale, no-signal, faulty),
 *       {@code place};
 *   <li>{@code geofence}: {@code fence} (one of {@code district} code, {@code area} id, {@code
 *       geometry} GeoJSON, {@code wkt}), {@code trigger} (inside, outside), {@code subject}
 *       (sensors, hazards), {@code hazards} (ids), {@code quantity}, {@code above}/{@code below},
 *       {@code unit}, {@code place} (sensor, fence), {@code use_registered_location};
 *   <li>{@code correlation}: {@code members} (conditions as for threshold or rate_of_change rules,
 *       each with its {@code quantity}), {@code group_by} (building, district, road, area, sensor),
 *       {@code min_count}, {@code window_s}.
 * </ul>
 *
 * <p>Levels are in the quantity's canonical unit unless the rule (or member) gives a {@code
 * unit}; durations are seconds. Unknown fields are errors, so that a misspelt one is not silently
 * ignored. What each kind does is documented on {@link io.citytwin.twin.rule.RuleSpec}.
 *
 * <p>Loading is all or nothing: the first problem throws a {@link RuleInputException} naming the
 * file, the rule (index and id) or area, the field and the problem, and nothing of the file is
 * used. So a reload is safe: load the new file, and swap engines only when it loaded. Blocking
 * file I/O: call it off the event loop. Stateless; thread-safe.
 */
public final class RuleFiles {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private RuleFiles() {}

  /** The rules of a file, validated against the city and its sensor registry. */
  public static RuleSet load(Path file, SensorRegistry registry, CitySnapshot city) {
    String name = file.getFileName().toString();
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, name, registry, city);
    } catch (NoSuchFileException e) {
      throw new RuleInputException(name, null, null, "file not found (" + file.toAbsolutePath() + ")", e);
    } catch (IOException e) {
      throw new RuleInputException(name, null, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a whole rule document; the stream is not closed.
   *
   * @param source file name for messages
   */
  public static RuleSet read(InputStream in, String source, SensorRegistry registry, CitySnapshot city) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String at = loc == null ? null : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new RuleInputException(source, at, null, "invalid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new RuleInputException(source, null, null, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new RuleInputException(source, null, null, "empty document");
    }
    return new RuleParser(source, registry, city).parse(root);
  }

  /** Classpath resource of a built-in city's rules, e.g. {@code cities/monaco/rules.json}. */
  public static String builtInResource(String city) {
    if (!city.matches("[a-z0-9][a-z0-9_-]*")) {
      throw new IllegalArgumentException("not a built-in city name: '" + city + "'");
    }
    return "cities/" + city + "/rules.json";
  }

  /** Whether a built-in city ships rules. */
  public static boolean hasBuiltIn(String city) {
    return RuleFiles.class.getClassLoader().getResource(builtInResource(city)) != null;
  }

  /** The rules shipped for a built-in city (e.g. {@code monaco}). */
  public static RuleSet loadBuiltIn(String cityName, SensorRegistry registry, CitySnapshot city) {
    String resource = builtInResource(cityName);
    try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new RuleInputException("classpath:" + resource, null, null,
            "no built-in rules for city '" + cityName + "'");
      }
      return read(in, "classpath:" + resource, registry, city);
    } catch (IOException e) {
      throw new RuleInputException("classpath:" + resource, null, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "(no detail)";
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
