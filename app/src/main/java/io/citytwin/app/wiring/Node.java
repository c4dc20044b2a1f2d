package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.city.CitySpecs;
import io.citytwin.ingest.deadletter.DeadLetterStore;
import io.citytwin.ingest.fleet.FleetSimulator;
import io.citytwin.ingest.vertx.IngestVerticle;
import io.citytwin.sim.vertx.DrillVerticle;
import io.citytwin.sim.vertx.ForecastVerticle;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.journal.EventJournal;
import io.citytwin.twin.live.LiveSettings;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.vertx.CimVerticle;
import io.citytwin.twin.vertx.LiveTwinVerticle;
import io.citytwin.web.http.WebServerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one running node and the order they start and stop in. Start: city model and
 * registry (worker) → history, dead-letter and incident journal → CIM, live twin, incidents →
 * broker → ingest → alert channels → simulated fleet → HTTP. Stop runs the other way round, so nothing accepted is in flight when a
 * store closes.
 */
public final class Node {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final Vertx vertx;
  private final CityTwinConfig config;
  private final WebServerVerticle web = new WebServerVerticle();
  private final AtomicReference<SensorRegistry> registry = new AtomicReference<>();
  private HistoryStores.Opened history;
  private DeadLetterStore deadLetters;
  private MqttEndpoint mqtt;
  private FleetSimulator simulator;
  private String ingestDeployment;
  private String alertsDeployment;
  private DrillPublisher drillPublisher;
  private CitySnapshot city;
  private EventJournal journal;

  public Node(Vertx vertx, CityTwinConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Starts every part; on failure the parts already started are stopped again. */
  public Future<Node> start() {
    return vertx.executeBlocking(this::loadCity)
        .compose(city -> vertx.executeBlocking(() -> openStores(city)))
        .compose(loaded -> {
          city = loaded;
          return vertx.deployVerticle(CimVerticle.of(loaded));
        })
        .compose(id -> vertx.deployVerticle(liveTwin()))
        .compose(id -> vertx.executeBlocking(() -> Incidents.verticle(config, city, registry, journal, Clock.systemUTC())))
        .compose(incidents -> vertx.deployVerticle(incidents))
        .compose(id -> MqttEndpoint.start(vertx, config, registry))
        .compose(endpoint -> {
          mqtt = endpoint;
          return vertx.deployVerticle(new IngestVerticle(
              Telemetry.assemble(vertx, config, mqtt, registry, history, deadLetters)));
        })
        .compose(id -> {
          ingestDeployment = id;
          return vertx.deployVerticle(Alerts.verticle(vertx, config, mqtt));
        })
        .compose(id -> {
          alertsDeployment = id;
          return vertx.deployVerticle(new DrillVerticle(city, () -> registry.get().all(),
              ScenarioModels.all()::create, drillPublisher = new DrillPublisher(mqtt), ScenarioModels.builtInScenarios(),
              Clock.systemUTC()));
        })
        .compose(id -> vertx.deployVerticle(new ForecastVerticle(city, ScenarioModels.all()::create,
            ScenarioModels.builtInScenarios(), config.dataDir().resolve("forecasts"), Clock.systemUTC())))
        .compose(id -> Simulation.start(config, registry.get(), mqtt))
        .compose(sim -> {
          simulator = sim;
          JsonObject http = new JsonObject()
              .put(WebServerVerticle.CONFIG_PORT, config.httpPort())
              .put(WebServerVerticle.CONFIG_HOST, config.httpHost());
          return vertx.deployVerticle(web, new DeploymentOptions().setConfig(http));
        })
        .map(id -> this)
        .recover(err -> stop().transform(v -> Future.failedFuture(err)));
  }

  private CitySnapshot loadCity() throws Exception {
    CitySnapshot city = CitySnapshot.of(cityLoader(config.city()).call());
    registry.set(Registries.load(config, city));
    LOG.info("{}: {} sensors registered", city.cityName(), registry.get().size());
    return city;
  }

  private CitySnapshot openStores(CitySnapshot city) throws Exception {
    Files.createDirectories(config.dataDir());
    history = HistoryStores.open(config);
    deadLetters = new DeadLetterStore(config.dataDir().resolve("dead-letters"), 100_000, 1_000);
    journal = Incidents.journal(config);
    return city;
  }

  private LiveTwinVerticle liveTwin() {
    LiveSettings settings = new LiveSettings(config.duration("twin.stale-after"),
        config.duration("twin.no-signal-after"), LiveSettings.DEFAULTS.faultyAfterRejects());
    return new LiveTwinVerticle(registry, settings, Registries.persisted(config),
        "Positions derived from OpenStreetMap data, © OpenStreetMap contributors, ODbL 1.0",
        Clock.systemUTC(), 250);
  }

  /**
   * A built-in city by name, or a {@code city.json} spec on disk when the value names a file or
   * ends in {@code .json}.
   */
  public static Callable<CityModel> cityLoader(String city) {
    if (city.endsWith(".json") || Files.isRegularFile(Path.of(city))) {
      return () -> CityImporter.importSpec(CitySpecs.fromFile(Path.of(city)));
    }
    return () -> CityImporter.importBuiltIn(city);
  }

  public int httpPort() {
    return web.actualPort();
  }

  /** The broker sensors publish to ({@code tcp://host:port}). */
  public String mqttUrl() {
    return mqtt == null ? null : mqtt.url();
  }

  public AtomicReference<SensorRegistry> registry() {
    return registry;
  }

  /** Stops what was started, newest first; never fails. */
  public Future<Void> stop() {
    Future<?> f = simulator == null ? Future.succeededFuture() : simulator.stop();
    f = f.eventually(() -> alertsDeployment == null ? Future.succeededFuture() : vertx.undeploy(alertsDeployment));
    f = f.eventually(() -> ingestDeployment == null ? Future.succeededFuture() : vertx.undeploy(ingestDeployment));
    f = f.eventually(() -> history == null ? Future.succeededFuture() : history.store().close());
    f = f.eventually(() -> journal == null ? Future.succeededFuture() : journal.close());
    f = f.eventually(() -> {
      if (deadLetters != null) {
        try {
          deadLetters.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Future.succeededFuture();
    });
    f = f.eventually(() -> drillPublisher == null ? Future.succeededFuture() : drillPublisher.close());
    f = f.eventually(() -> mqtt == null ? Future.succeededFuture() : mqtt.stop(vertx));
    return f.<Void>mapEmpty().recover(e -> {
      LOG.warn("stopping the node: {}", e.toString());
      return Future.succeededFuture();
    });
  }
}
