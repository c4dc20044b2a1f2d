package io.citytwin.ingest.mqtt;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.ingest.telemetry.DecodeResult;
import io.citytwin.ingest.telemetry.Decoded;
import io.citytwin.ingest.telemetry.Rejection;
import io.citytwin.ingest.telemetry.TelemetryIntake;
import io.citytwin.ingest.telemetry.TelemetryTopic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry in over MQTT (Eclipse Paho): subscribes to the sensor topics on a persistent session,
 * decodes every message through {@link TelemetryIntake} and hands the readings to a
 * {@link ReadingSink}.
 *
 * <p>Delivery: a QoS 1 message is acknowledged (PUBACK) only after the sink's future for the
 * batch holding it succeeded; rejected messages are acknowledged once dead-lettered. A failed
 * hand-off is retried with back-off (the sink tolerates duplicates); until the PUBACK the broker
 * keeps the message for this persistent session and redelivers it after a reconnect, so nothing
 * accepted is lost. Acknowledgements go out in arrival order.
 *
 * <p>Batching adapts to load: one hand-off is in flight at a time, and everything that arrives
 * meanwhile forms the next batch. Threads: Paho's callback thread decodes; hand-offs and acks run
 * on the Vert.x context captured at construction; nothing blocks an event loop (the callback
 * thread waits when {@link MqttSettings#maxPendingReadings} is reached).
 */
public final class MqttTelemetrySubscriber implements TelemetrySubscriber {
  private static final Logger LOG = LoggerFactory.getLogger(MqttTelemetrySubscriber.class);

  private static final long RETRY_START_MS = 100;
  private static final long RETRY_MAX_MS = 5_000;
  /** How long start() waits for the automatic reconnect when the first subscription is cut off. */
  private static final long FIRST_SUBSCRIPTION_MS = 15_000;

  private final MqttSettings settings;
  private final java.util.function.LongSupplier clock;
  private final TelemetryIntake intake;
  private final ReadingSink sink;
  private final RejectionListener rejections;
  private final Context context;
  private final MqttAsyncClient client;
  private final AtomicLong handedOff = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong handOffFailures = new AtomicLong();
  private final Object lock = new Object();
  private long generation;
  private AckBatch pending = new AckBatch(0);
  private boolean flushing;
  private volatile boolean stopped;
  /** Completed by the first subscription that succeeds, also one made by a reconnect. */
  private final Promise<Void> firstSubscription = Promise.promise();

  public MqttTelemetrySubscriber(
      Vertx vertx, MqttSettings settings, TelemetryIntake intake, ReadingSink sink,
      RejectionListener rejections) {
    this(vertx, settings, intake, sink, rejections, System::currentTimeMillis);
  }

  /** As above, with the clock that stamps receive times (epoch milliseconds). */
  public MqttTelemetrySubscriber(
      Vertx vertx, MqttSettings settings, TelemetryIntake intake, ReadingSink sink,
      RejectionListener rejections, java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.settings = settings;
    this.intake = intake;
    this.sink = sink;
    this.rejections = rejections;
    this.context = vertx.getOrCreateContext();
    try {
      this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create MQTT client for " + settings.brokerUrl() + ": " + e.getMessage(), e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback());
  }

  /** Connects and subscribes; fails with the broker's reason (e.g. bad credentials). */
  @Override
  public Future<Void> start() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setAutomaticReconnect(true);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(10);
    o.setMaxReconnectDelay(5_000);
    if (settings.username() != null) {
      o.setUserName(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password().toCharArray());
    }
    Promise<Void> connected = Promise.promise();
    try {
      client.connect(o, null, listener(connected, "connect to " + settings.brokerUrl()));
    } catch (MqttException e) {
      connected.fail(failure("connect to " + settings.brokerUrl(), e));
    }
    return connected.future().compose(v -> subscribe().recover(this::awaitResubscribe));
  }

  /**
   * A connection lost between CONNACK and SUBACK (Moquette 0.17 can drop a connection whose
   * SUBSCRIBE overtakes its own CONNACK bookkeeping) is not a reason to fail start-up: the client
   * reconnects by itself and {@link Callback#connectComplete} subscribes again. Anything else
   * (e.g. a refused subscription) fails as it is.
   */
  private Future<Void> awaitResubscribe(Throwable e) {
    if (!(e.getCause() instanceof MqttException m) || m.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST) {
      return Future.failedFuture(e);
    }
    LOG.warn("{}; waiting for the reconnect to subscribe", e.getMessage());
    long timer = context.owner().setTimer(FIRST_SUBSCRIPTION_MS, id -> firstSubscription.tryFail(
        new IllegalStateException("MQTT: no subscription to " + settings.subscription() + " within "
            + FIRST_SUBSCRIPTION_MS / 1000 + " s of a lost connection: " + e.getMessage(), e)));
    return firstSubscription.future().onComplete(ar -> context.owner().cancelTimer(timer));
  }

  private Future<Void> subscribe() {
    Promise<Void> subscribed = Promise.promise();
    try {
      client.subscribe(settings.subscription(), 1, null, listener(subscribed, "subscribe to " + settings.subscription()));
    } catch (MqttException e) {
      subscribed.fail(failure("subscribe to " + settings.subscription(), e));
    }
    return subscribed.future().onSuccess(v -> firstSubscription.tryComplete());
  }

  /** Hands off what is pending, then disconnects. */
  @Override
  public Future<Void> stop() {
    stopped = true;
    Promise<Void> done = Promise.promise();
    try {
      if (client.isConnected()) {
        client.disconnect(2_000, null, listener(done, "disconnect"));
      } else {
        done.complete();
      }
    } catch (MqttException e) {
      done.complete();
    }
    return done.future().eventually(() -> {
      try {
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("closing MQTT client: {}", e.toString());
      }
      return Future.succeededFuture();
    });
  }

  /** Readings handed off successfully since start. */
  @Override
  public long handedOffReadings() {
    return handedOff.get();
  }

  /** QoS 1 messages acknowledged to the broker since start. */
  @Override
  public long acknowledgedMessages() {
    return acked.get();
  }

  /** Hand-off attempts that failed (each was retried). */
  @Override
  public long handOffFailures() {
    return handOffFailures.get();
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  private void onMessage(String received, MqttMessage message) throws InterruptedException {
    String topic = settings.topicMapper().apply(received);
    long now = clock.getAsLong();
    byte[] payload = message.getPayload();
    DecodeResult result = intake.process(topic, payload, now);
    if (result instanceof Rejection r && TelemetryTopic.parse(topic) instanceof TelemetryTopic t) {
      rejections.rejected(t.sensorId(), r.reason(), now);
    }
    synchronized (lock) {
      while (pending.readings.size() >= settings.maxPendingReadings() && !stopped) {
        lock.wait(100);
      }
      if (pending.generation != generation) {
        pending = new AckBatch(generation);
      }
      pending.add(result instanceof Decoded d ? d.readings() : java.util.List.of(), message.getId(), message.getQos());
      if (!flushing) {
        flushing = true;
        context.runOnContext(v -> flush());
      }
    }
  }

  /** Runs on the context: hands the pending batch off, then acks it and takes the next one. */
  private void flush() {
    AckBatch batch;
    synchronized (lock) {
      batch = pending;
      if (batch.isEmpty()) {
        flushing = false;
        return;
      }
      pending = new AckBatch(generation);
      lock.notifyAll();
    }
    handOff(batch, RETRY_START_MS);
  }

  /**
   * Delivers one batch, retrying with back-off until the sink takes it: its messages stay
   * unacknowledged meanwhile, so the broker still holds them should this process die, and the
   * callback thread stops taking more once {@link MqttSettings#maxPendingReadings} is reached.
   */
  private void handOff(AckBatch batch, long retryMs) {
    Future<Void> delivered = batch.readings.isEmpty() ? Future.succeededFuture() : sink.deliver(batch.readings);
    delivered.onComplete(ar -> {
      if (ar.succeeded()) {
        handedOff.addAndGet(batch.readings.size());
        acknowledge(batch);
        flush();
      } else if (stopped) {
        LOG.warn("hand-off of {} readings failed while stopping; the broker keeps their messages: {}",
            batch.readings.size(), ar.cause().toString());
      } else {
        handOffFailures.incrementAndGet();
        LOG.warn("hand-off of {} readings failed, retrying in {} ms: {}",
            batch.readings.size(), retryMs, ar.cause().toString());
        context.owner().setTimer(retryMs, id -> handOff(batch, Math.min(retryMs * 2, RETRY_MAX_MS)));
      }
    });
  }

  private void acknowledge(AckBatch batch) {
    synchronized (lock) {
      if (batch.generation != generation) {
        return; // ids of a lost connection; the broker redelivers those messages
      }
    }
    for (int i = 0; i < batch.ackCount(); i++) {
      try {
        client.messageArrivedComplete(batch.id(i), batch.qos(i));
        acked.incrementAndGet();
      } catch (MqttException e) {
        LOG.debug("ack of message {} failed (connection lost; it will be redelivered): {}", batch.id(i), e.toString());
      }
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
      if (reconnect) {
        LOG.info("reconnected to {}", serverURI);
        subscribe().onFailure(e -> LOG.warn("re-subscribe failed: {}", e.toString()));
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      synchronized (lock) {
        generation++;
      }
      if (!stopped) {
        LOG.warn("connection to {} lost: {}", settings.brokerUrl(), String.valueOf(cause));
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
      try {
        onMessage(topic, message);
      } catch (RuntimeException e) {
        // Paho drops the connection if this throws; keep the stream going instead.
        LOG.error("telemetry message on {} could not be processed", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // ingest only subscribes
    }
  }

  private static IMqttActionListener listener(Promise<Void> promise, String what) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        promise.tryComplete();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        promise.tryFail(failure(what, e));
      }
    };
  }

  private static Exception failure(String what, Throwable e) {
    String reason = e instanceof MqttException m ? m.getMessage() + " (reason " + m.getReasonCode() + ")" : e.toString();
    return new IllegalStateException("MQTT: cannot " + what + ": " + reason, e);
  }
}
