package io.citytwin.bench.ingest;

import io.citytwin.bench.BenchCity;
import io.citytwin.ingest.handoff.HistorySink;
import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.ingest.handoff.ReadingSinks;
import io.citytwin.ingest.handoff.EventBusSink;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryStore;
import io.citytwin.ingest.mqtt.MqttSettings;
import io.citytwin.ingest.mqtt.MqttTelemetrySubscriber;
import io.citytwin.ingest.mqtt.TelemetrySubscriber;
import io.citytwin.ingest.mqtt.VertxMqttTelemetrySubscriber;
import io.citytwin.ingest.telemetry.DecoderLimits;
import io.citytwin.ingest.telemetry.RejectionCounters;
import io.citytwin.ingest.telemetry.TelemetryDecoder;
import io.citytwin.ingest.telemetry.TelemetryIntake;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.live.LiveSettings;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorPlacer;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Position;
import io.citytwin.twin.vertx.LiveTwinVerticle;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * End-to-end ingest benchmark: load driver → Mosquitto → CityTwin ingest (Paho, decode, validate)
 * → live twin state (and optionally the embedded history store, fsync'd per group commit), side by
 * side with the raw broker rate measured in the same run: the same load driver into the same
 * Mosquitto, consumed by {@code mosquitto_sub -C N > /dev/null}.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.citytwin.bench.ingest.IngestThroughput
 * [messages=300000] [sensors=1000] [connections=2] [rounds=1]}. Needs /usr/sbin/mosquitto and
 * /usr/bin/mosquitto_sub (Debian: mosquitto, mosquitto-clients).
 */
public final class IngestThroughput {
  private static final String FILTER = "citytwin/v1/sensors/+/telemetry";
  private static final int SUBSCRIBERS = Integer.getInteger("subscribers", 1);
  /** Ingest MQTT clients to measure: paho (the default of citytwin run) and vertx. */
  private static final List<String> CLIENTS = List.of(System.getProperty("clients", "paho,vertx").split(","));

  record Result(String what, int qos, long messages, double seconds, long lost) {
    double rate() {
      return messages / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
    int sensors = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    CitySnapshot city = CitySnapshot.of(BenchCity.model());
    SensorRegistry registry = fleet(city, sensors);
    List<String> ids = registry.all().stream().map(Sensor::id).toList();
    Path tmp = Files.createTempDirectory("citytwin-ingest-bench");
    System.out.printf(Locale.ROOT, "%,d messages per run, %,d sensors, %d load connections, %d round(s)%n",
        n, sensors, connections, rounds);
    List<Result> results = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (int qos : new int[] {0, 1}) {
        results.add(raw(tmp, qos, n, ids, connections));
        for (String client : CLIENTS) {
          results.add(cityTwin(tmp, qos, n, ids, connections, registry, false, client));
          results.add(cityTwin(tmp, qos, n, ids, connections, registry, true, client));
        }
      }
    }
    print(results);
    System.exit(0);
  }

