package io.citytwin.web.http;

import io.citytwin.web.scenarios.ReportFormat;
import io.citytwin.web.scenarios.ScenarioService;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;

/**
 * The scenario and drill routes under {@code /api}: thin adapters from requests to the {@link
 * ScenarioService} port. Path and query parameters and the request body's envelope are checked
 * before the service is asked (400 naming the parameter or member); the service's refusals keep
 * their message and map to 400 (an invalid scenario, its field named), 404, 409 (another drill is
 * running; a report before the drill has finished) or 503 (with {@code Retry-After}).
 *
 * <ul>
 *   <li>{@code GET /api/scenarios}: {@code {scenarios: [{id, name, type, mode, duration, step, location}]}}
 *   <li>{@code POST /api/drills}: JSON body {@code {scenario: id | {scenario document}, speed?,
 *       scoreAfterSeconds?}} up
 *       to {@value #MAX_BODY_BYTES} bytes; 201 with {@code Location: /api/drills/{id}} and the
 *       drill; 413 too large; 415 not JSON
 *   <li>{@code GET /api/drills}: {@code {drills: [...]}}, newest first; {@code GET
 *       /api/drills/{id}}: the drill, with its score once finished
 *   <li>{@code GET /api/drills/{id}/report?format=json|html|markdown}: the after-action report;
 *       without {@code format}, the form the {@code Accept} header prefers (JSON when it has no
 *       preference); 406 when it accepts none
 * </ul>
 */
final class DrillRoutes {
  /** 256 KiB: room for a whole scenario document with its interventions. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final ScenarioService scenarios;

  DrillRoutes(ScenarioService scenarios) {
    this.scenarios = scenarios;
  }

  void mount(Router router) {
    SensorRoutes.readOnly(router, "/api/scenarios").handler(ctx -> scenarios.scenarios()
        .onSuccess(list -> Replies.sendJson(ctx, 200, new JsonObject().put("scenarios", list)))
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e)));
    SensorRoutes.readOnly(router, "/api/drills").handler(ctx -> scenarios.drills()
        .onSuccess(list -> Replies.sendJson(ctx, 200, new JsonObject().put("drills", list)))
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e)));
    router.route("/api/drills").method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(SensorRoutes::requireJson)
        .handler(this::start)
        .failureHandler(DrillRoutes::tooLarge);
    SensorRoutes.readOnly(router, "/api/drills/:id").handler(ctx -> Replies.withParams(ctx,
        () -> scenarios.drill(DrillRequests.drillId(ctx.pathParam("id"))), drill -> Replies.sendJson(ctx, 200, drill)));
    SensorRoutes.readOnly(router, "/api/drills/:id/report").handler(this::report);
  }

  private void start(RoutingContext ctx) {
    Replies.withParams(ctx, () -> scenarios.startDrill(DrillRequests.start(ctx.body().buffer())), drill -> {
      ctx.response().putHeader("Location", "/api/drills/" + Replies.segment(drill.getString("id", "")));
      Replies.sendJson(ctx, 201, drill);
    });
  }

  private void report(RoutingContext ctx) {
    String id;
    Optional<ReportFormat> format;
    try {
      id = DrillRequests.drillId(ctx.pathParam("id"));
      format = DrillRequests.reportFormat(ctx.queryParams(), ctx.request().getHeader("Accept"));
    } catch (BadParameterException e) {
      ApiErrors.badParameter(ctx, e);
      return;
    }
    if (format.isEmpty()) {
      ApiErrors.send(ctx, 406, "the report is served as application/json, text/html or text/markdown, and Accept: '"
          + ctx.request().getHeader("Accept") + "' admits none of them; or ask with ?format=json|html|markdown");
      return;
    }
    ReportFormat f = format.get();
    scenarios.report(id, f)
        .onSuccess(text -> ctx.response().putHeader("Content-Type", f.contentType()).putHeader("Vary", "Accept").end(text))
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e));
  }

  /** The failure handler of a route with a body limit: 413 with the limit, else the next handler. */
  static void tooLarge(RoutingContext ctx) {
    int status = ctx.failure() instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      ApiErrors.send(ctx, 413, "the request body exceeds " + MAX_BODY_BYTES + " bytes");
    } else {
      ctx.next();
    }
  }
}
