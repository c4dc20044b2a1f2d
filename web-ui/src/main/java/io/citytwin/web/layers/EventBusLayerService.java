package io.citytwin.web.layers;

import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.vertx.CimAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * {@link LayerService} over the event bus: a client of {@code io.citytwin.twin.vertx.CimVerticle}
 * (in this JVM or, clustered, on another node).
 */
public final class EventBusLayerService implements LayerService {
  private final Vertx vertx;
  private final DeliveryOptions options;

  /** @param timeoutMs how long to wait for the CIM verticle before failing a request */
  public EventBusLayerService(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public EventBusLayerService(Vertx vertx) {
    this(vertx, 30_000);
  }

  @Override
  public Future<JsonObject> summary() {
    return vertx.eventBus().<JsonObject>request(CimAddresses.SUMMARY, "", options).map(Message::body);
  }

  @Override
  public Future<JsonArray> layers() {
    return vertx.eventBus()
        .<JsonObject>request(CimAddresses.LAYERS, "", options)
        .map(m -> m.body().getJsonArray("layers"));
  }

  @Override
  public Future<Buffer> layer(String name, Optional<BoundingBox> bbox) {
    JsonObject request = new JsonObject().put("name", name);
    bbox.ifPresent(
        b -> request.put("bbox", new JsonArray().add(b.minLon()).add(b.minLat()).add(b.maxLon()).add(b.maxLat())));
    return vertx.eventBus()
        .<Buffer>request(CimAddresses.LAYER, request, options)
        .<Buffer>map(Message::body)
        .recover(
            e -> {
              if (e instanceof ReplyException r && r.failureCode() == 404) {
                return Future.failedFuture(new UnknownLayerException(r.getMessage()));
              }
              return Future.failedFuture(e);
            });
  }
}
