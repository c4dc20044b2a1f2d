package io.citytwin.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.citytwin.ingest.telemetry.Decoded;
import io.citytwin.ingest.telemetry.DecoderLimits;
import io.citytwin.ingest.telemetry.SensorDirectory;
import io.citytwin.ingest.telemetry.TelemetryDecoder;
import io.citytwin.ingest.telemetry.TelemetryTopic;
import io.citytwin.ingest.testing.TestSubscriber;
import io.citytwin.twin.sensor.demo.DemoFleet;
import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.vertx.core.Future;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator against a real embedded broker (Moquette), counted by a real Paho subscriber. */
class FleetSimulatorIT {

    private static final String KEY = "it-fleet-key";

    /** One broker without and one with authentication, shared by the tests (start-up is slow). */
    private static Server openBroker;
    private static Server authBroker;
    private static String openUri;
    private static String authUri;

    private MqttClient subscriber;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong decodedOk = new AtomicLong();
    private final Map<String, AtomicLong> perSensor = new ConcurrentHashMap<>();

    @BeforeAll
    static void startBrokers() throws IOException {
        openBroker = new Server();
        openUri = start(openBroker, null);
        authBroker = new Server();
        authUri = start(authBroker, demoSecrets());
    }

    @AfterAll
    static void stopBrokers() {
        openBroker.stopServer();
        authBroker.stopServer();
    }

    @AfterEach
    void disconnectSubscriber() throws MqttException {
        if (subscriber != null && subscriber.isConnected()) {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts Moquette on a free port; with an authenticator, anonymous access is off. */
    private static String start(Server broker, IAuthenticator authenticator) throws IOException {
        int port = freePort();
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(authenticator == null));
        broker.startServer(new MemoryConfig(p), List.of(), null, authenticator, new PermitAllAuthorizatorPolicy());
        return "tcp://127.0.0.1:" + port;
    }

    /** Subscribes to every sensor's telemetry at QoS 1, decoding each message like ingest does. */
    private void subscribe(String uri, List<SimulatedSensor> fleet, String user, String secret) throws MqttException {
        TelemetryDecoder decoder = new TelemetryDecoder(SensorDirectory.of(fleet.stream()
                .collect(Collectors.toMap(SimulatedSensor::sensorId, SimulatedSensor::quantities))), DecoderLimits.DEFAULTS);
        subscriber = new MqttClient(uri, "it-subscriber", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(secret.toCharArray());
        }
        TestSubscriber.connectAndSubscribe(subscriber, o, "citytwin/v1/sensors/+/telemetry", 1, (topic, message) -> {
            String id = ((TelemetryTopic) TelemetryTopic.parse(topic)).sensorId();
            perSensor.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
            if (decoder.decode(id, message.getPayload(), System.currentTimeMillis()) instanceof Decoded) {
                decodedOk.incrementAndGet();
            }
            received.incrementAndGet();
        });
    }

    private static <T> T result(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static FleetOptions flawless(String uri) {
        return FleetOptions.defaults(uri).withFaults(FaultRates.NONE).withSeed(20261124);
    }

    @Test
    void atQos1EveryMessageSentArrivesOnceAndTheRateIsRoughlyHonoured() throws Exception {
        String uri = openUri;
        List<SimulatedSensor> fleet = SyntheticFleet.of(30);
        subscribe(uri, fleet, null, null);
        FleetSimulator sim = new FleetSimulator(fleet, flawless(uri).withRate(600).withDuration(Duration.ofMillis(1_500))
                .withConnections(2).withPublisherThreads(2).withQos(1).withFormat(PayloadFormat.MIXED));
        result(sim.start());
        FleetStats stats = result(sim.completion());

        assertThat(stats.errors()).isZero();
        assertThat(stats.dropouts()).isZero();
        assertThat(stats.delivered()).isEqualTo(stats.sent());
        // 600/s for 1.5 s is 900 messages; only a rough bound, this machine is shared.
        assertThat(stats.sent()).isBetween(450L, 1_050L);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() >= stats.sent());
        Thread.sleep(300);
        assertThat(received.get()).isEqualTo(stats.sent());
        assertThat(decodedOk.get()).isEqualTo(stats.sent());
        assertThat(perSensor.keySet()).containsExactlyInAnyOrderElementsOf(
                fleet.stream().map(SimulatedSensor::sensorId).toList());
    }

    @Test
    void eachSensorLogsInWithItsOwnSecretOnItsOwnConnection() throws Exception {
        String uri = authUri;
        List<SimulatedSensor> fleet = demoSensors(5);
        subscribe(uri, fleet, fleet.get(0).username(), fleet.get(0).secret());
        FleetSimulator sim = new FleetSimulator(fleet, flawless(uri).withRate(50).withDuration(Duration.ofSeconds(1)));
        result(sim.start());
        Set<String> clients = authBroker.listConnectedClients().stream().map(ClientDescriptor::getClientID)
                .collect(Collectors.toSet());
        assertThat(clients).containsAll(fleet.stream().map(SimulatedSensor::sensorId).toList());
        FleetStats stats = result(sim.completion());
        assertThat(stats.sent()).isPositive();
        assertThat(stats.delivered()).isEqualTo(stats.sent());
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() >= stats.sent());
        assertThat(received.get()).isEqualTo(stats.sent());
        assertThat(perSensor).hasSize(5);
    }

