package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.ingest.telemetry.DecodeResult;
import io.citytwin.ingest.telemetry.Decoded;
import io.citytwin.ingest.telemetry.Rejection;
import io.citytwin.ingest.telemetry.TelemetryIntake;
import io.citytwin.ingest.telemetry.TelemetryTopic;
import io.citytwin.twin.telemetry.Reading;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry in over MQTT with the Vert.x (Netty) MQTT client, running on one event loop: the same
 * contract as {@link MqttTelemetrySubscriber} — persistent session, QoS 1 acknowledged (PUBACK)
 * only after the sink's future for the batch holding the message succeeded, in arrival order,
 * failed hand-offs retried with back-off — without Paho's per-byte packet decoding, for the
 * highest message rates. Batching adapts to load: one hand-off in flight; what arrives meanwhile
 * forms the next batch. Decoding is microseconds per message, so it runs on the event loop.
 */
public final class VertxMqttTelemetrySubscriber implements TelemetrySubscriber {
  private static final Logger LOG = LoggerFactory.getLogger(VertxMqttTelemetrySubscriber.class);
  private static final long RETRY_START_MS = 100;
  private static final long RETRY_MAX_MS = 5_000;

  private final Vertx vertx;
  private final MqttSettings settings;
  private final TelemetryIntake intake;
  private final ReadingSink sink;
  private final RejectionListener rejections;
  private final LongSupplier clock;
  private final Context context;
  private MqttClient client;
  private long generation;
  private long subscribedGeneration = -1;
  private List<Reading> readings = new ArrayList<>();
  private List<MqttPublishMessage> toAck = new ArrayList<>();
  private boolean flushing;
  private boolean stopped;
  private volatile long handedOff;
  private volatile long acked;
  private volatile long failures;

  public VertxMqttTelemetrySubscriber(Vertx vertx, MqttSettings settings, TelemetryIntake intake, ReadingSink sink,
      RejectionListener rejections, LongSupplier clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.intake = intake;
    this.sink = sink;
    this.rejections = rejections;
    this.clock = clock;
    this.context = vertx.getOrCreateContext();
  }

  @Override
  public Future<Void> start() {
    return Future.<Void>future(p -> context.runOnContext(v -> connectWithRetries(3).onComplete(p)));
  }

  /** A broker may drop a connection during the handshake (Moquette does under load); try again. */
  private Future<Void> connectWithRetries(int attempts) {
    return connect().recover(e -> {
      if (attempts <= 1 || stopped) {
        return Future.failedFuture(e);
      }
      LOG.warn("connecting to {} failed, retrying: {}", settings.brokerUrl(), e.getMessage());
      return Future.<Void>future(p -> vertx.setTimer(500, id -> connectWithRetries(attempts - 1).onComplete(p)));
    });
  }

  private Future<Void> connect() {
    MqttClientOptions o = new MqttClientOptions()
        .setClientId(settings.clientId())
        .setCleanSession(false)
        .setAutoKeepAlive(true)
        .setKeepAliveInterval(30)
        .setMaxMessageSize(-1)
        .setMaxInflightQueue(65_535);
    o.setAutoAck(false);
    if (settings.username() != null) {
      o.setUsername(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password());
    }
    URI uri = URI.create(settings.brokerUrl());
    if ("ssl".equals(uri.getScheme())) {
      o.setSsl(true);
    }
    client = MqttClient.create(vertx, o);
    long gen = ++generation;
    client.publishHandler(m -> onMessage(m, gen));
    io.vertx.core.Promise<Void> subscribed = io.vertx.core.Promise.promise();
    client.closeHandler(v -> {
      // Closed between CONNACK and SUBACK: give up on this connection now, not after the time-out.
      subscribed.tryFail("connection closed before the broker acknowledged the subscription");
      onClosed(gen);
    });
    // subscribe() completes when the packet is written; only the SUBACK says the broker has it
    client.subscribeCompletionHandler(ack -> {
      if (ack.grantedQoSLevels().stream().anyMatch(q -> q == 0x80)) {
        subscribed.tryFail("broker refused the subscription to " + settings.subscription());
      } else {
        subscribed.tryComplete();
      }
    });
    int port = uri.getPort() > 0 ? uri.getPort() : 1883;
    MqttClient connecting = client;
    return client.connect(port, uri.getHost())
        .compose(ack -> connecting.subscribe(settings.subscription(), MqttQoS.AT_LEAST_ONCE.value()))
        .compose(id -> subscribed.future().timeout(10, java.util.concurrent.TimeUnit.SECONDS))
        .onSuccess(v -> subscribedGeneration = gen)
        .<Void>mapEmpty()
        .recover(e -> Future.failedFuture(new IllegalStateException(
            "MQTT: cannot connect to " + settings.brokerUrl() + " and subscribe: " + e.getMessage(), e)));
  }

