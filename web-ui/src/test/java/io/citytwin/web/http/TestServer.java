package io.citytwin.web.http;

import io.citytwin.geo.city.CityModel;
import io.citytwin.twin.vertx.CimVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The platform as the app wires it (CIM verticle, telemetry, incident and scenario services, then
 * the web server on a free port), for ITs. The services are {@link FakeTelemetry}, {@link
 * FakeIncidents} and {@link FakeScenarios}: the web-ui's test boundary is the event-bus contract.
 */
record TestServer(Vertx vertx, int port, FakeTelemetry telemetry, FakeIncidents incidents, FakeScenarios scenarios) {

  static TestServer start(Callable<CityModel> city) throws Exception {
    return start(city, new FakeTelemetry());
  }

  static TestServer start(Callable<CityModel> city, FakeTelemetry telemetry) throws Exception {
    return start(city, telemetry, new JsonObject());
  }

  /** @param webConfig config of the web verticle (its port is always a free one) */
  static TestServer start(Callable<CityModel> city, FakeTelemetry telemetry, JsonObject webConfig) throws Exception {
    return start(city, telemetry, new FakeIncidents(), webConfig);
  }

  /** @param webConfig config of the web verticle (its port is always a free one) */
  static TestServer start(Callable<CityModel> city, FakeTelemetry telemetry, FakeIncidents incidents,
      JsonObject webConfig) throws Exception {
    return start(city, telemetry, incidents, FakeScenarios.testville(), webConfig);
  }

  /** @param webConfig config of the web verticle (its port is always a free one) */
  static TestServer start(Callable<CityModel> city, FakeTelemetry telemetry, FakeIncidents incidents,
      FakeScenarios scenarios, JsonObject webConfig) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      await(vertx.deployVerticle(new CimVerticle(city)));
      await(telemetry.register(vertx));
      await(incidents.register(vertx));
      await(scenarios.register(vertx));
      WebServerVerticle web = new WebServerVerticle();
      await(vertx.deployVerticle(web,
          new DeploymentOptions().setConfig(webConfig.copy().put(WebServerVerticle.CONFIG_PORT, 0))));
      return new TestServer(vertx, web.actualPort(), telemetry, incidents, scenarios);
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
