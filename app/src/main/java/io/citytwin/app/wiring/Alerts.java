package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.app.config.ConfigException;
import io.citytwin.ingest.alert.KafkaAlertChannel;
import io.citytwin.ingest.alert.MqttAlertChannel;
import io.citytwin.ingest.alert.WebhookNotifier;
import io.citytwin.ingest.vertx.AlertVerticle;
import io.citytwin.twin.agency.Agency;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The alert channels from configuration: MQTT always, Kafka in scaled mode, webhooks when set. */
final class Alerts {
  private Alerts() {}

  static AlertVerticle verticle(Vertx vertx, CityTwinConfig config, MqttEndpoint mqtt) {
    KafkaAlertChannel kafka = config.optional("kafka.bootstrap")
        .map(b -> new KafkaAlertChannel(b, KafkaAlertChannel.TOPIC)).orElse(null);
    Map<String, List<URI>> hooks = webhooks(config);
    WebhookNotifier notifier = hooks.isEmpty() ? null : new WebhookNotifier(vertx, hooks, WebhookNotifier.Settings.DEFAULTS);
    return new AlertVerticle((v, onAck) -> new MqttAlertChannel(v, mqtt.url(), config.text("mqtt.client-id") + "-alerts",
        mqtt.username(), mqtt.password(), onAck), kafka, notifier);
  }

  /** Parses {@code alerts.webhooks}: agency code → URL or list of URLs. */
  static Map<String, List<URI>> webhooks(CityTwinConfig config) {
    Map<String, List<URI>> out = new LinkedHashMap<>();
    if (config.optional("alerts.webhooks").isEmpty()) {
      return out;
    }
    List<String> problems = new ArrayList<>();
    JsonObject json;
    try {
      json = new JsonObject(config.text("alerts.webhooks"));
    } catch (DecodeException e) {
      throw new ConfigException(List.of("alerts.webhooks: not a JSON object: " + e.getMessage()));
    }
    for (String agency : json.fieldNames()) {
      if (Agency.fromCode(agency).isEmpty() && !AlertVerticle.OPERATIONS.equals(agency)) {
        problems.add("alerts.webhooks: unknown agency '" + agency + "'");
        continue;
      }
      Object v = json.getValue(agency);
      List<Object> urls = v instanceof JsonArray a ? a.getList() : List.of(v);
      List<URI> list = new ArrayList<>();
      for (Object u : urls) {
        try {
          URI uri = URI.create(String.valueOf(u));
          if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL");
          }
          list.add(uri);
        } catch (IllegalArgumentException e) {
          problems.add("alerts.webhooks." + agency + ": '" + u + "' " + e.getMessage());
        }
      }
      out.put(agency.toLowerCase(java.util.Locale.ROOT), list);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return out;
  }
}