  static SensorRegistry fleet(CitySnapshot city, int count) {
    List<Sensor> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // spread over the Monaco-Ville / La Condamine area so district indicators are exercised
      Position p = new Position(43.7310 + (i % 40) * 0.0001, 7.4180 + (i / 40 % 40) * 0.0001);
      list.add(new Sensor(String.format("bench-%05d", i), SensorKind.AIR_QUALITY,
          SensorKind.AIR_QUALITY.defaultQuantities(), p, null, Agency.HEALTH, null, null));
    }
    return SensorRegistry.of(list, SensorPlacer.of(city));
  }

  static Result raw(Path tmp, int qos, long n, List<String> ids, int connections) throws Exception {
    try (MosquittoProcess broker = new MosquittoProcess(Files.createTempDirectory(tmp, "raw"))) {
      Process sub = new ProcessBuilder("/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port),
          "-t", FILTER, "-q", Integer.toString(qos), "-C", Long.toString(n))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
      Thread.sleep(1_000); // let it subscribe
      LoadPublisher load = new LoadPublisher(broker.url(), connections, qos, ids);
      long t0 = System.nanoTime();
      load.publish(n, System.currentTimeMillis() - 3_600_000);
      boolean done = sub.waitFor(300, TimeUnit.SECONDS);
      double s = (System.nanoTime() - t0) / 1e9;
      if (!done) {
        sub.destroy();
      }
      return new Result("raw broker (mosquitto_sub)", qos, n, s, done ? 0 : -1);
    }
  }

  static Result cityTwin(Path tmp, int qos, long n, List<String> ids, int connections, SensorRegistry registry,
      boolean history, String client) throws Exception {
    Vertx vertx = Vertx.vertx();
    EmbeddedHistoryStore store = null;
    try (MosquittoProcess broker = new MosquittoProcess(Files.createTempDirectory(tmp, "ct"))) {
      AtomicReference<SensorRegistry> ref = new AtomicReference<>(registry);
      vertx.deployVerticle(new LiveTwinVerticle(ref, LiveSettings.DEFAULTS, null, "", Clock.systemUTC(), 250)).await();
      ReadingSink sink = EventBusSink.twin(vertx, 30_000);
      if (history) {
        store = EmbeddedHistoryStore.open(EmbeddedHistoryOptions.in(Files.createTempDirectory(tmp, "history")));
        sink = ReadingSinks.all(sink, new HistorySink(store, id -> ref.get().find(id)));
      }
      RejectionCounters counters = new RejectionCounters();
      TelemetryIntake intake = new TelemetryIntake(
          new TelemetryDecoder(id -> ref.get().quantitiesOf(id), DecoderLimits.DEFAULTS), counters, d -> { });
      List<TelemetrySubscriber> subscribers = new ArrayList<>();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        // several connections share the subscription: decoding runs on as many Paho threads
        String filter = SUBSCRIBERS == 1 ? FILTER : "$share/citytwin-ingest/" + FILTER;
        MqttSettings settings = new MqttSettings(broker.url(), "bench-ingest-" + i, null, null, filter, 50_000);
        subscribers.add(client.equals("vertx")
            ? new VertxMqttTelemetrySubscriber(vertx, settings, intake, sink, (a, b, c) -> { }, System::currentTimeMillis)
            : new MqttTelemetrySubscriber(vertx, settings, intake, sink, (a, b, c) -> { }));
      }
      for (TelemetrySubscriber sub : subscribers) {
        sub.start().await();
      }
      java.util.function.LongSupplier handedOff = () -> subscribers.stream().mapToLong(TelemetrySubscriber::handedOffReadings).sum();
      LoadPublisher load = new LoadPublisher(broker.url(), connections, qos, ids);
      long t0 = System.nanoTime();
      load.publish(n, System.currentTimeMillis() - 3_600_000);
      long last = -1;
      long lastChange = System.nanoTime();
      while (handedOff.getAsLong() < n && System.nanoTime() - lastChange < 10_000_000_000L) {
        long now = handedOff.getAsLong();
        if (now != last) {
          last = now;
          lastChange = System.nanoTime();
        }
        Thread.sleep(2);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      long got = handedOff.getAsLong();
      for (TelemetrySubscriber sub : subscribers) {
        sub.stop().await();
      }
      String what = "CityTwin (" + client + ") → live state" + (history ? " + embedded history" : "");
      if (counters.totalRejected() > 0) {
        throw new IllegalStateException("benchmark payloads were rejected: " + counters.snapshot());
      }
      return new Result(what, qos, got, got == n ? s : (lastChange - t0) / 1e9, n - got);
    } finally {
      if (store != null) {
        store.close().await();
      }
      vertx.close().await();
    }
  }

  static void print(List<Result> results) {
    System.out.println();
    System.out.println("| QoS | path | messages | seconds | msg/s | vs raw broker | lost |");
    System.out.println("|---|---|---|---|---|---|---|");
    Result base = null;
    for (Result r : results) {
      if (r.what().startsWith("raw")) {
        base = r;
      }
      System.out.printf(Locale.ROOT, "| %d | %s | %,d | %.2f | %,.0f | %.2f | %s |%n", r.qos(), r.what(), r.messages(),
          r.seconds(), r.rate(), base == null ? 1.0 : r.rate() / base.rate(),
          r.lost() < 0 ? "timeout" : Long.toString(r.lost()));
    }
  }
}
