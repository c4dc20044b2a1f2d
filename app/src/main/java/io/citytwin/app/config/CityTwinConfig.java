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
 * source and invalid values fail start-up with all problems listed. Immutable.
 */
public final class CityTwinConfig {

  /** Every key CityTwin understands, in documentation order. */
  public static final List<Setting> SETTINGS =
      List.of(
          Setting.text("http.host", "127.0.0.1", "interface the dashboard and API bind to"),
          Setting.integer("http.port", "8080", 0, 65535, "HTTP port of the dashboard and API"),
          Setting.text("city", "monaco", "built-in city name or path to a city.json spec"),
          Setting.text("data.dir", "data", "directory for state kept across restarts"),
          Setting.optional("mqtt.url", "external MQTT broker (tcp://host:port); empty runs the embedded broker"),
          Setting.text("mqtt.host", "127.0.0.1", "interface the embedded MQTT broker binds to"),
          Setting.integer("mqtt.port", "1883", 0, 65535, "port of the embedded MQTT broker (0 = any free port)"),
          Setting.bool("mqtt.auth", "true", "embedded broker: sensors log in with registry credentials, topic ACL enforced"),
          Setting.optional("mqtt.username", "user name of ingest on the broker (embedded: default citytwin-ingest)"),
          Setting.optional("mqtt.password", "password of ingest on the broker (embedded: random per start when empty)"),
          Setting.text("mqtt.client-id", "citytwin-ingest", "MQTT client id of ingest (its persistent session)"),
          Setting.choice("mqtt.client", "paho", List.of("paho", "vertx"), "MQTT client of ingest: Eclipse Paho, or the Vert.x/Netty client for the highest rates"),
          Setting.text("mqtt.subscription", "citytwin/v1/sensors/+/telemetry", "topic filter ingest subscribes to ($share/... to spread over nodes)"),
          Setting.integer("ingest.max-payload-bytes", "65536", 64, 16 * 1024 * 1024, "largest telemetry payload accepted; larger ones are dead-lettered"),
          Setting.optional("kafka.bootstrap", "Kafka bootstrap servers; set to run telemetry through Kafka (scaled mode)"),
          Setting.text("kafka.topic", "citytwin.telemetry", "Kafka topic of normalised readings"),
          Setting.text("kafka.group", "citytwin-twin", "consumer group of the twin nodes"),
          Setting.integer("kafka.partitions", "12", 1, 10_000, "partitions when CityTwin creates the topic"),
          Setting.choice("history.store", "embedded", List.of("embedded", "influx"), "where reading history goes"),
          Setting.integer("history.retention-days", "30", 1, 36_500, "embedded history: age after which readings are pruned"),
          Setting.optional("influx.url", "InfluxDB 1.x URL (http://host:8086), with history.store=influx"),
          Setting.text("influx.database", "citytwin", "InfluxDB database"),
          Setting.optional("influx.username", "InfluxDB user"),
          Setting.optional("influx.password", "InfluxDB password"),
          Setting.optional("sensors.file", "sensor registry (GeoJSON or CSV); empty: data.dir/sensors.geojson, else the city's demo fleet"),
          Setting.seconds("twin.stale-after", "300", 1, "silence after which a sensor is stale"),
          Setting.seconds("twin.no-signal-after", "900", 2, "silence after which a sensor has no signal"),
          Setting.optional("rules.file", "incident rules (JSON); empty: the city's built-in rules"),
          Setting.optional("plans.file", "response plans (JSON); empty: the city's built-in plans"),
          Setting.text("cap.sender", "operations@citytwin.example", "CAP <sender> of the alerts this platform issues"),
          Setting.zone("cap.zone", "Europe/Monaco", "time zone of the CAP alerts' <sent> offsets"),
          Setting.optional("alerts.webhooks", "JSON object agency -> webhook URL or list of URLs, e.g. {\"fire\": \"https://...\"}"),
          Setting.text("alerts.agency-key", "citytwin-demo-agencies", "key the agencies' MQTT secrets derive from (embedded broker)"),
          Setting.bool("simulator.enabled", "true", "run the simulated sensor fleet against the broker"),
          Setting.integer("simulator.rate", "20", 1, 1_000_000, "messages per second the simulated fleet publishes in total"),
          Setting.text("simulator.fleet-key", "citytwin-demo-fleet", "key the demo fleet's sensor secrets derive from"),
          Setting.bool("simulator.faults", "true", "simulated sensors occasionally misbehave (stuck, dropout, out-of-range spikes)"));

  private final Map<String, Object> values;

  private CityTwinConfig(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  public String httpHost() {
    return text("http.host");
  }

  public int httpPort() {
    return (Integer) values.get("http.port");
  }

  public String city() {
    return text("city");
  }

  public Path dataDir() {
    return Path.of(text("data.dir"));
  }

  /** The typed value of a key (String, Integer, Boolean or Duration as its setting parses it). */
  public Object get(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown configuration key " + key);
    }
    return v;
  }

  public String text(String key) {
    return (String) get(key);
  }

  /** A text key, or empty when it is set to "" (optional keys). */
  public Optional<String> optional(String key) {
    String v = text(key);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public int integer(String key) {
    return (Integer) get(key);
  }

  public boolean flag(String key) {
    return (Boolean) get(key);
  }

  public java.time.Duration duration(String key) {
    return (java.time.Duration) get(key);
  }

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
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    java.time.Duration stale = (java.time.Duration) values.get("twin.stale-after");
    java.time.Duration silent = (java.time.Duration) values.get("twin.no-signal-after");
    if (silent.compareTo(stale) <= 0) {
      problems.add("twin.no-signal-after (" + silent.toSeconds() + " s) must be longer than twin.stale-after ("
          + stale.toSeconds() + " s)");
    }
    if ("influx".equals(values.get("history.store")) && ((String) values.get("influx.url")).isEmpty()) {
      problems.add("history.store=influx needs influx.url");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new CityTwinConfig(values);
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
