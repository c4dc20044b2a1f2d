package io.citytwin.ingest.fleet;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT connection of the fleet (Eclipse Paho, MQTT 3.1.1). Publishing is asynchronous; a
 * window of {@code maxInflight} permits bounds the messages the client holds, QoS 0 included
 * (Paho queues QoS 0 without limit), so a slow broker slows the publisher instead of filling the
 * heap. Every call that can block is made from the simulator's own threads, never an event loop.
 */
final class MqttLink {

    /** Counters shared by every link of a fleet. */
    static final class Counters {
        final LongAdder sent = new LongAdder();
        final LongAdder delivered = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder dropouts = new LongAdder();
        final LongAdder faulty = new LongAdder();
    }

    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private boolean reconnecting;
    private long backoffMillis = FIRST_BACKOFF_MS;
    private long nextReconnectNanos;
    private final Semaphore window;
    private final int maxInflight;
    private final Counters counters;
    private final String label;
    private final IMqttActionListener onDelivery = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            counters.delivered.increment();
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            counters.errors.increment();
            window.release();
        }
    };

    /**
     * @param label names the connection in messages: the sensor id, or {@code pool connection 3}
     */
    MqttLink(String brokerUri, String clientId, String username, String secret, FleetOptions o, Counters counters,
            String label) throws MqttException {
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        this.options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(o.maxInflight());
        options.setConnectionTimeout((int) Math.max(1, o.connectTimeout().toSeconds()));
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
        }
        if (secret != null) {
            options.setPassword(secret.toCharArray());
        }
        this.maxInflight = o.maxInflight();
        this.window = new Semaphore(maxInflight);
        this.counters = counters;
        this.label = label;
    }

    /** Connects, blocking up to the connect timeout. */
    void connect(long timeoutMillis) {
        try {
            client.connect(options).waitForCompletion(timeoutMillis);
        } catch (MqttException e) {
            throw startFailure(e);
        }
    }

    /**
     * Publishes, waiting for a free slot in the window first. A failure to hand the message over
     * (e.g. while disconnected) counts as an error, not as sent, and starts a reconnect when one
     * is due.
     */
    void publish(String topic, byte[] payload, int qos) throws InterruptedException {
        window.acquire();
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        try {
            client.publish(topic, m, null, onDelivery);
            counters.sent.increment();
        } catch (MqttException e) {
            counters.errors.increment();
            window.release();
            reconnectIfDue();
        }
    }

    /**
     * Paho's automatic reconnect is not used: Paho 1.2.5 keeps its back-off in a static field, so a
     * fleet that lost its broker would stretch the reconnect delay of every other client in the
     * platform's JVM (ingest's subscription among them) to minutes. Each link backs off on its own.
     */
    private synchronized void reconnectIfDue() {
        long now = System.nanoTime();
        if (reconnecting || client.isConnected() || now < nextReconnectNanos) {
            return;
        }
        reconnecting = true;
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    reconnected(true);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    reconnected(false);
                }
            });
        } catch (MqttException e) {
            reconnected(false);
        }
    }

    private synchronized void reconnected(boolean ok) {
        reconnecting = false;
        backoffMillis = ok ? FIRST_BACKOFF_MS : Math.min(backoffMillis * 2, MAX_BACKOFF_MS);
        nextReconnectNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
    }

    /** Waits until every message handed over is delivered or failed; false on timeout. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        if (window.tryAcquire(maxInflight, timeoutMillis, TimeUnit.MILLISECONDS)) {
            window.release(maxInflight);
            return true;
        }
        return false;
    }

    /** Disconnects and frees the client; never throws. */
    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // Closing anyway: the broker drops the session when the socket goes.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // Nothing left to release.
        }
    }

    private FleetStartException startFailure(MqttException e) {
        String broker = client.getServerURI();
        switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
            case MqttException.REASON_CODE_NOT_AUTHORIZED:
                return new FleetStartException(FleetStartException.Reason.AUTH_REFUSED,
                        "broker " + broker + " refused " + label + ": " + e.getMessage()
                                + " (check user name and secret)", e);
            case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                return new FleetStartException(FleetStartException.Reason.AUTH_REFUSED,
                        "broker " + broker + " refused client id of " + label + ": " + e.getMessage(), e);
            case MqttException.REASON_CODE_SERVER_CONNECT_ERROR:
            case MqttException.REASON_CODE_CLIENT_TIMEOUT:
            case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
                return new FleetStartException(FleetStartException.Reason.BROKER_UNREACHABLE,
                        "broker " + broker + " unreachable for " + label + ": " + e.getMessage()
                                + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""), e);
            default:
                return new FleetStartException(FleetStartException.Reason.OTHER,
                        "cannot connect " + label + " to " + broker + ": " + e.getMessage(), e);
        }
    }
}
