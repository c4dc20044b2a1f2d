package io.citytwin.app;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.geo.city.CityImporter;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.city.CitySpecs;
import io.citytwin.twin.vertx.CimVerticle;
import io.citytwin.web.http.WebServerVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One running CityTwin node: wires the verticles together from a validated configuration. It
 * holds no logic of its own; every capability lives in its module.
 */
public final class Platform {
  private final Vertx vertx;
  private final WebServerVerticle web;
  private final CityTwinConfig config;

  private Platform(Vertx vertx, WebServerVerticle web, CityTwinConfig config) {
    this.vertx = vertx;
    this.web = web;
    this.config = config;
  }

  /**
   * Starts a node: the city model is imported on a worker thread, then the HTTP server listens.
   * The future fails (and Vert.x is closed) when any part cannot start.
   */
  public static Future<Platform> start(CityTwinConfig config) {
    Vertx vertx = Vertx.vertx();
    WebServerVerticle web = new WebServerVerticle();
    JsonObject httpConfig =
        new JsonObject()
            .put(WebServerVerticle.CONFIG_PORT, config.httpPort())
            .put(WebServerVerticle.CONFIG_HOST, config.httpHost());
    // A context-free promise: chaining on vertx.close() would hand the failure to an event loop
    // that the close is shutting down, and the caller would never hear of it.
    Promise<Platform> started = Promise.promise();
    vertx
        .deployVerticle(new CimVerticle(cityLoader(config.city())))
        .compose(id -> vertx.deployVerticle(web, new DeploymentOptions().setConfig(httpConfig)))
        .map(id -> new Platform(vertx, web, config))
        .onSuccess(started::complete)
        .onFailure(
            err -> {
              started.fail(err);
              vertx.close();
            });
    return started.future();
  }

  /**
   * A built-in city by name, or a {@code city.json} spec on disk when the value names a file or
   * ends in {@code .json}.
   */
  static Callable<CityModel> cityLoader(String city) {
    if (city.endsWith(".json") || Files.isRegularFile(Path.of(city))) {
      return () -> CityImporter.importSpec(CitySpecs.fromFile(Path.of(city)));
    }
    return () -> CityImporter.importBuiltIn(city);
  }

  /** The port the HTTP server listens on. */
  public int httpPort() {
    return web.actualPort();
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

  /** Stops every verticle and Vert.x itself. */
  public Future<Void> close() {
    return vertx.close();
  }

  /** Blocking close for shutdown hooks. */
  public void closeAndWait() {
    try {
      close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("citytwin: shutdown did not complete cleanly: " + e);
    }
  }
}