  private void onClosed(long gen) {
    if (stopped || gen != generation || gen != subscribedGeneration) {
      return; // a connection that never got its subscription is retried by whoever opened it
    }
    LOG.warn("connection to {} lost; reconnecting", settings.brokerUrl());
    reconnect(500);
  }

  private void reconnect(long delayMs) {
    vertx.setTimer(delayMs, id -> {
      if (!stopped) {
        connect().onFailure(e -> {
          LOG.warn("reconnect failed, retrying: {}", e.getMessage());
          reconnect(Math.min(delayMs * 2, RETRY_MAX_MS));
        });
      }
    });
  }

  private void onMessage(MqttPublishMessage m, long gen) {
    long now = clock.getAsLong();
    Buffer payload = m.payload();
    byte[] bytes = payload.getBytes();
    String topic = settings.topicMapper().apply(m.topicName());
    DecodeResult result = intake.process(topic, bytes, now);
    if (result instanceof Rejection r && TelemetryTopic.parse(topic) instanceof TelemetryTopic t) {
      rejections.rejected(t.sensorId(), r.reason(), now);
    }
    if (result instanceof Decoded d) {
      readings.addAll(d.readings());
    }
    if (m.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
      toAck.add(m);
    }
    if (!flushing) {
      flushing = true;
      context.runOnContext(v -> flush());
    }
  }

  private void flush() {
    if (readings.isEmpty() && toAck.isEmpty()) {
      flushing = false;
      return;
    }
    List<Reading> batch = readings;
    List<MqttPublishMessage> acks = toAck;
    readings = new ArrayList<>();
    toAck = new ArrayList<>();
    handOff(batch, acks, generation, RETRY_START_MS);
  }

  private void handOff(List<Reading> batch, List<MqttPublishMessage> acks, long gen, long retryMs) {
    Future<Void> delivered = batch.isEmpty() ? Future.succeededFuture() : sink.deliver(batch);
    delivered.onComplete(ar -> context.runOnContext(v -> {
      if (ar.succeeded()) {
        handedOff += batch.size();
        if (gen == generation) { // ids of a lost connection mean nothing on the new one
          for (MqttPublishMessage m : acks) {
            m.ack();
            acked++;
          }
        }
        flush();
      } else if (stopped) {
        LOG.warn("hand-off of {} readings failed while stopping; the broker keeps their messages", batch.size());
      } else {
        failures++;
        LOG.warn("hand-off of {} readings failed, retrying in {} ms: {}", batch.size(), retryMs, ar.cause().toString());
        vertx.setTimer(retryMs, id -> handOff(batch, acks, gen, Math.min(retryMs * 2, RETRY_MAX_MS)));
      }
    }));
  }

  @Override
  public Future<Void> stop() {
    return Future.<Void>future(p -> context.runOnContext(v -> {
      stopped = true;
      if (client == null || !client.isConnected()) {
        p.complete();
      } else {
        client.disconnect().recover(e -> Future.succeededFuture()).onComplete(p);
      }
    }));
  }

  @Override
  public long handedOffReadings() {
    return handedOff;
  }

  @Override
  public long acknowledgedMessages() {
    return acked;
  }

  @Override
  public long handOffFailures() {
    return failures;
  }

  @Override
  public boolean isConnected() {
    return client != null && client.isConnected();
  }
}
