package io.citytwin.bench.incident;

import io.citytwin.app.Platform;
import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.bench.ingest.MosquittoProcess;
import io.citytwin.ingest.fleet.FaultRates;
import io.citytwin.ingest.fleet.FleetOptions;
import io.citytwin.ingest.fleet.FleetSimulator;
import io.citytwin.ingest.fleet.PayloadFormat;
import io.citytwin.ingest.fleet.SimulatedSensor;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.telemetry.Quantity;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Alert latency: from the MQTT publish of the reading that completes a fire alarm (the second
 * smoke detector of a building) to the first {@code task} event of that incident on the dashboard
 * WebSocket {@code /ws}, with and without background telemetry (default 10,000 msg/s from the
 * demo fleet's non-smoke sensors). After each probe the incident is resolved and the detectors
 * clear, so every probe opens a new incident.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.citytwin.bench.incident.AlertLatency
 * [probes=200] [backgroundRate=10000] [mqttClient=paho|vertx] [broker=mosquitto|embedded]}. The
 * default broker is Debian's Mosquitto (as in the scaled deployment); {@code embedded} uses the
 * in-process Moquette broker of {@code citytwin run}.
 */
public final class AlertLatency {
  private AlertLatency() {}

  public static void main(String[] args) throws Exception {
    int probes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    String client = args.length > 2 ? args[2] : "paho";
    String broker = args.length > 3 ? args[3] : "mosquitto";
    java.nio.file.Path tmp = Files.createTempDirectory("citytwin-alert-bench");
    MosquittoProcess mosquitto = broker.equals("mosquitto") ? new MosquittoProcess(Files.createDirectories(tmp.resolve("mq"))) : null;
    Map<String, String> settings = new java.util.HashMap<>(Map.of(
        "http.port", "0", "mqtt.port", "0", "mqtt.auth", "false", "mqtt.client", client,
        "simulator.enabled", "false", "data.dir", tmp.resolve("data").toString()));
    if (mosquitto != null) {
      settings.put("mqtt.url", mosquitto.url());
    }
    Platform p = Platform.start(CityTwinConfig.load(Optional.empty(), Map.of(), settings))
        .toCompletionStage().toCompletableFuture().join();
    try {
      List<List<Sensor>> buildings = buildingsWithTwoDetectors(p);
      Probe probe = new Probe(p);
      System.out.printf(Locale.ROOT, "%d probes, %d buildings, MQTT client %s, broker %s%n", probes, buildings.size(),
          client, broker);
      probe.run(buildings, 20); // warm-up
      List<Double> quiet = probe.run(buildings, probes);
      FleetSimulator background = background(p, rate);
      List<Double> loaded;
      try {
        Thread.sleep(3_000);
        loaded = probe.run(buildings, probes);
      } finally {
        var stats = background.stop().toCompletionStage().toCompletableFuture().get();
        System.out.printf(Locale.ROOT, "background: %,d messages sent at %.0f msg/s%n", stats.sent(), stats.meanRate());
      }
      System.out.println();
      System.out.println("| background | probes | p50 ms | p95 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|---|");
      row("none", quiet);
      row(String.format(Locale.ROOT, "%,d msg/s", rate), loaded);
    } catch (Exception e) {
      e.printStackTrace();
      throw e;
    } finally {
      p.closeAndWait();
      if (mosquitto != null) {
        mosquitto.close();
      }
    }
    System.exit(0);
  }

  static void row(String label, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", label, s.size(),
        pct(s, 0.50), pct(s, 0.95), pct(s, 0.99), s.get(s.size() - 1));
  }

  static double pct(List<Double> sorted, double q) {
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static List<List<Sensor>> buildingsWithTwoDetectors(Platform p) {
    Map<EntityId, List<Sensor>> byBuilding = p.registry().get().ofKind(SensorKind.SMOKE_DETECTOR).stream()
        .filter(s -> s.placement().building() != null)
        .collect(Collectors.groupingBy(s -> s.placement().building()));
    return byBuilding.values().stream().filter(l -> l.size() >= 2).map(l -> l.subList(0, 2)).toList();
  }

  /** Non-alarming telemetry from every sensor that is not a smoke detector, at {@code rate} msg/s. */
  static FleetSimulator background(Platform p, int rate) {
    List<SimulatedSensor> fleet = p.registry().get().all().stream()
        .filter(s -> s.kind() != SensorKind.SMOKE_DETECTOR && !s.quantities().contains(Quantity.SMOKE))
        .map(s -> SimulatedSensor.anonymous(s.id(), s.quantities())).toList();
    FleetSimulator sim = new FleetSimulator(fleet, FleetOptions.defaults(p.mqttUrl()).withRate(rate).withQos(1)
        .withConnections(2).withPublisherThreads(2).withFormat(PayloadFormat.JSON).withFaults(FaultRates.NONE));
    sim.start().toCompletionStage().toCompletableFuture().join();
    return sim;
  }

  /** One fire at a time: publish, wait for its first task on /ws, resolve, clear. */
  static final class Probe {
    final Platform platform;
    final Map<String, Long> taskSeenNanos = new ConcurrentHashMap<>();
    final Set<String> seenIncidents = ConcurrentHashMap.newKeySet();
    final MqttClient mqtt;
    final HttpClient http = HttpClient.newHttpClient();
    long clock = System.currentTimeMillis() - 3_600_000;

    Probe(Platform p) throws Exception {
      platform = p;
      Vertx vertx = p.vertx();
      WebSocketClient ws = vertx.createWebSocketClient();
      ws.connect(p.httpPort(), "127.0.0.1", "/ws").toCompletionStage().toCompletableFuture().get()
          .textMessageHandler(text -> {
            long now = System.nanoTime();
            JsonObject m = new JsonObject(text);
            if ("task".equals(m.getString("type"))) {
              String placeKey = m.getJsonObject("incident").getString("id");
              if (seenIncidents.add(placeKey)) {
                taskSeenNanos.put(placeKey, now);
              }
            }
          });
      mqtt = new MqttClient(p.mqttUrl(), "alert-latency-probe", new MemoryPersistence());
      MqttConnectOptions o = new MqttConnectOptions();
      o.setMaxInflight(100);
      mqtt.connect(o);
    }

    List<Double> run(List<List<Sensor>> buildings, int n) throws Exception {
      List<Double> ms = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<Sensor> pair = buildings.get(i % buildings.size());
        Set<String> before = Set.copyOf(seenIncidents);
        publish(pair.get(0), 14.0);
        long start = System.nanoTime();
        publish(pair.get(1), 12.0); // completes the 2-detector condition
        String incident = awaitNewIncident(before);
        ms.add((taskSeenNanos.get(incident) - start) / 1e6);
        resolve(incident);
        publish(pair.get(0), 0.0);
        publish(pair.get(1), 0.0);
      }
      return ms;
    }

    void publish(Sensor s, double smoke) throws Exception {
      clock += 1_000;
      mqtt.publish("citytwin/v1/sensors/" + s.id() + "/telemetry",
          ("{\"ts\":" + clock + ",\"smoke\":" + smoke + "}").getBytes(StandardCharsets.UTF_8), 1, false);
    }

    String awaitNewIncident(Set<String> before) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        for (String id : seenIncidents) {
          if (!before.contains(id)) {
            return id;
          }
        }
        Thread.sleep(0, 200_000);
      }
      throw new IllegalStateException("no task arrived on /ws within 30 s");
    }

    void resolve(String incident) throws Exception {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.httpPort()
          + "/api/incidents/" + incident + "/resolve")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("resolve " + incident + ": " + r.statusCode() + " " + r.body());
      }
    }
  }
}
