package io.citytwin.web.http;

import io.citytwin.twin.cap.CapParser;
import io.citytwin.web.incidents.IncidentService;
import io.citytwin.web.incidents.Remark;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * The incident routes under {@code /api}: thin adapters from requests to the {@link
 * IncidentService} port. Path and query parameters and JSON bodies are checked before the service
 * is asked (400 naming the parameter or member); service refusals keep their message and map to
 * 400, 404, 409 or 503 (with {@code Retry-After}).
 *
 * <ul>
 *   <li>{@code GET /api/incidents?status=&type=&active=&exercise=}: {@code {incidents: [...]}}
 *   <li>{@code GET /api/incidents/feed.atom}: Atom feed of the active incidents' CAP alerts
 *   <li>{@code GET /api/incidents/{id}}: the incident with its timeline; {@code GET
 *       /api/incidents/{id}/cap}: its CAP 1.2 alert
 *   <li>{@code POST /api/incidents/{id}/tasks/{taskId}/ack}, {@code POST /api/incidents/{id}/resolve},
 *       {@code POST /api/incidents/{id}/close}: optional JSON body up to {@value
 *       SensorRoutes#MAX_BODY_BYTES} bytes
 *   <li>{@code POST /api/cap}: import an external CAP alert, XML body up to {@value #MAX_CAP_BYTES}
 *       bytes
 * </ul>
 */
final class IncidentRoutes {
  /** 2 MiB: what the CAP parser reads at most. */
  static final int MAX_CAP_BYTES = CapParser.DEFAULT_MAX_BYTES;
  static final String CAP_XML = "application/cap+xml; charset=utf-8";
  static final String ATOM_XML = "application/atom+xml; charset=utf-8";

  private final IncidentService incidents;

  IncidentRoutes(IncidentService incidents) {
    this.incidents = incidents;
  }

  void mount(Router router) {
    SensorRoutes.readOnly(router, "/api/incidents").handler(this::list);
    // Before /api/incidents/:id, which would take "feed.atom" for an id.
    SensorRoutes.readOnly(router, "/api/incidents/feed.atom").handler(this::feed);
    SensorRoutes.readOnly(router, "/api/incidents/:id").handler(ctx ->
        Replies.withParams(ctx, () -> incidents.incident(incidentId(ctx)), json -> Replies.sendJson(ctx, 200, json)));
    SensorRoutes.readOnly(router, "/api/incidents/:id/cap").handler(ctx ->
        Replies.withParams(ctx, () -> incidents.cap(incidentId(ctx)), xml -> ctx.response().putHeader("Content-Type", CAP_XML).end(xml)));
    jsonPost(router, "/api/incidents/:id/tasks/:taskId/ack").handler(ctx -> Replies.withParams(ctx,
        () -> incidents.acknowledge(IncidentRequests.acknowledgement(
            incidentId(ctx), IncidentRequests.id("taskId", ctx.pathParam("taskId")), ctx.body().buffer())),
        task -> Replies.sendJson(ctx, 200, task)));
    jsonPost(router, "/api/incidents/:id/resolve").handler(ctx -> transition(ctx, incidents::resolve));
    jsonPost(router, "/api/incidents/:id/close").handler(ctx -> transition(ctx, incidents::close));
    router.route("/api/cap").method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_CAP_BYTES))
        .handler(IncidentRoutes::requireXml)
        .handler(this::importCap)
        .failureHandler(IncidentRoutes::capTooLarge);
  }

  private void list(RoutingContext ctx) {
    Replies.withParams(ctx, () -> incidents.incidents(IncidentRequests.filter(ctx.queryParams())),
        list -> Replies.sendJson(ctx, 200, new JsonObject().put("incidents", list)));
  }

  private void feed(RoutingContext ctx) {
    incidents.feed(baseUrl(ctx.request()))
        .onSuccess(xml -> ctx.response().putHeader("Content-Type", ATOM_XML).end(xml))
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e));
  }

  private void transition(RoutingContext ctx, BiFunction<String, Remark, Future<JsonObject>> call) {
    Replies.withParams(ctx, () -> call.apply(incidentId(ctx), IncidentRequests.remark(ctx.body().buffer())),
        incident -> Replies.sendJson(ctx, 200, incident));
  }

  private void importCap(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    incidents.importCap(body == null ? Buffer.buffer() : body)
        .onSuccess(reply -> {
          JsonArray ids = reply.getJsonArray("incidents", new JsonArray());
          // 200, not 201, when a valid alert opened or updated nothing (its problems say why).
          if (ids.size() == 1) {
            ctx.response().putHeader("Location", "/api/incidents/" + encode(ids.getString(0)));
          }
          Replies.sendJson(ctx, ids.isEmpty() ? 200 : 201, reply);
        })
        .onFailure(e -> ApiErrors.serviceFailure(ctx, e));
  }

  private static String incidentId(RoutingContext ctx) {
    return IncidentRequests.id("id", ctx.pathParam("id"));
  }

  /** A POST route whose body, if any, is bounded JSON (an empty body needs no Content-Type). */
  private static Route jsonPost(Router router, String path) {
    return router.route(path).method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(SensorRoutes.MAX_BODY_BYTES))
        .handler(ctx -> {
          Buffer body = ctx.body().buffer();
          String type = ctx.request().getHeader("Content-Type");
          if (body == null || body.length() == 0 || MediaTypes.isJson(MediaTypes.of(type))) {
            ctx.next();
          } else {
            ApiErrors.send(ctx, 415, "the body, when given, must be JSON (Content-Type: application/json), not "
                + MediaTypes.described(type));
          }
        });
  }

  private static void requireXml(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = MediaTypes.of(type);
    if (media.equals("application/cap+xml") || media.equals("application/xml")) {
      ctx.next();
    } else {
      ApiErrors.send(ctx, 415, "the body must be a CAP alert (Content-Type: application/cap+xml or application/xml), not "
          + MediaTypes.described(type));
    }
  }

  private static void capTooLarge(RoutingContext ctx) {
    int status = ctx.failure() instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
    if (status == 413) {
      ApiErrors.send(ctx, 413, "the CAP document exceeds " + MAX_CAP_BYTES + " bytes");
    } else {
      ctx.next();
    }
  }

  /** Where the client reached us, honouring a reverse proxy's X-Forwarded-* headers. */
  static String baseUrl(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    String host = authority == null ? null : hostPort(authority.host(), authority.port());
    SocketAddress local = request.localAddress();
    String localHostPort = local == null ? null : hostPort(local.hostAddress(), local.port());
    return BaseUrl.derive(request.scheme() == null ? "http" : request.scheme(), host,
        request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-Host"),
        request.getHeader("X-Forwarded-Port"), localHostPort);
  }

  private static String hostPort(String host, int port) {
    if (host == null) {
      return null;
    }
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return port > 0 ? h + ":" + port : h;
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
