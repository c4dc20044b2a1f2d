package io.citytwin.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The validated configuration of one CityTwin process. There is exactly one way in: {@link #load}
 * merges, in increasing precedence, the defaults, a JSON config file, {@code CITYTWIN_*}
 * environment variables and command-line overrides, then checks every key. Unknown keys in any
 * source and invalid values fail start-up with all problems listed.
 *
 * @param httpHost interface the HTTP server binds to
 * @param httpPort HTTP port (0 picks a free port)
 * @param city built-in city name (e.g. {@code monaco}) or path to a {@code city.json} spec
 * @param dataDir directory for state that must survive a restart
 */
public record CityTwinConfig(String httpHost, int httpPort, String city, Path dataDir) {

  /** Every key CityTwin understands, in documentation order. */
  public static final List<Setting> SETTINGS =
      List.of(
          Setting.text("http.host", "127.0.0.1", "interface the dashboard and API bind to"),
          Setting.integer("http.port", "8080", 0, 65535, "HTTP port of the dashboard and API"),
          Setting.text("city", "monaco", "built-in city name or path to a city.json spec"),
          Setting.text("data.dir", "data", "directory for state kept across restarts"));

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The defaults alone. */
  public static CityTwinConfig defaults() {
    return load(Optional.empty(), Map.of(), Map.of());
  }

  /**
   * Builds the configuration from all sources.
   *
   * @param file optional JSON file; nested objects and dotted keys are both accepted
   * @param env the process environment; only {@code CITYTWIN_*} variables are read
   * @param overrides dotted keys set on the command line
   * @throws ConfigException listing every unknown key and invalid value
   */
  public static CityTwinConfig load(
      Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, Setting> byName = new LinkedHashMap<>();
    Map<String, Setting> byEnv = new LinkedHashMap<>();
    for (Setting s : SETTINGS) {
      byName.put(s.name(), s);
      byEnv.put(s.envVar(), s);
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> raw = new LinkedHashMap<>();
    for (Setting s : SETTINGS) {
      raw.put(s.name(), s.defaultValue());
    }
    file.ifPresent(f -> readFile(f, byName, raw, problems));
    new TreeMap<>(env)
        .forEach(
            (k, v) -> {
              if (!k.startsWith("CITYTWIN_")) {
                return;
              }
              Setting s = byEnv.get(k);
              if (s == null) {
                problems.add("unknown environment variable " + k + known(byEnv.keySet()));
              } else {
                raw.put(s.name(), v);
              }
            });
    overrides.forEach(
        (k, v) -> {
          if (!byName.containsKey(k)) {
            problems.add("unknown key '" + k + "' on the command line" + known(byName.keySet()));
          } else {
            raw.put(k, v);
          }
        });
    Map<String, Object> values = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> {
          try {
            values.put(k, byName.get(k).parser().apply(v));
          } catch (IllegalArgumentException e) {
            problems.add(k + ": " + e.getMessage());
          }
        });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CityTwinConfig(
        (String) values.get("http.host"),
        (Integer) values.get("http.port"),
        (String) values.get("city"),
        Path.of((String) values.get("data.dir")));
  }

  private static void readFile(
      Path file, Map<String, Setting> byName, Map<String, String> raw, List<String> problems) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      problems.add(
          file
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
      return;
    } catch (IOException e) {
      problems.add(file + ": cannot be read (" + e.getMessage() + ")");
      return;
    }
    if (root == null || !root.isObject()) {
      problems.add(file + ": must hold a JSON object of settings");
      return;
    }
    flatten("", root, file, byName, raw, problems);
  }

  private static void flatten(
      String prefix,
      JsonNode node,
      Path file,
      Map<String, Setting> byName,
      Map<String, String> raw,
      List<String> problems) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, file, byName, raw, problems);
      } else if (!byName.containsKey(key)) {
        problems.add(file + ": unknown key '" + key + "'" + known(byName.keySet()));
      } else if (v.isValueNode() && !v.isNull()) {
        raw.put(key, v.asText());
      } else {
        problems.add(file + ": key '" + key + "' must be a string or number");
      }
    }
  }

  private static String known(java.util.Collection<String> names) {
    return " (known: " + String.join(", ", names) + ")";
  }
}
