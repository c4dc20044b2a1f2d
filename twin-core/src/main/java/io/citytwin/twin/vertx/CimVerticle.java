package io.citytwin.twin.vertx;

import io.citytwin.geo.city.CityModel;
import io.citytwin.twin.cim.BoundingBox;
import io.citytwin.twin.cim.CityEntity;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.layer.Layer;
import io.citytwin.twin.layer.LayerCatalog;
import io.citytwin.twin.state.TwinCommand;
import io.citytwin.twin.state.TwinCommands;
import io.citytwin.twin.state.TwinState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Holds the city information model and the twin's live state and serves them on the event bus
 * (addresses and message shapes: {@link CimAddresses}). Building the CIM and rendering GeoJSON run
 * on worker threads; the event loop only routes messages and applies small state events. Full
 * (unfiltered) layers are rendered once and then served from memory.
 */
public final class CimVerticle extends VerticleBase {
  private final Callable<CitySnapshot> loader;
  private final Clock clock;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final Map<Layer, Future<Buffer>> fullLayers = new EnumMap<>(Layer.class);
  private LayerCatalog catalog;
  private TwinState state = TwinState.initial();

  /**
   * @param loader produces the city model; called once on a worker thread during start-up, and a
   *     failure fails the deployment
   */
  public CimVerticle(Callable<CityModel> loader) {
    this(loader, Clock.systemUTC());
  }

  /** As {@link #CimVerticle(Callable)} with the clock that stamps twin events. */
  public CimVerticle(Callable<CityModel> loader, Clock clock) {
    this.loader = () -> CitySnapshot.of(loader.call());
    this.clock = clock;
  }

  private CimVerticle(CitySnapshot snapshot) {
    this.loader = () -> snapshot;
    this.clock = Clock.systemUTC();
  }

  /** A verticle over an already built snapshot (shared with the rest of the platform). */
  public static CimVerticle of(CitySnapshot snapshot) {
    return new CimVerticle(snapshot);
  }

  /** A verticle over an already imported model. */
  public static CimVerticle of(CityModel model) {
    return new CimVerticle(() -> model);
  }

  @Override
  public Future<?> start() {
    return vertx
        .executeBlocking(() -> new LayerCatalog(loader.call()))
        .map(
            built -> {
              catalog = built;
              var bus = vertx.eventBus();
              consumers.add(bus.consumer(CimAddresses.SUMMARY, this::onSummary));
              consumers.add(bus.<String>consumer(CimAddresses.ENTITY, this::onEntity));
              consumers.add(bus.consumer(CimAddresses.LAYERS, this::onLayers));
              consumers.add(bus.<JsonObject>consumer(CimAddresses.LAYER, this::onLayer));
              consumers.add(bus.<JsonObject>consumer(CimAddresses.COMMAND, this::onCommand));
              return built;
            })
        .compose(built -> Future.all(consumers.stream().map(c -> c.completion()).toList()))
        .onSuccess(done -> vertx.eventBus().publish(CimAddresses.LOADED, summary()));
  }

  @Override
  public Future<?> stop() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  /** The loaded CIM; null before start-up completed. For in-process adapters and tests. */
  public CitySnapshot snapshot() {
    return catalog == null ? null : catalog.snapshot();
  }

  private JsonObject summary() {
    return CimJson.summary(catalog.snapshot(), state.revision());
  }

  private void onSummary(Message<Object> msg) {
    msg.reply(summary());
  }

  private void onLayers(Message<Object> msg) {
    JsonArray layers = new JsonArray();
    catalog.infos().forEach(i -> layers.add(CimJson.layerInfo(i)));
    msg.reply(new JsonObject().put("layers", layers));
  }

  private void onEntity(Message<String> msg) {
    EntityId id;
    try {
      id = EntityId.parse(String.valueOf(msg.body()));
    } catch (IllegalArgumentException e) {
      msg.fail(400, e.getMessage());
      return;
    }
    Optional<CityEntity> entity = catalog.snapshot().entity(id);
    if (entity.isEmpty()) {
      msg.fail(404, "unknown entity " + id);
      return;
    }
    msg.reply(CimJson.entity(entity.get(), state.entity(id)));
  }

  private void onLayer(Message<JsonObject> msg) {
    JsonObject body = msg.body() == null ? new JsonObject() : msg.body();
    String name = body.getString("name", "");
    Optional<Layer> layer = Layer.byName(name);
    if (layer.isEmpty()) {
      msg.fail(404, "unknown layer '" + name + "'");
      return;
    }
    Optional<BoundingBox> bbox;
    try {
      bbox = bbox(body.getValue("bbox"));
    } catch (IllegalArgumentException | ClassCastException e) {
      msg.fail(400, "bbox " + e.getMessage());
      return;
    }
    Future<Buffer> geoJson = bbox.isPresent() ? render(layer.get(), bbox) : fullLayer(layer.get());
    geoJson.onSuccess(msg::reply).onFailure(e -> msg.fail(500, "rendering " + name + ": " + e));
  }

  private Future<Buffer> fullLayer(Layer layer) {
    // Callers arriving while the first rendering runs share its future; a failure is not kept.
    Future<Buffer> cached = fullLayers.get(layer);
    if (cached == null) {
      Future<Buffer> rendering = render(layer, Optional.empty());
      fullLayers.put(layer, rendering);
      rendering.onFailure(e -> fullLayers.remove(layer, rendering));
      cached = rendering;
    }
    return cached;
  }

  private Future<Buffer> render(Layer layer, Optional<BoundingBox> bbox) {
    LayerCatalog current = catalog;
    return vertx.executeBlocking(() -> Buffer.buffer(current.geoJson(layer, bbox)), false);
  }

  private static Optional<BoundingBox> bbox(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof JsonArray a && a.size() == 4) {
      return Optional.of(
          new BoundingBox(
              a.getNumber(0).doubleValue(),
              a.getNumber(1).doubleValue(),
              a.getNumber(2).doubleValue(),
              a.getNumber(3).doubleValue()));
    }
    throw new IllegalArgumentException("must be an array [minLon, minLat, maxLon, maxLat]");
  }

  private void onCommand(Message<JsonObject> msg) {
    TwinCommand command;
    try {
      command = command(msg.body());
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      msg.fail(400, "bad command: " + e.getMessage());
      return;
    }
    var decision = TwinCommands.decide(catalog.snapshot(), state, command, clock.instant());
    if (decision instanceof TwinCommands.Decision.Rejected r) {
      msg.fail(400, r.reason());
      return;
    }
    var event = ((TwinCommands.Decision.Accepted) decision).event();
    state = TwinState.apply(state, event);
    JsonObject json = CimJson.event(event);
    vertx.eventBus().publish(CimAddresses.EVENTS, json);
    msg.reply(json);
  }

  private static TwinCommand command(JsonObject body) {
    String kind = body.getString("command");
    EntityId id = EntityId.parse(body.getString("entityId"));
    String key = body.getString("key");
    if ("modify-property".equals(kind)) {
      return new TwinCommand.ModifyProperty(id, key, body.getValue("value"));
    }
    if ("delete-property".equals(kind)) {
      return new TwinCommand.DeleteProperty(id, key);
    }
    throw new IllegalArgumentException(
        "command must be modify-property or delete-property, not '" + kind + "'");
  }
}
