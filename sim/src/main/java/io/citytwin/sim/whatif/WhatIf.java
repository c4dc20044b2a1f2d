package io.citytwin.sim.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioFiles;
import io.citytwin.sim.scenario.ScenarioInputException;
import io.citytwin.twin.cim.CitySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a forecast scenario document that starts now: a template scenario (the city's example of
 * the hazard, or the user's own) moved to the present moment and, with {@link #fromIncident}, to
 * the incident's place; for a flood, the present sea level and rainfall replace the template's.
 * Everything the forecast took from the live state is listed in {@link Forecast#basis()} and in
 * the document's {@code description}, so the run can be reproduced from the document alone.
 *
 * <p>Flood inputs: the sea starts at the highest fresh {@code water_level} reading (m above mean
 * sea level, as the port gauges report) and follows the template's rise from there, i.e. {@code
 * level(t) = now + (template(t) - template(0))}; rain is a persistence nowcast, the strongest fresh
 * {@code rainfall} reading held for {@link #RAIN_PERSISTENCE} over a cell centred on the raining
 * gauges (weighted by intensity), then stopping over ten minutes. With no fresh reading the
 * template's value stands and the basis says so. Pure; templates are not modified.
 */
public final class WhatIf {
  /** How long a measured rainfall intensity is assumed to last. */
  public static final Duration RAIN_PERSISTENCE = Duration.ofHours(1);
  private static final Duration RAIN_TAPER = Duration.ofMinutes(10);
  private static final String SOURCE = "what-if";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SCENARIO_TYPES = Map.of(
      "fire", "building_fire",
      "flood", "flood",
      "gas_leak", "chemical_release",
      "chemical_release", "chemical_release",
      "traffic_accident", "traffic_incident");
  /** Parameters that pin a template to its own place; without them the model uses the scenario location. */
  private static final Map<String, List<String>> PLACE_PARAMETERS = Map.of(
      "building_fire", List.of("ignition"),
      "chemical_release", List.of("source"),
      "traffic_incident", List.of("closures", "pairs"));

  private WhatIf() {}

  /** A scenario document and what it took from the live state, in words. */
  public record Forecast(ObjectNode document, List<String> basis) {
    public Forecast {
      basis = List.copyOf(basis);
    }

    /**
     * The document validated as any scenario file ({@code source} names it in errors).
     *
     * @throws ScenarioInputException naming the field
     */
    public Scenario scenario(String source, CitySnapshot city) {
      try {
        return ScenarioFiles.read(new ByteArrayInputStream(JSON.writeValueAsBytes(document)), source,
            document.path("id").asText("whatif"), city);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The scenario type a forecast of an incident of {@code incidentType} runs, if there is one. */
  public static Optional<String> scenarioTypeFor(String incidentType) {
    return Optional.ofNullable(SCENARIO_TYPES.get(incidentType));
  }

  /**
   * The scenario type that forecasts {@code incident}.
   *
   * @throws ScenarioInputException (field {@code incident}) when there is none
   */
  public static String scenarioType(LiveIncident incident) {
    return scenarioTypeFor(incident.type()).orElseThrow(() -> new ScenarioInputException(SOURCE, "incident",
        "incident " + incident.id() + " is a " + incident.type() + "; forecasts exist for "
            + String.join(", ", SCENARIO_TYPES.keySet().stream().sorted().toList())));
  }

  /**
   * The incident's hazard from now on: the template moved to now and to the incident (its building
   * for a fire, its centroid otherwise), with the template's own place parameters dropped.
   *
   * @throws ScenarioInputException (field {@code incident} or {@code template}) when the incident
   *     type has no forecast or the template is of another type
   */
  public static Forecast fromIncident(LiveIncident incident, LiveState live, JsonNode template) {
    String type = scenarioType(incident);
    String templateType = template.path("type").asText();
    if (!type.equals(templateType)) {
      throw new ScenarioInputException(SOURCE, "template", "the template is a '" + templateType
          + "' scenario; a " + incident.type() + " incident needs a " + type + " scenario");
    }
    List<String> basis = new ArrayList<>();
    ObjectNode doc = rebase(template, live, "whatif-" + incident.id(), basis);
    ObjectNode location = doc.putObject("location");
    if (type.equals("building_fire")) {
      if (!incident.placeKey().startsWith("building/")) {
        throw new ScenarioInputException(SOURCE, "incident", "fire incident " + incident.id() + " is about "
            + incident.placeKey() + ", not a building; a building fire forecast needs the building");
      }
      location.put("building", incident.placeKey().substring("building/".length()));
    } else {
      location.put("lat", incident.lat()).put("lon", incident.lon());
    }
    ObjectNode parameters = parameters(doc);
    PLACE_PARAMETERS.getOrDefault(type, List.of()).forEach(parameters::remove);
    basis.add(0, "incident " + incident.id() + " (" + incident.type() + (incident.exercise() ? ", exercise" : "")
        + ") at " + incident.placeKey() + ": " + incident.title());
    if (type.equals("flood")) {
      floodFromReadings(parameters, live, basis);
    }
    return finish(doc, basis);
  }

  /**
   * The template from now on at its own place; a flood template takes the present sea level and
   * rainfall.
   */
  public static Forecast fromNow(LiveState live, JsonNode template) {
    List<String> basis = new ArrayList<>();
    ObjectNode doc = rebase(template, live, "whatif-" + template.path("id").asText("scenario"), basis);
    if (template.path("type").asText().equals("flood")) {
      floodFromReadings(parameters(doc), live, basis);
    }
    return finish(doc, basis);
  }

  private static ObjectNode rebase(JsonNode template, LiveState live, String id, List<String> basis) {
    if (!template.isObject()) {
      throw new ScenarioInputException(SOURCE, "template", "must be a scenario document (a JSON object)");
    }
    ObjectNode doc = ((ObjectNode) template).deepCopy();
    Instant start = live.asOf().truncatedTo(ChronoUnit.SECONDS);
    String templateId = template.path("id").asText("scenario");
    doc.put("id", id.replaceAll("[^A-Za-z0-9._-]", "_").substring(0, Math.min(64, id.length())));
    doc.put("name", "What-if from " + start + ": " + template.path("name").asText(templateId));
    doc.put("mode", "forecast");
    doc.put("start", start.toString());
    basis.add("starts now (" + start + ") on the assumptions of template '" + templateId + "'");
    return doc;
  }

  private static ObjectNode parameters(ObjectNode doc) {
    JsonNode p = doc.get("parameters");
    return p instanceof ObjectNode o ? o : doc.putObject("parameters");
  }

  private static Forecast finish(ObjectNode doc, List<String> basis) {
    doc.put("description", "Forecast from the live state. " + String.join("; ", basis) + ".");
    return new Forecast(doc, basis);
  }

  private static void floodFromReadings(ObjectNode parameters, LiveState live, List<String> basis) {
    JsonNode sources = parameters.get("sources");
    ArrayNode list = sources instanceof ArrayNode a ? a : parameters.putArray("sources");
    seaLevel(list, live, basis);
    rain(list, live, basis);
  }

  private static void seaLevel(ArrayNode sources, LiveState live, List<String> basis) {
    List<LiveReading> levels = live.fresh("water_level");
    Optional<LiveReading> highest = levels.stream().max(Comparator.comparingDouble(LiveReading::value));
    boolean anySea = false;
    for (JsonNode s : sources) {
      if (!(s instanceof ObjectNode sea) || !"sea".equals(s.path("kind").asText())) {
        continue;
      }
      anySea = true;
      if (highest.isPresent()) {
        sea.set("levelM", shifted(sea.get("levelM"), highest.get().value()));
      }
    }
    if (!anySea) {
      return;
    }
    basis.add(highest.map(r -> String.format(Locale.ROOT,
            "sea level %.3f m now (%s at %s, highest of %d fresh water-level readings), rising as the template from there",
            r.value(), r.sensorId(), r.at(), levels.size()))
        .orElse("no fresh water-level reading: the template's sea levels stand"));
  }

  /** {@code levelM} moved so that it starts at {@code now}; non-numeric shapes are left for validation to name. */
  private static JsonNode shifted(JsonNode levelM, double now) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (levelM == null || levelM.isNumber()) {
      return f.numberNode(now);
    }
    if (!levelM.isArray() || levelM.isEmpty() || !levelM.get(0).path(1).isNumber()) {
      return levelM;
    }
    double first = levelM.get(0).get(1).asDouble();
    ArrayNode out = f.arrayNode();
    for (JsonNode pair : levelM) {
      ArrayNode copy = pair.deepCopy();
      if (pair.path(1).isNumber()) {
        copy.set(1, f.numberNode(round(now + pair.get(1).asDouble() - first)));
      }
      out.add(copy);
    }
    return out;
  }

  private static void rain(ArrayNode sources, LiveState live, List<String> basis) {
    List<LiveReading> raining = live.fresh("rainfall").stream().filter(r -> r.value() > 0).toList();
    List<ObjectNode> cells = new ArrayList<>();
    for (JsonNode s : sources) {
      if (s instanceof ObjectNode cell && "rain".equals(s.path("kind").asText())) {
        cells.add(cell);
      }
    }
    if (raining.isEmpty()) {
      if (!cells.isEmpty()) {
        cells.forEach(c -> c.put("mmPerH", 0));
        basis.add("no rain measured now (persistence): the template's rain is set to 0 mm/h");
      }
      return;
    }
    if (cells.isEmpty()) {
      ObjectNode cell = sources.addObject().put("kind", "rain").put("radiusM", 500);
      cells.add(cell);
    }
    double weight = raining.stream().mapToDouble(LiveReading::value).sum();
    double lat = raining.stream().mapToDouble(r -> r.lat() * r.value()).sum() / weight;
    double lon = raining.stream().mapToDouble(r -> r.lon() * r.value()).sum() / weight;
    LiveReading strongest = raining.stream().max(Comparator.comparingDouble(LiveReading::value)).orElseThrow();
    double mmPerH = strongest.value();
    for (ObjectNode cell : cells) {
      cell.putObject("centre").put("lat", round(lat)).put("lon", round(lon));
      ArrayNode hydrograph = cell.putArray("mmPerH");
      hydrograph.addArray().add("PT0S").add(mmPerH);
      hydrograph.addArray().add(RAIN_PERSISTENCE.toString()).add(mmPerH);
      hydrograph.addArray().add(RAIN_PERSISTENCE.plus(RAIN_TAPER).toString()).add(0);
    }
    basis.add(String.format(Locale.ROOT, "rain %.1f mm/h now (%s, strongest of %d raining gauges) held for %s over a cell"
        + " centred on them (persistence)", mmPerH, strongest.sensorId(), raining.size(), RAIN_PERSISTENCE));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
