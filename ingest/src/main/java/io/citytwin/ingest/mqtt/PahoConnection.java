package io.citytwin.ingest.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Paho client connected: reconnects with its own exponential back-off after a lost
 * connection and runs {@link OnConnected} (typically: subscribe) on every new connection.
 *
 * <p>Why not Paho's automatic reconnect: Paho 1.2.5 keeps its reconnect delay in a static field
 * shared by every client in the JVM, so one client failing to reach its broker (a simulated
 * sensor, an alert channel with the default 128 s ceiling) stretches every other client's next
 * attempt to the same delay. Here each connection has its own.
 *
 * <p>Threads: all state changes run on the Vert.x context captured at construction; the owner's
 * {@code MqttCallback.connectionLost} calls {@link #lost} from Paho's thread.
 */
public final class PahoConnection {
  private static final Logger LOG = LoggerFactory.getLogger(PahoConnection.class);
  static final long FIRST_DELAY_MS = 250;

  /** Work to do on each new connection, on the context; reconnect is false for the first one. */
  @FunctionalInterface
  public interface OnConnected {
    Future<Void> run(boolean reconnect);
  }

  private final Context context;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final OnConnected onConnected;
  private final long maxDelayMs;
  private final long firstSessionMs;
  /** Completed by the first connection whose {@link OnConnected} succeeded, also one made by a reconnect. */
  private final Promise<Void> firstSession = Promise.promise();
  private long delayMs = FIRST_DELAY_MS;
  private long timer = -1;
  private boolean connecting;
  private volatile boolean stopped;

  /**
   * @param options must not ask for Paho's automatic reconnect (this class reconnects instead)
   * @param maxDelayMs ceiling of the back-off between reconnect attempts
   * @param firstSessionMs how long {@link #start} waits for a reconnect when the first connection
   *     is lost before {@link OnConnected} finished
   */
  public PahoConnection(Vertx vertx, MqttAsyncClient client, MqttConnectOptions options, long maxDelayMs,
      long firstSessionMs, OnConnected onConnected) {
    if (options.isAutomaticReconnect()) {
      throw new IllegalArgumentException("PahoConnection reconnects by itself; switch Paho's automatic reconnect off");
    }
    this.context = vertx.getOrCreateContext();
    this.client = client;
    this.options = options;
    this.maxDelayMs = maxDelayMs;
    this.firstSessionMs = firstSessionMs;
    this.onConnected = onConnected;
  }

  /**
   * Connects and runs {@link OnConnected}. Fails with the broker's reason when the first connect
   * is refused or unreachable (bad credentials, wrong port) or {@link OnConnected} fails on a live
   * connection (e.g. a refused subscription); a connection lost in between is not a failure: the
   * reconnect finishes the job, within {@code firstSessionMs}.
   */
  public Future<Void> start() {
    return onContext(connect()).compose(v -> onContext(onConnected.run(false)).recover(this::afterLostSession))
        .onSuccess(v -> firstSession.tryComplete());
  }

  private Future<Void> afterLostSession(Throwable e) {
    if (client.isConnected()) {
      return Future.failedFuture(e);
    }
    LOG.warn("{}; waiting for the reconnect", e.getMessage());
    scheduleReconnect();
    long t = context.owner().setTimer(firstSessionMs, id -> firstSession.tryFail(new IllegalStateException(
        "MQTT: no session on " + client.getServerURI() + " within " + firstSessionMs / 1000
            + " s of a lost connection: " + e.getMessage(), e)));
    return firstSession.future().onComplete(ar -> context.owner().cancelTimer(t));
  }

  /** To be called from the owner's {@code connectionLost}: schedules a reconnect. */
  public void lost(Throwable cause) {
    if (stopped) {
      return;
    }
    LOG.warn("connection to {} lost: {}", client.getServerURI(), String.valueOf(cause));
    context.runOnContext(v -> scheduleReconnect());
  }

  private void scheduleReconnect() {
    if (stopped || connecting || timer != -1) {
      return;
    }
    timer = context.owner().setTimer(delayMs, id -> {
      timer = -1;
      attempt();
    });
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    connecting = true;
    Future<Void> connected = client.isConnected() ? Future.succeededFuture() : onContext(connect());
    connected.onComplete(ar -> {
      connecting = false;
      if (ar.failed()) {
        retryAfter("reconnect to " + client.getServerURI() + " failed", ar.cause());
        return;
      }
      onContext(onConnected.run(true)).onComplete(session -> {
        if (session.succeeded()) {
          delayMs = FIRST_DELAY_MS;
          LOG.info("connected again to {}", client.getServerURI());
          firstSession.tryComplete();
        } else {
          retryAfter("after connecting again to " + client.getServerURI(), session.cause());
        }
      });
    });
  }

  private void retryAfter(String what, Throwable e) {
    delayMs = Math.min(delayMs * 2, maxDelayMs);
    LOG.warn("{}: {}; next try in {} ms", what, e.getMessage(), delayMs);
    scheduleReconnect();
  }

  /** Stops reconnecting, disconnects (up to 2 s for the broker's answer) and frees the client. */
  public Future<Void> stop() {
    stopped = true;
    context.runOnContext(v -> {
      if (timer != -1) {
        context.owner().cancelTimer(timer);
      }
    });
    Future<Void> done = client.isConnected()
        ? call("disconnect", l -> client.disconnect(2_000, null, l))
        : Future.succeededFuture();
    return done.recover(e -> Future.succeededFuture()).eventually(() -> {
      try {
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("closing MQTT client: {}", e.toString());
      }
      return Future.succeededFuture();
    });
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  private Future<Void> connect() {
    return call("connect to " + client.getServerURI(), l -> client.connect(options, null, l));
  }

  /** The same outcome, delivered on the context (Paho completes its tokens on its own threads). */
  private <T> Future<T> onContext(Future<T> f) {
    Promise<T> p = Promise.promise();
    f.onComplete(ar -> context.runOnContext(v -> p.handle(ar)));
    return p.future();
  }

  /** One asynchronous Paho call, given the listener that reports its outcome. */
  @FunctionalInterface
  public interface Call {
    void run(IMqttActionListener listener) throws MqttException;
  }

  /** Runs a Paho call; the future fails with "MQTT: cannot WHAT: reason" (see {@link #failure}). */
  public static Future<Void> call(String what, Call call) {
    Promise<Void> p = Promise.promise();
    try {
      call.run(listener(p, what));
    } catch (MqttException | RuntimeException e) {
      p.tryFail(failure(what, e));
    }
    return p.future();
  }

  /** A Paho action listener completing a promise; a failure is described by {@link #failure}. */
  public static IMqttActionListener listener(Promise<Void> promise, String what) {
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

  /** "MQTT: cannot WHAT: Paho's message (reason N)". */
  public static Exception failure(String what, Throwable e) {
    String reason = e instanceof MqttException m ? m.getMessage() + " (reason " + m.getReasonCode() + ")" : e.toString();
    return new IllegalStateException("MQTT: cannot " + what + ": " + reason, e);
  }
}
