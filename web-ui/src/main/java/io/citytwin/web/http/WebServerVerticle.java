package io.citytwin.web.http;

import io.citytwin.twin.vertx.CimAddresses;
import io.citytwin.web.layers.EventBusLayerService;
import io.citytwin.web.layers.LayerService;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The HTTP server: REST API, OpenAPI document and the operations dashboard, gzip-compressed when
 * the client accepts it. Full layers are cached with their gzip encoding and an ETag until the
 * twin publishes {@code citytwin.cim.loaded} again.
 *
 * <p>Config keys: {@code http.port} (default 8080; 0 picks a free port, see {@link #actualPort()})
 * and {@code http.host} (default {@code 0.0.0.0}).
 */
public final class WebServerVerticle extends VerticleBase {
  public static final String CONFIG_PORT = "http.port";
  public static final String CONFIG_HOST = "http.host";
  public static final int DEFAULT_PORT = 8080;
  static final String OPENAPI_RESOURCE = "/io/citytwin/web/openapi.json";

  private final Function<io.vertx.core.Vertx, LayerService> layerServiceFactory;
  private HttpServer server;

  /** A server that reads the twin through the event bus ({@link EventBusLayerService}). */
  public WebServerVerticle() {
    this(EventBusLayerService::new);
  }

  /** A server over the given port implementation (e.g. a fixture for tests). */
  public WebServerVerticle(LayerService layers) {
    this(vertx -> layers);
  }

  private WebServerVerticle(Function<io.vertx.core.Vertx, LayerService> factory) {
    this.layerServiceFactory = factory;
  }

  @Override
  public Future<?> start() {
    int port = config().getInteger(CONFIG_PORT, DEFAULT_PORT);
    String host = config().getString(CONFIG_HOST, "0.0.0.0");
    if (port < 0 || port > 65535) {
      return Future.failedFuture(
          new IllegalArgumentException(CONFIG_PORT + " must be 0..65535, not " + port));
    }
    LayerService layers = layerServiceFactory.apply(vertx);
    return vertx
        .executeBlocking(WebServerVerticle::readOpenApi)
        .compose(
            doc -> {
              ApiRoutes routes = new ApiRoutes(vertx, layers, doc);
              // A reloaded city makes the cached layers stale.
              vertx.eventBus().consumer(CimAddresses.LOADED, m -> routes.invalidateCache());
              HttpServerOptions options =
                  new HttpServerOptions().setPort(port).setHost(host).setCompressionSupported(true);
              return vertx.createHttpServer(options).requestHandler(routes.router()).listen();
            })
        .onSuccess(s -> server = s);
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
