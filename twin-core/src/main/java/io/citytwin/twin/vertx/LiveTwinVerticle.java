package io.citytwin.twin.vertx;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.live.DistrictIndicator;
import io.citytwin.twin.live.LiveSettings;
import io.citytwin.twin.live.LiveTwin;
import io.citytwin.twin.live.SensorState;
import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorInputException;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.sensor.codec.SensorFiles;
import io.citytwin.twin.sensor.codec.SensorJson;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the live state of the sensor fleet ({@link LiveTwin}) and the sensor registry, and serves
 * them on the event bus ({@link TelemetryAddresses}). Everything runs on this verticle's event
 * loop; each batch costs microseconds per reading. The registry is shared with ingest and the
 * MQTT access policy through an {@link AtomicReference} that only this verticle replaces.
 *
 * <p>Changes are coalesced: at most every {@code publishEveryMs} one {@value
 * TelemetryAddresses#LIVE} message carries the sensors and districts that changed.
 */
public final class LiveTwinVerticle extends VerticleBase {
  private final AtomicReference<SensorRegistry> registry;
  private final LiveSettings settings;
  private final Path registryFile;
  private final String attribution;
  private final Clock clock;
  private final long publishEveryMs;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  private LiveTwin twin;

  /**
   * @param registry the fleet; replaced here when a sensor is registered
   * @param registryFile where registrations are persisted (the whole registry as GeoJSON), or null
   *     to keep them in memory only
   * @param attribution licence text written into the persisted registry
   */
  public LiveTwinVerticle(AtomicReference<SensorRegistry> registry, LiveSettings settings,
      Path registryFile, String attribution, Clock clock, long publishEveryMs) {
    this.registry = registry;
    this.settings = settings;
    this.registryFile = registryFile;
    this.attribution = attribution;
    this.clock = clock;
    this.publishEveryMs = publishEveryMs;
  }

  @Override
  public Future<?> start() {
    ReadingBatch.registerCodec(vertx);
    twin = new LiveTwin(registry.get().all(), settings);
    var bus = vertx.eventBus();
    consumers.add(bus.<ReadingBatch>localConsumer(TelemetryAddresses.READINGS, this::onReadings));
    consumers.add(bus.<JsonObject>consumer(TelemetryAddresses.REJECTIONS, this::onRejection));
    consumers.add(bus.<JsonObject>consumer(TelemetryAddresses.SENSORS, this::onList));
    consumers.add(bus.<String>consumer(TelemetryAddresses.SENSOR, this::onGet));
    consumers.add(bus.<Buffer>consumer(TelemetryAddresses.REGISTER, this::onRegister));
    consumers.add(bus.consumer(TelemetryAddresses.INDICATORS, this::onIndicators));
    timers.add(vertx.setPeriodic(1_000, id -> twin.tick(clock.millis())));
    timers.add(vertx.setPeriodic(publishEveryMs, id -> publishChanges()));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  @Override
  public Future<?> stop() {
    timers.forEach(vertx::cancelTimer);
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
  }

  private void onReadings(Message<ReadingBatch> m) {
    // Drill telemetry never touches the real live state: sensors' statuses and district indicators
    // stay what the real fleet says.
    if (!m.body().exercise()) {
      twin.record(m.body().readings(), m.body().receivedAtMillis());
    }
    m.reply(null);
  }

  private void onRejection(Message<JsonObject> m) {
    JsonObject b = m.body();
    twin.rejected(b.getString("sensorId"), b.getString("reason"), b.getLong("at", clock.millis()));
  }

  private void onList(Message<JsonObject> m) {
    JsonObject filter = m.body() == null ? new JsonObject() : m.body();
    String district = filter.getString("district");
    String kind = filter.getString("kind");
    String status = filter.getString("status");
    JsonArray out = new JsonArray();
    for (Sensor s : registry.get().all()) {
      SensorState state = twin.state(s.id()).orElseGet(() -> SensorState.unseen(s.id()));
      if (district != null && !s.placement().districtId().map(d -> matches(d, district)).orElse(false)
          || kind != null && !SensorKind.fromCode(kind).map(k -> k == s.kind()).orElse(false)
          || status != null && !state.status().code().equals(status)) {
        continue;
      }
      out.add(LiveJson.sensor(s, state));
    }
    m.reply(new JsonObject().put("sensors", out));
  }

  private static boolean matches(EntityId district, String filter) {
    return district.toString().equals(filter) || district.key().equals(filter);
  }

  private void onGet(Message<String> m) {
    String id = m.body();
    registry.get().find(id).ifPresentOrElse(
        s -> m.reply(LiveJson.sensor(s, twin.state(id).orElseGet(() -> SensorState.unseen(id)))),
        () -> m.fail(404, "no sensor '" + id + "' is registered"));
  }

  private void onRegister(Message<Buffer> m) {
    Sensor sensor;
    SensorRegistry next;
    try {
      sensor = SensorJson.parseRequest(m.body().getBytes());
      if (registry.get().contains(sensor.id())) {
        m.fail(409, "sensor '" + sensor.id() + "' is already registered");
        return;
      }
      next = registry.get().with(sensor);
    } catch (SensorInputException | IllegalArgumentException e) {
      m.fail(400, e.getMessage());
      return;
    }
    persist(next)
        .onSuccess(v -> {
          registry.set(next);
          twin.setSensors(next.all());
          vertx.eventBus().publish(TelemetryAddresses.SENSORS_CHANGED, null);
          Sensor placed = next.find(sensor.id()).orElseThrow();
          m.reply(LiveJson.sensor(placed, twin.state(placed.id()).orElseThrow()));
        })
        .onFailure(e -> m.fail(503, "registry could not be saved: " + e.getMessage()));
  }

  /** Writes the registry before it takes effect, so an acknowledged registration survives a restart. */
  private Future<Void> persist(SensorRegistry next) {
    if (registryFile == null) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      Path tmp = registryFile.resolveSibling("." + registryFile.getFileName()); // same format, hidden
      java.nio.file.Files.createDirectories(registryFile.toAbsolutePath().getParent());
      SensorFiles.write(tmp, next.all(), attribution);
      java.nio.file.Files.move(tmp, registryFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return null;
    });
  }

  private void onIndicators(Message<Object> m) {
    JsonArray districts = new JsonArray();
    twin.indicators().forEach((d, list) -> districts.add(LiveJson.district(d, list)));
    m.reply(new JsonObject().put("districts", districts));
  }

  private void publishChanges() {
    Set<String> changed = twin.drainChanged();
    if (changed.isEmpty()) {
      return;
    }
    JsonArray sensors = new JsonArray();
    for (String id : changed) {
      twin.state(id).ifPresent(s -> sensors.add(LiveJson.change(s)));
    }
    Set<EntityId> districtsOfChanged = new java.util.HashSet<>();
    for (String id : changed) {
      twin.sensor(id).flatMap(s -> s.placement().districtId()).ifPresent(districtsOfChanged::add);
    }
    JsonArray indicators = new JsonArray();
    Map<EntityId, List<DistrictIndicator>> all = twin.indicators();
    for (EntityId d : districtsOfChanged) {
      indicators.add(LiveJson.district(d, all.getOrDefault(d, List.of())));
    }
    vertx.eventBus().publish(TelemetryAddresses.LIVE, new JsonObject()
        .put("type", "telemetry")
        .put("time", clock.instant().toString())
        .put("sensors", sensors)
        .put("indicators", indicators));
  }

  /** For tests and stats: counts by status. */
  Map<SensorStatus, Long> statusCounts() {
    Map<SensorStatus, Long> counts = new java.util.EnumMap<>(SensorStatus.class);
    twin.states().forEach(s -> counts.merge(s.status(), 1L, Long::sum));
    return counts;
  }
}
