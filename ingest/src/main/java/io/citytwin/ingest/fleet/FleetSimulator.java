package io.citytwin.ingest.fleet;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A simulated sensor fleet publishing telemetry over MQTT: realistic values ({@link SensorSignal})
 * in either payload form, at a global rate, for a duration or until stopped. Used as the embedded
 * demo fleet and as the load driver.
 *
 * <p><b>Threads.</b> Nothing here blocks the caller: connecting, publishing, draining and closing
 * run on the simulator's own threads (one control thread, the publisher threads, Paho's threads),
 * so {@link #start} and {@link #stop} may be called from an event loop. The returned futures
 * complete on those threads; compose on them, do not block on them from an event loop.
 *
 * <p><b>Delivery.</b> At QoS 1 a message counts as delivered when the broker acknowledged it; at
 * the end the simulator waits (up to 10 s) for every outstanding acknowledgement before it
 * disconnects, so after {@link #completion()} {@code sent == delivered + errors}.
 *
 * <p>One run per instance.
 */
public final class FleetSimulator {

    private static final long DRAIN_MILLIS = 10_000;
    private static final int PARALLEL_CONNECTS = 8;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private enum State { NEW, RUNNING, DONE }

    private final List<SimulatedSensor> sensors;
    private final String poolUsername;
    private final String poolSecret;
    private final FleetOptions options;
    private final MqttLink.Counters counters = new MqttLink.Counters();
    private final Promise<FleetStats> done = Promise.promise();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final ExecutorService control;
    private final List<MqttLink> links = new ArrayList<>();
    private volatile boolean stopRequested;
    private volatile long publishStartNanos;
    private volatile long publishEndNanos;

    /** @param sensors the fleet, at least one sensor, ids unique */
    public FleetSimulator(List<SimulatedSensor> sensors, FleetOptions options) {
        this(sensors, options, null, null);
    }

    /**
     * A fleet whose pooled connections ({@link FleetOptions#connections()} &gt; 0) log in as a
     * gateway account allowed to publish for every sensor, instead of anonymously.
     *
     * @param poolUsername gateway user name, or null for anonymous pool connections
     * @param poolSecret gateway secret, or null
     */
    public FleetSimulator(List<SimulatedSensor> sensors, FleetOptions options, String poolUsername, String poolSecret) {
        this.poolUsername = poolUsername;
        this.poolSecret = poolSecret;
        this.sensors = List.copyOf(sensors);
        this.options = Objects.requireNonNull(options, "options");
        if (this.sensors.isEmpty()) {
            throw new IllegalArgumentException("a fleet needs at least one sensor");
        }
        if (this.sensors.stream().map(SimulatedSensor::sensorId).distinct().count() != this.sensors.size()) {
            throw new IllegalArgumentException("sensor ids in a fleet must be unique");
        }
        int n = INSTANCES.incrementAndGet();
        this.control = Executors.newSingleThreadExecutor(r -> daemon(r, "fleet-" + n + "-control"));
    }

    /**
     * Connects every connection, then starts publishing. Fails with a {@link FleetStartException}
     * (everything connected so far is closed again) when the broker is unreachable or refuses a
     * login; {@link #completion()} then fails the same way.
     */
    public Future<Void> start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            return Future.failedFuture(new IllegalStateException("a fleet simulator runs once"));
        }
        Promise<Void> started = Promise.promise();
        control.execute(() -> {
            try {
                connectAll();
                List<Thread> publishers = launchPublishers();
                started.complete();
                control.execute(() -> finish(publishers));
            } catch (RuntimeException | Error e) {
                // Errors too (no native thread left for another client): the caller must hear of it.
                links.forEach(MqttLink::close);
                state.set(State.DONE);
                control.shutdown();
                // Completion first: whoever hears of the failed start finds the run over too.
                done.fail(e);
                started.fail(e);
            }
        });
        return started.future();
    }

    /**
     * Stops publishing, waits for outstanding acknowledgements, disconnects. The future is
     * {@link #completion()}.
     */
    public Future<FleetStats> stop() {
        stopRequested = true;
        if (state.compareAndSet(State.NEW, State.DONE)) {
            control.shutdown();
            done.tryComplete(stats());
        }
        return done.future();
    }

    /** Completes with the final figures when the duration has run out or after {@link #stop()}. */
    public Future<FleetStats> completion() {
        return done.future();
    }

    /** The figures so far; cheap, callable from any thread at any time. */
    public FleetStats stats() {
        long start = publishStartNanos;
        long end = publishEndNanos;
        long elapsed = start == 0 ? 0 : (end != 0 ? end : System.nanoTime()) - start;
        return new FleetStats(counters.sent.sum(), counters.delivered.sum(), counters.errors.sum(),
                counters.dropouts.sum(), counters.faulty.sum(), Duration.ofNanos(elapsed));
    }

    public FleetOptions options() {
        return options;
    }

    public int size() {
        return sensors.size();
    }

    private void connectAll() {
        if (options.connectionPerSensor()) {
            for (SimulatedSensor s : sensors) {
                links.add(link(s.sensorId(), s.username(), s.secret(), "sensor " + s.sensorId()));
            }
        } else {
            int pool = Math.max(options.connections(), options.publisherThreads());
            String base = "citytwin-sim-" + ProcessHandle.current().pid() + "-";
            for (int i = 0; i < pool; i++) {
                links.add(link(base + i, poolUsername, poolSecret, "pool connection " + i));
            }
        }
        ExecutorService connecting = Executors.newFixedThreadPool(Math.min(PARALLEL_CONNECTS, links.size()),
                r -> daemon(r, "fleet-connect"));
        try {
            long timeout = options.connectTimeout().toMillis() + 1_000;
            List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
            for (MqttLink link : links) {
                pending.add(connecting.submit(() -> link.connect(timeout)));
            }
            // Wait for every attempt, failed or not: closing a client whose connect is still under
            // way would leave that connection open behind our back.
            RuntimeException first = null;
            for (java.util.concurrent.Future<?> f : pending) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting", e);
        } finally {
            connecting.shutdownNow();
        }
    }

    private MqttLink link(String clientId, String username, String secret, String label) {
        try {
            return new MqttLink(options.brokerUri(), clientId, username, secret, options, counters, label);
        } catch (MqttException e) {
            throw new FleetStartException(FleetStartException.Reason.OTHER,
                    "cannot create an MQTT client for " + label + ": " + e.getMessage(), e);
        }
    }

    /** Splits sensors (and, in pool mode, connections) over the publisher threads and starts them. */
    private List<Thread> launchPublishers() {
        int threads = Math.min(options.publisherThreads(), sensors.size());
        List<List<Slot>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < sensors.size(); i++) {
            SimulatedSensor s = sensors.get(i);
            int t = i % threads;
            MqttLink link = options.connectionPerSensor() ? links.get(i) : poolLink(t, shares.get(t).size(), threads);
            shares.get(t).add(new Slot(s, new SensorSignal(s, options.seed(), options.zone(), options.faults()), link));
        }
        publishStartNanos = System.nanoTime();
        long limit = options.duration() == null ? 0 : options.duration().toNanos();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Slot> share = shares.get(t);
            RatePacer pacer = new RatePacer(options.ratePerSecond() / threads, publishStartNanos);
            Thread th = daemon(() -> publish(share, pacer, limit), "fleet-publisher-" + t);
            th.start();
            started.add(th);
        }
        return started;
    }

    /** The k-th sensor of thread t uses the thread's own pool connections in turn. */
    private MqttLink poolLink(int t, int k, int threads) {
        List<MqttLink> own = new ArrayList<>();
        for (int j = t; j < links.size(); j += threads) {
            own.add(links.get(j));
        }
        return own.get(k % own.size());
    }

    /** Publishes until stopped or, when {@code limitNanos > 0}, until that long after the start. */
    private void publish(List<Slot> slots, RatePacer pacer, long limitNanos) {
        int next = 0;
        try {
            while (!stopRequested && (limitNanos == 0 || System.nanoTime() - publishStartNanos < limitNanos)) {
                int due = pacer.awaitDue();
                for (int k = 0; k < due && !stopRequested; k++) {
                    slots.get(next).publishNext();
                    next = next + 1 == slots.size() ? 0 : next + 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(List<Thread> publishers) {
        try {
            for (Thread t : publishers) {
                t.join();
            }
            publishEndNanos = System.nanoTime();
            long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
            for (MqttLink link : links) {
                link.drain(Math.max(0, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            links.forEach(MqttLink::close);
            state.set(State.DONE);
            done.tryComplete(stats());
            control.shutdown();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One sensor on one publisher thread. */
    private final class Slot {
        private final SimulatedSensor sensor;
        private final SensorSignal signal;
        private final MqttLink link;
        private final String topic;
        private long sequence;

        Slot(SimulatedSensor sensor, SensorSignal signal, MqttLink link) {
            this.sensor = sensor;
            this.signal = signal;
            this.link = link;
            this.topic = sensor.topic();
        }

        void publishNext() throws InterruptedException {
            Sample sample = signal.next(options.clock().millis());
            if (sample == null) {
                counters.dropouts.increment();
                return;
            }
            if (sample.fault() != Sample.Fault.NONE) {
                counters.faulty.increment();
            }
            byte[] payload = Payloads.encode(options.format(), sensor.sensorId(), sample, sequence++);
            link.publish(topic, payload, options.qos());
        }
    }
}
