package io.citytwin.web.http;

import io.citytwin.geo.city.CityModel;
import io.citytwin.twin.vertx.CimVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The platform as the app wires it (CIM verticle, then the web server on a free port), for ITs. */
record TestServer(Vertx vertx, int port) {

  static TestServer start(Callable<CityModel> city) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      await(vertx.deployVerticle(new CimVerticle(city)));
      WebServerVerticle web = new WebServerVerticle();
      await(vertx.deployVerticle(web, new DeploymentOptions().setConfig(new JsonObject().put(WebServerVerticle.CONFIG_PORT, 0))));
      return new TestServer(vertx, web.actualPort());
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  void close() throws Exception {
    await(vertx.close());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
