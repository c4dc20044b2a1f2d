package io.citytwin.app;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.app.wiring.Node;
import io.citytwin.geo.city.CityModel;
import io.citytwin.twin.sensor.SensorRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One running CityTwin process: a Vert.x instance and the {@link Node} wired on it from a
 * validated configuration. It holds no logic of its own; every capability lives in its module.
 */
public final class Platform {
  private final Vertx vertx;
  private final Node node;
  private final CityTwinConfig config;

  private Platform(Vertx vertx, Node node, CityTwinConfig config) {
    this.vertx = vertx;
    this.node = node;
    this.config = config;
  }

  /**
   * Starts a node. The future fails (and Vert.x is closed) when any part cannot start, with the
   * reason of the part that failed.
   */
  public static Future<Platform> start(CityTwinConfig config) {
    Vertx vertx = Vertx.vertx();
    Node node = new Node(vertx, config);
    // A context-free promise: chaining on vertx.close() would hand the failure to an event loop
    // that the close is shutting down, and the caller would never hear of it.
    Promise<Platform> started = Promise.promise();
    node.start()
        .onSuccess(n -> started.complete(new Platform(vertx, n, config)))
        .onFailure(err -> {
          started.fail(err);
          vertx.close();
        });
    return started.future();
  }

  /** See {@link Node#cityLoader}. */
  static Callable<CityModel> cityLoader(String city) {
    return Node.cityLoader(city);
  }

  /** The port the HTTP server listens on. */
  public int httpPort() {
    return node.httpPort();
  }

  /** The MQTT broker sensors publish to. */
  public String mqttUrl() {
    return node.mqttUrl();
  }

  /** The live sensor registry (replaced when sensors are registered). */
  public AtomicReference<SensorRegistry> registry() {
    return node.registry();
  }

  /** Base URL of the dashboard. */
  public String url() {
    String host = config.httpHost();
    String shown = "0.0.0.0".equals(host) || "127.0.0.1".equals(host) ? "localhost" : host;
    return "http://" + shown + ":" + httpPort() + "/";
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Stops the node in order, then Vert.x. */
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    // Vert.x is closed from outside its event loops: a close started on an event loop completes
    // its future on that (terminated) loop, and the caller would never hear of it.
    node.stop().onComplete(stopped -> java.util.concurrent.ForkJoinPool.commonPool()
        .execute(() -> vertx.close().onComplete(closed)));
    return closed.future();
  }

  /** Blocking close for shutdown hooks. */
  public void closeAndWait() {
    try {
      close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("citytwin: shutdown did not complete cleanly: " + e);
    }
  }
}
