package io.citytwin.sim.epidemic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citytwin.geo.layer.District;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioType;
import io.citytwin.sim.scenario.Site;
import io.citytwin.twin.cim.EntityId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Epidemic scenarios for tests, built the way a scenario reader would: a JSON document in the
 * common scenario shape turned into the {@link Scenario} record, the location resolved against
 * Monaco. Only what the tests need (district or lat/lon locations).
 */
final class Scenarios {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private Scenarios() {}

  /** A scenario of {@code days} daily steps at Monaco's Condamine with these parameters. */
  static Scenario epidemic(long seed, int days, String parametersJson, String... interventionsJson) {
    String doc = "{\"id\":\"test\",\"type\":\"epidemic\",\"mode\":\"forecast\","
        + "\"location\":{\"district\":\"MC-CO\"},\"start\":\"" + START + "\",\"duration\":\"P" + days
        + "D\",\"step\":\"P1D\",\"seed\":" + seed + ",\"parameters\":" + parametersJson
        + ",\"interventions\":[" + String.join(",", interventionsJson) + "]}";
    return read(doc, "test.json");
  }

  static Scenario read(String json, String source) {
    try {
      return read(JSON.readTree(json), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Scenario read(JsonNode n, String source) {
    List<Scenario.Intervention> interventions = new ArrayList<>();
    JsonNode list = n.path("interventions");
    for (int i = 0; i < list.size(); i++) {
      JsonNode x = list.get(i);
      Params p = x.has("parameters")
          ? new Params(source, "interventions[" + i + "].parameters", x.get("parameters")) : null;
      interventions.add(new Scenario.Intervention(x.path("action").asText(null),
          x.has("at") ? Duration.parse(x.get("at").asText()) : null,
          x.has("whenMetric") ? x.get("whenMetric").asText() : null,
          x.path("above").asDouble(Double.NaN), p));
    }
    return new Scenario(n.path("id").asText(), n.path("name").asText(""),
        ScenarioType.fromCode(n.path("type").asText()).orElseThrow(),
        Scenario.Mode.valueOf(n.path("mode").asText("forecast").toUpperCase()),
        site(n.path("location")), Instant.parse(n.path("start").asText()),
        Duration.parse(n.path("duration").asText()), Duration.parse(n.path("step").asText()),
        n.path("seed").asLong(), new Params(source, "parameters", n.path("parameters")), interventions,
        source);
  }

  private static Site site(JsonNode location) {
    if (location.has("district")) {
      String code = location.get("district").asText();
      District d = Monaco.city().source().districts().stream()
          .filter(x -> x.code().equals(code)).findFirst().orElseThrow();
      return new Site(d.geometry().getInteriorPoint(), d.geometry(), EntityId.parse(d.id()));
    }
    var gf = new org.locationtech.jts.geom.GeometryFactory();
    var p = gf.createPoint(new org.locationtech.jts.geom.Coordinate(
        location.path("lon").asDouble(), location.path("lat").asDouble()));
    return new Site(p, p, null);
  }
}
