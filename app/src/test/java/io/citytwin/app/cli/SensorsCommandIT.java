package io.citytwin.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.ingest.testing.TestSubscriber;
import io.citytwin.twin.sensor.demo.DemoFleet;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citytwin sensors} as a user runs it, against a real embedded broker (Moquette). */
class SensorsCommandIT {
  /** One broker without and one with authentication, shared by the tests (start-up is slow). */
  private static final Server OPEN = new Server();
  private static final Server AUTH = new Server();
  private static String openUri;
  private static String authUri;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private MqttClient subscriber;
  private final AtomicLong received = new AtomicLong();
  private final Set<String> topics = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void startBrokers() throws IOException {
    openUri = start(OPEN, null);
    authUri = start(AUTH, demoSecrets());
  }

  @AfterAll
  static void stopBrokers() {
    OPEN.stopServer();
    AUTH.stopServer();
  }

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() throws Exception {
    System.setOut(oldOut);
    System.setErr(oldErr);
    if (subscriber != null) {
      subscriber.disconnect();
      subscriber.close();
    }
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Moquette on a free port; with an authenticator anonymous access is off. */
  private static String start(Server broker, IAuthenticator auth) throws IOException {
    int port = freePort();
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(auth == null));
    broker.startServer(new MemoryConfig(p), List.of(), null, auth, new PermitAllAuthorizatorPolicy());
    return "tcp://127.0.0.1:" + port;
  }

  /** Counts telemetry arriving at the broker, logged in as a demo sensor where auth is on. */
  private void subscribe(String uri) throws Exception {
    subscriber = new MqttClient(uri, "cli-it-subscriber", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    if (uri.equals(authUri)) {
      o.setUserName("aq-001");
      o.setPassword(DemoFleet.secretFor(DemoFleet.DEFAULT_FLEET_KEY, "aq-001").toCharArray());
    }
    TestSubscriber.connectAndSubscribe(subscriber, o, "citytwin/v1/sensors/+/telemetry", 1, (topic, m) -> {
      topics.add(topic);
      received.incrementAndGet();
    });
  }

  private static IAuthenticator demoSecrets() {
    return (clientId, user, password) -> user != null && password != null
        && DemoFleet.credentialsFor(DemoFleet.DEFAULT_FLEET_KEY, user).matches(user, password);
  }

  /** The figure after {@code label} in the final progress line. */
  private long finalFigure(String label) {
    String text = stderr();
    String last = text.substring(text.lastIndexOf("sent "));
    Matcher m = Pattern.compile(label + " ([0-9,]+)").matcher(last);
    assertThat(m.find()).as(last).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  @Test
  void syntheticSensorsRunForTheirDurationAndEveryMessageArrives() throws Exception {
    String uri = openUri;
    subscribe(uri);
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", uri, "--count", "12",
        "--rate", "200", "--duration", "1", "--qos", "1", "--no-faults", "--format", "senml");
    assertThat(code).as(stderr()).isZero();
    long sent = finalFigure("sent");
    assertThat(sent).isBetween(100L, 230L);
    assertThat(finalFigure("delivered")).isEqualTo(sent);
    assertThat(finalFigure("errors")).isZero();
    org.awaitility.Awaitility.await().until(() -> received.get() >= sent);
    assertThat(received.get()).isEqualTo(sent);
    assertThat(topics).contains("citytwin/v1/sensors/sim-00001/telemetry", "citytwin/v1/sensors/sim-00012/telemetry");
    assertThat(stderr()).contains("publishing for 12 sensors to " + uri);
  }

  @Test
  void theDemoFleetLogsInAsEachSensorWithItsDerivedSecret() throws Exception {
    String uri = authUri;
    subscribe(uri);
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", uri, "--fleet", "demo",
        "--count", "40", "--rate", "100", "--duration", "1");
    assertThat(code).as(stderr()).isZero();
    assertThat(finalFigure("delivered")).isEqualTo(finalFigure("sent")).isPositive();
    assertThat(topics).contains("citytwin/v1/sensors/aq-001/telemetry");
  }

  @Test
  void anotherFleetKeyIsCaughtBeforeConnecting() throws Exception {
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", authUri, "--fleet", "demo",
        "--fleet-key", "wrong", "--duration", "1");
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("citytwin sensors: the fleet key does not derive the secret of sensor aq-001");
  }

  @Test
  void aBrokerThatRefusesAnonymousSensorsIsAClearFailure() throws Exception {
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", authUri, "--count", "3", "--duration", "1");
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("citytwin sensors: broker " + authUri + " refused pool connection");
  }

  @Test
  void anUnreachableBrokerIsAClearFailure() throws Exception {
    String uri = "tcp://127.0.0.1:" + freePort();
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", uri, "--count", "3", "--duration", "1");
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("citytwin sensors: broker " + uri + " unreachable");
  }

  @Test
  void aBrokenFleetFileNamesTheLine() throws Exception {
    Path csv = Files.writeString(dir.resolve("fleet.csv"), "id,kind,lat,lon\nwx-1,weather,north,7.42\n");
    int code = CityTwinCommand.commandLine().execute("sensors", "--broker", "tcp://127.0.0.1:1", "--fleet", csv.toString());
    assertThat(code).isEqualTo(1);
    assertThat(stderr()).contains("citytwin sensors: fleet.csv: line 2, field 'lat': 'north' is not a decimal number");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(CityTwinCommand.commandLine().execute("sensors", "--broker", "tcp://x:1", "--qos", "2")).isEqualTo(2);
    assertThat(stderr()).contains("--qos must be 0 or 1");
    assertThat(CityTwinCommand.commandLine().execute("sensors", "--broker", "tcp://x:1", "--format", "xml")).isEqualTo(2);
    assertThat(CityTwinCommand.commandLine().execute("sensors")).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--broker=URL'");
  }
}
