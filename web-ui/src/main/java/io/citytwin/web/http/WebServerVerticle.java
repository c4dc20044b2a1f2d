package io.citytwin.web.http;

import io.citytwin.twin.vertx.CimAddresses;
import io.citytwin.twin.vertx.IncidentAddresses;
import io.citytwin.twin.vertx.SimAddresses;
import io.citytwin.twin.vertx.TelemetryAddresses;
import io.citytwin.web.incidents.EventBusIncidentService;
import io.citytwin.web.incidents.IncidentService;
import io.citytwin.web.layers.EventBusLayerService;
import io.citytwin.web.layers.LayerService;
import io.citytwin.web.push.LivePush;
import io.citytwin.web.push.PushSettings;
import io.citytwin.web.scenarios.EventBusScenarioService;
import io.citytwin.web.scenarios.ScenarioService;
import io.citytwin.web.sensors.EventBusSensorService;
import io.citytwin.web.sensors.SensorService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP server: REST API, {@code /metrics}, the {@code /ws} live push, OpenAPI document and the
 * operations dashboard, gzip-compressed when the client accepts it. Full layers are cached with
 * their gzip encoding and an ETag until the twin publishes {@code citytwin.cim.loaded} again.
 *
 * <p>Config keys: {@code http.port} (default 8080; 0 picks a free port, see {@link #actualPort()}),
 * {@code http.host} (default {@code 0.0.0.0}), {@code ws.addresses} (JSON array of event-bus
 * addresses whose publications {@code /ws} forwards; default {@link #DEFAULT_PUSH_ADDRESSES}) and
 * {@code ws.writeQueueBytes} (per-client write queue before frames are dropped; default 1 MiB)
 * and {@code ws.minResyncMs} (least time between two snapshots re-sent to a client that dropped
 * frames; default 5000).
 */
public final class WebServerVerticle extends VerticleBase {
  public static final String CONFIG_PORT = "http.port";
  public static final String CONFIG_HOST = "http.host";
  public static final String CONFIG_PUSH_ADDRESSES = "ws.addresses";
  public static final String CONFIG_PUSH_QUEUE_BYTES = "ws.writeQueueBytes";
  public static final String CONFIG_PUSH_MIN_RESYNC_MS = "ws.minResyncMs";
  public static final int DEFAULT_PORT = 8080;
  /**
   * What {@code /ws} forwards unless configured: the live twin's changes, incident and task events,
   * and the frames of a running drill.
   */
  public static final List<String> DEFAULT_PUSH_ADDRESSES =
      List.of(TelemetryAddresses.LIVE, IncidentAddresses.EVENTS, IncidentAddresses.TASKS, SimAddresses.FRAMES);
  static final String OPENAPI_RESOURCE = "/io/citytwin/web/openapi.json";

  private final Function<Vertx, LayerService> layerServiceFactory;
  private final Function<Vertx, SensorService> sensorServiceFactory;
  private final Function<Vertx, IncidentService> incidentServiceFactory;
  private final Function<Vertx, ScenarioService> scenarioServiceFactory;
  private HttpServer server;
  private LivePush push;

  /** A server that reads the twin, ingest, incidents and scenarios through the event bus. */
  public WebServerVerticle() {
    this(EventBusLayerService::new, EventBusSensorService::new, EventBusIncidentService::new,
        EventBusScenarioService::new);
  }

  /** A server over the given layers (e.g. a fixture for tests); the rest over the event bus. */
  public WebServerVerticle(LayerService layers) {
    this(vertx -> layers, EventBusSensorService::new, EventBusIncidentService::new, EventBusScenarioService::new);
  }

  /** A server over the given port implementations (e.g. fixtures for tests); the rest over the event bus. */
  public WebServerVerticle(LayerService layers, SensorService sensors) {
    this(vertx -> layers, vertx -> sensors, EventBusIncidentService::new, EventBusScenarioService::new);
  }

  /** A server over the given port implementations (e.g. fixtures for tests); scenarios over the event bus. */
  public WebServerVerticle(LayerService layers, SensorService sensors, IncidentService incidents) {
    this(vertx -> layers, vertx -> sensors, vertx -> incidents, EventBusScenarioService::new);
  }

  /** A server over the given port implementations (e.g. fixtures for tests). */
  public WebServerVerticle(LayerService layers, SensorService sensors, IncidentService incidents,
      ScenarioService scenarios) {
    this(vertx -> layers, vertx -> sensors, vertx -> incidents, vertx -> scenarios);
  }

  private WebServerVerticle(Function<Vertx, LayerService> layers, Function<Vertx, SensorService> sensors,
      Function<Vertx, IncidentService> incidents, Function<Vertx, ScenarioService> scenarios) {
    this.layerServiceFactory = layers;
    this.sensorServiceFactory = sensors;
    this.incidentServiceFactory = incidents;
    this.scenarioServiceFactory = scenarios;
  }

  @Override
  public Future<?> start() {
    int port = config().getInteger(CONFIG_PORT, DEFAULT_PORT);
    String host = config().getString(CONFIG_HOST, "0.0.0.0");
    if (port < 0 || port > 65535) {
      return Future.failedFuture(
          new IllegalArgumentException(CONFIG_PORT + " must be 0..65535, not " + port));
    }
    PushSettings settings;
    try {
      settings = pushSettings();
    } catch (IllegalArgumentException | ClassCastException e) {
      return Future.failedFuture(new IllegalArgumentException("bad WebSocket config: " + e.getMessage(), e));
    }
    LayerService layers = layerServiceFactory.apply(vertx);
    SensorService sensors = sensorServiceFactory.apply(vertx);
    IncidentService incidents = incidentServiceFactory.apply(vertx);
    ScenarioService scenarios = scenarioServiceFactory.apply(vertx);
    push = new LivePush(vertx, sensors, incidents, scenarios, settings);
    return push.start()
        .compose(v -> vertx.executeBlocking(WebServerVerticle::readOpenApi))
        .compose(
            doc -> {
              ApiRoutes routes = new ApiRoutes(vertx, layers, sensors, incidents, scenarios, push, doc);
              // A reloaded city makes the cached layers stale.
              vertx.eventBus().consumer(CimAddresses.LOADED, m -> routes.invalidateCache());
              HttpServerOptions options =
                  new HttpServerOptions().setPort(port).setHost(host).setCompressionSupported(true);
              return vertx.createHttpServer(options).requestHandler(routes.router()).listen();
            })
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return push == null ? Future.succeededFuture() : push.stop();
  }

  private PushSettings pushSettings() {
    JsonArray configured = config().getJsonArray(CONFIG_PUSH_ADDRESSES);
    List<String> addresses = new ArrayList<>();
    if (configured == null) {
      addresses.addAll(DEFAULT_PUSH_ADDRESSES);
    } else {
      for (Object a : configured) {
        if (!(a instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(CONFIG_PUSH_ADDRESSES + " must list event-bus addresses, found " + a);
        }
        addresses.add(s);
      }
    }
    PushSettings settings = PushSettings.of(addresses);
    Integer queue = config().getInteger(CONFIG_PUSH_QUEUE_BYTES);
    if (queue != null) {
      settings = settings.withWriteQueueMaxBytes(queue);
    }
    Long resyncMs = config().getLong(CONFIG_PUSH_MIN_RESYNC_MS);
    if (resyncMs != null) {
      settings = settings.withMinResyncInterval(java.time.Duration.ofMillis(resyncMs));
    }
    return settings;
  }

  /** The port the server listens on; valid once the verticle is deployed. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the web server is not started");
    }
    return server.actualPort();
  }

  static Buffer readOpenApi() throws IOException {
    try (InputStream in = WebServerVerticle.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IOException("classpath resource " + OPENAPI_RESOURCE + " is missing");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }
}
