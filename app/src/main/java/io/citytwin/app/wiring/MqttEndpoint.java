package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.ingest.mqtt.EmbeddedBroker;
import io.citytwin.ingest.mqtt.FleetAccess;
import io.citytwin.ingest.mqtt.MqttAccess;
import io.citytwin.twin.sensor.Credentials;
import io.citytwin.twin.sensor.SensorRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The broker ingest talks to and the account it uses: the embedded broker (started here, with the
 * fleet's access policy when {@code mqtt.auth} is on) or the external one of {@code mqtt.url}.
 *
 * @param broker the embedded broker, or null for an external one
 */
record MqttEndpoint(String url, String username, String password, EmbeddedBroker broker,
    String gatewayUsername, String gatewayPassword) {
  static final String INGEST_USER = "citytwin-ingest";
  /** The simulated fleet publishes through this gateway account rather than 300 connections. */
  static final String SIMULATOR_USER = "citytwin-simulator";

  static Future<MqttEndpoint> start(Vertx vertx, CityTwinConfig config, AtomicReference<SensorRegistry> registry) {
    if (config.optional("mqtt.url").isPresent()) {
      String user = config.optional("mqtt.username").orElse(null);
      String password = config.optional("mqtt.password").orElse(null);
      return Future.succeededFuture(new MqttEndpoint(config.text("mqtt.url"), user, password, null, user, password));
    }
    String user = config.optional("mqtt.username").orElse(INGEST_USER);
    // Nobody outside this process needs the ingest secret of the embedded broker unless configured.
    String secret = config.optional("mqtt.password").orElseGet(Credentials::generateSecret);
    String gatewaySecret = Credentials.generateSecret();
    Map<String, FleetAccess.Service> services = new java.util.LinkedHashMap<>(agencyAccounts(config.text("alerts.agency-key")));
    services.put(user, new FleetAccess.Service(secret, List.of("citytwin/v1/alerts/#"),
        List.of("citytwin/v1/sensors/+/telemetry", "citytwin/v1/alerts/#", "citytwin/v1/drills/+/sensors/+/telemetry")));
    services.put(SIMULATOR_USER, new FleetAccess.Service(gatewaySecret,
        List.of("citytwin/v1/sensors/+/telemetry", "citytwin/v1/drills/#"), List.of()));
    MqttAccess access = config.flag("mqtt.auth") ? new FleetAccess(id -> registry.get().find(id), services) : MqttAccess.OPEN;
    EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBroker.Settings(config.text("mqtt.host"),
        config.integer("mqtt.port"), config.integer("ingest.max-payload-bytes") * 2 + 1024), access);
    return broker.start(vertx).map(b -> new MqttEndpoint(b.url(), user, secret, b, SIMULATOR_USER, gatewaySecret));
  }

  /**
   * One account per agency (and {@code operations}, the operations-centre commander): user name =
   * agency code, secret derived from {@code alerts.agency-key} ({@link #agencySecret}); it may
   * read its own alert topic and publish acknowledgements on {@code .../ack}.
   */
  static Map<String, FleetAccess.Service> agencyAccounts(String key) {
    Map<String, FleetAccess.Service> out = new java.util.LinkedHashMap<>();
    java.util.List<String> names = new java.util.ArrayList<>();
    for (io.citytwin.twin.agency.Agency a : io.citytwin.twin.agency.Agency.values()) {
      names.add(a.code());
    }
    names.add("operations");
    for (String name : names) {
      String topic = "citytwin/v1/alerts/" + name;
      out.put(name, new FleetAccess.Service(agencySecret(key, name), List.of(topic + "/ack"), List.of(topic)));
    }
    return out;
  }

  /** The MQTT secret of an agency's account: derived like the demo fleet's, from a shared key. */
  static String agencySecret(String key, String agency) {
    return io.citytwin.twin.sensor.demo.DemoFleet.secretFor(key, "agency:" + agency);
  }

  Future<Void> stop(Vertx vertx) {
    return broker == null ? Future.succeededFuture() : broker.stop(vertx);
  }
}