    @Test
    void aWrongSecretFailsTheStartNamingTheSensor() throws Exception {
        String uri = authUri;
        List<SimulatedSensor> fleet = new java.util.ArrayList<>(demoSensors(3));
        SimulatedSensor liar = fleet.get(1);
        fleet.set(1, new SimulatedSensor(liar.sensorId(), liar.quantities(), liar.username(), "not-the-secret-at-all"));
        FleetSimulator sim = new FleetSimulator(fleet, flawless(uri).withDuration(Duration.ofSeconds(1)));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> result(sim.start()));
        assertThat(e.getCause()).isInstanceOf(FleetStartException.class).hasMessageContaining("sensor sim-00002");
        assertThat(((FleetStartException) e.getCause()).reason()).isEqualTo(FleetStartException.Reason.AUTH_REFUSED);
        assertThat(sim.completion().failed()).isTrue();
        // Nothing the simulator opened is left connected.
        await().atMost(Duration.ofSeconds(5)).until(() -> authBroker.listConnectedClients().stream()
                .noneMatch(c -> c.getClientID().startsWith("sim-")));
    }

    @Test
    void anUnreachableBrokerFailsTheStart() throws Exception {
        String uri = "tcp://127.0.0.1:" + freePort();
        FleetSimulator sim = new FleetSimulator(SyntheticFleet.of(3),
                flawless(uri).withConnections(1).withConnectTimeout(Duration.ofSeconds(2)));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> result(sim.start()));
        assertThat(e.getCause()).isInstanceOf(FleetStartException.class).hasMessageContaining(uri);
        assertThat(((FleetStartException) e.getCause()).reason()).isEqualTo(FleetStartException.Reason.BROKER_UNREACHABLE);
    }

    @Test
    void stopEndsAnOpenEndedRunAfterEverythingSentIsDelivered() throws Exception {
        String uri = openUri;
        List<SimulatedSensor> fleet = SyntheticFleet.of(9);
        subscribe(uri, fleet, null, null);
        FleetSimulator sim = new FleetSimulator(fleet, flawless(uri).withRate(300).withConnections(1)
                .withFormat(PayloadFormat.SENML));
        result(sim.start());
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.stats().sent() >= 50);
        assertThat(sim.completion().isComplete()).isFalse();
        FleetStats stats = result(sim.stop());
        assertThat(stats.delivered()).isEqualTo(stats.sent());
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() >= stats.sent());
        assertThat(received.get()).isEqualTo(stats.sent());
        assertThat(decodedOk.get()).isEqualTo(stats.sent());
        assertThatThrownBy(() -> result(sim.start())).hasCauseInstanceOf(IllegalStateException.class);
    }

    /** Accepts exactly the demo-fleet secrets derived from {@link #KEY}. */
    private static IAuthenticator demoSecrets() {
        return (clientId, username, password) -> username != null && password != null
                && DemoFleet.credentialsFor(KEY, username).matches(username, password);
    }

    private static List<SimulatedSensor> demoSensors(int n) {
        return SyntheticFleet.of(n).stream()
                .map(s -> new SimulatedSensor(s.sensorId(), s.quantities(), s.sensorId(),
                        DemoFleet.secretFor(KEY, s.sensorId())))
                .toList();
    }

}
