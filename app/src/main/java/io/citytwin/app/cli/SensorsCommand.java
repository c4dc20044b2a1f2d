package io.citytwin.app.cli;

import io.citytwin.app.fleet.RegisteredFleet;
import io.citytwin.ingest.fleet.FaultRates;
import io.citytwin.ingest.fleet.FleetOptions;
import io.citytwin.ingest.fleet.FleetSimulator;
import io.citytwin.ingest.fleet.FleetStats;
import io.citytwin.ingest.fleet.PayloadFormat;
import io.citytwin.ingest.fleet.ProgressLine;
import io.citytwin.ingest.fleet.SimulatedSensor;
import io.citytwin.ingest.fleet.SyntheticFleet;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.codec.SensorFiles;
import io.citytwin.twin.sensor.demo.DemoFleet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code citytwin sensors}: the sensor-fleet simulator and load driver. Publishes realistic
 * telemetry for a registered fleet (logging in as each sensor, secrets derived from the fleet
 * key) or for N synthetic anonymous sensors, with a live progress line on stderr.
 *
 * <p>Exit codes: 0 after running for the duration (or until Ctrl-C), 1 when the fleet cannot be
 * loaded, the broker is unreachable or refuses a login, 2 for a bad command line.
 */
@Command(
    name = "sensors",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a sensor fleet: publish realistic telemetry (daily cycles, noise, faults) over MQTT.",
      "With --fleet, every registered sensor connects with its own credentials; otherwise --count",
      "synthetic anonymous sensors (sim-00001...) share a few connections."
    })
public final class SensorsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--broker", required = true, paramLabel = "URL",
      description = "MQTT broker, e.g. tcp://localhost:1883 (also mqtt://, ssl://, mqtts://, ws://)")
  String broker;

  @Option(names = "--count", paramLabel = "N",
      description = "synthetic sensors (default ${DEFAULT-VALUE}); with --fleet, only the first N registered")
  Integer count;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "100",
      description = "messages per second across the fleet, 0 = unlimited (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--duration", paramLabel = "S", description = "seconds to run (default: until Ctrl-C)")
  Long durationSeconds;

  @Option(names = "--qos", paramLabel = "0|1", defaultValue = "1", description = "MQTT QoS (default ${DEFAULT-VALUE})")
  int qos;

  @Option(names = "--fleet", paramLabel = "FILE|demo",
      description = "registry file (.geojson, .csv) or 'demo' for the built-in city's demo fleet")
  String fleet;

  @Option(names = "--city", paramLabel = "NAME", defaultValue = "monaco",
      description = "built-in city whose fleet 'demo' means (default ${DEFAULT-VALUE})")
  String city;

  @Option(names = "--fleet-key", paramLabel = "K", defaultValue = DemoFleet.DEFAULT_FLEET_KEY,
      description = "key the fleet's secrets derive from (default ${DEFAULT-VALUE})")
  String fleetKey;

  @Option(names = "--format", paramLabel = "json|senml|mixed", defaultValue = "mixed",
      description = "payload form (default ${DEFAULT-VALUE})")
  PayloadFormat format;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "value stream seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--connections", paramLabel = "N",
      description = "shared anonymous connections (default: 4 for synthetic sensors, one per sensor with --fleet)")
  Integer connections;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "publisher threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--no-faults", description = "no stuck values, dropouts or out-of-range spikes")
  boolean noFaults;

  private static final int DEFAULT_SYNTHETIC = 100;
  private static final int DEFAULT_POOL = 4;

  @Override
  public Integer call() {
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    if (qos != 0 && qos != 1) {
      throw new ParameterException(spec.commandLine(), "--qos must be 0 or 1, not " + qos);
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new ParameterException(spec.commandLine(), "--rate must be a number of messages/s >= 0 (0 = unlimited)");
    }
    if (durationSeconds != null && durationSeconds <= 0 || count != null && count <= 0 || threads <= 0) {
      throw new ParameterException(spec.commandLine(), "--duration, --count and --threads must be positive");
    }
    List<SimulatedSensor> sensors;
    FleetOptions options;
    try {
      sensors = fleet == null ? SyntheticFleet.of(count == null ? DEFAULT_SYNTHETIC : count) : registered();
      options = options(fleet == null ? DEFAULT_POOL : 0);
    } catch (SensorInputException | IllegalArgumentException e) {
      err.println("citytwin sensors: " + e.getMessage());
      return 1;
    }
    FleetSimulator sim = new FleetSimulator(sensors, options);
    try {
      join(sim.start());
    } catch (ExecutionException e) {
      err.println("citytwin sensors: " + e.getCause().getMessage());
      return 1;
    }
    err.println("publishing for " + sensors.size() + " sensors to " + options.brokerUri() + " at "
        + (rate == 0 ? "full speed" : String.format(Locale.ROOT, "%,.0f msg/s", rate)) + ", QoS " + qos
        + (durationSeconds == null ? " until Ctrl-C" : " for " + durationSeconds + " s"));
    if (durationSeconds == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(sim), "citytwin-sensors-stop"));
    }
    try (ProgressLine progress = ProgressLine.start(sim::stats, err, Duration.ofSeconds(1))) {
      FleetStats stats = join(sim.completion());
      return stats.sent() == 0 && stats.errors() > 0 ? 1 : 0;
    } catch (ExecutionException e) {
      err.println("citytwin sensors: " + e.getCause().getMessage());
      return 1;
    }
  }

  private FleetOptions options(int defaultConnections) {
    FleetOptions o = FleetOptions.defaults(broker)
        .withRate(rate)
        .withQos(qos)
        .withFormat(format)
        .withSeed(seed)
        .withPublisherThreads(threads)
        .withConnections(connections == null ? defaultConnections : connections)
        .withFaults(noFaults ? FaultRates.NONE : FaultRates.DEFAULT);
    return durationSeconds == null ? o : o.withDuration(Duration.ofSeconds(durationSeconds));
  }

  /** The registered fleet, each sensor with the secret the fleet key derives for it. */
  private List<SimulatedSensor> registered() {
    List<Sensor> all = "demo".equals(fleet) ? SensorFiles.readBuiltIn(city) : SensorFiles.read(Path.of(fleet));
    return RegisteredFleet.of(count == null ? all : all.subList(0, Math.min(count, all.size())), fleetKey);
  }

  private static <T> T join(io.vertx.core.Future<T> f) throws ExecutionException {
    try {
      return f.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExecutionException(e);
    }
  }

  private static void stopQuietly(FleetSimulator sim) {
    try {
      sim.stop().toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      // Shutting down anyway.
    }
  }
}
