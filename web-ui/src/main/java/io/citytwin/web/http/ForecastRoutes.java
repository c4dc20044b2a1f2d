package io.citytwin.web.http;

import io.citytwin.web.scenarios.ScenarioService;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The forecast routes under {@code /api}: thin adapters to the {@link ScenarioService} port.
 *
 * <ul>
 *   <li>{@code POST /api/forecasts}: JSON body {@code {scenario: id | {scenario document}}} or
 *       {@code {incident: id, template?: id}} (what-if from now) up to {@value
 *       DrillRoutes#MAX_BODY_BYTES} bytes; 201 with {@code Location: /api/forecasts/{id}}
 *   <li>{@code GET /api/forecasts}: {@code {forecasts: [...]}}, newest first; {@code GET
 *       /api/forecasts/{id}}: one, with its summary once finished
 * </ul>
 */
final class ForecastRoutes {
  private final ScenarioService scenarios;

  ForecastRoutes(ScenarioService scenarios) {
    this.scenarios = scenarios;
  }

  void mount(Router router) {
    SensorRoutes.readOnly(router, "/api/forecasts").handler(ctx -> scenarios.forecasts()
        .onSuccess(list -> Replies.sendJson(ctx, 200, new JsonObject().put("forecasts", list)))
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e)));
    router.route("/api/forecasts").method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(DrillRoutes.MAX_BODY_BYTES))
        .handler(SensorRoutes::requireJson)
        .handler(this::start)
        .failureHandler(DrillRoutes::tooLarge);
    SensorRoutes.readOnly(router, "/api/forecasts/:id").handler(ctx -> Replies.withParams(ctx,
        () -> scenarios.forecast(ForecastRequests.forecastId(ctx.pathParam("id"))), f -> Replies.sendJson(ctx, 200, f)));
  }

  private void start(RoutingContext ctx) {
    Replies.withParams(ctx, () -> scenarios.startForecast(ForecastRequests.start(ctx.body().buffer())), f -> {
      ctx.response().putHeader("Location", "/api/forecasts/" + Replies.segment(f.getString("id", "")));
      Replies.sendJson(ctx, 201, f);
    });
  }
}
