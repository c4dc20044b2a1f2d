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
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
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
  /** How long start() waits for a reconnect when the first subscription is cut off. */
  private static final long FIRST_SUBSCRIPTION_MS = 30_000;

  private final MqttSettings settings;
  private final java.util.function.LongSupplier clock;
  private final TelemetryIntake intake;
  private final ReadingSink sink;
  private final RejectionListener rejections;
  private final Context context;
  private final MqttAsyncClient client;
  private final PahoConnection connection;
  private final AtomicLong handedOff = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong handOffFailures = new AtomicLong();
  private final Object lock = new Object();
  private long generation;
  private AckBatch pending = new AckBatch(0);
  private boolean flushing;
  private volatile boolean stopped;

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
    this.connection = new PahoConnection(vertx, client, connectOptions(settings), RETRY_MAX_MS, FIRST_SUBSCRIPTION_MS,
        reconnect -> subscribe());
  }

  private static MqttConnectOptions connectOptions(MqttSettings settings) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(10);
    if (settings.username() != null) {
      o.setUserName(settings.username());
    }
    if (settings.password() != null) {
      o.setPassword(settings.password().toCharArray());
    }
    return o;
  }

  /**
   * Connects and subscribes; fails with the broker's reason (e.g. bad credentials). A connection
   * lost between CONNACK and SUBACK does not fail it (Moquette 0.17 drops a connection whose
   * SUBSCRIBE overtakes its own CONNACK bookkeeping): the reconnect subscribes.
   */
  @Override
  public Future<Void> start() {
    return connection.start();
  }

  private Future<Void> subscribe() {
    return PahoConnection.call("subscribe to " + settings.subscription(),
        l -> client.subscribe(settings.subscription(), 1, null, l));
  }

  /** Hands off what is pending, then disconnects. */
  @Override
  public Future<Void> stop() {
    stopped = true;
    return connection.stop();
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
      // PahoConnection subscribes on every connection
    }

    @Override
    public void connectionLost(Throwable cause) {
      synchronized (lock) {
        generation++;
      }
      connection.lost(cause);
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
}
