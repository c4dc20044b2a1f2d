package io.citytwin.sim.evacuation;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.city.CityModel;
import io.citytwin.geo.layer.Poi;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.sim.scenario.Params;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The evacuation model's parameters, validated against the city; every problem is a {@code
 * ScenarioInputException} naming its JSON path. The members, units and defaults are listed on
 * {@link EvacuationModel}.
 *
 * @param dangerBufferM metres around the scenario site that are dangerous for the whole run, or
 *     null when only the hazard's footprint is
 * @param compliance share of residents who evacuate (the rest stay home)
 * @param tick the queue and walking models' time step
 * @param congestedLinks how many of the most congested links frames and the summary list
 * @param responders units to dispatch, or null for none
 */
public record EvacuationParams(
    Double dangerBufferM, Affected affected, double compliance, Car car, Foot foot,
    Mobilisation mobilisation, Duration mobilisationDelay, ShelterSpec shelters, Duration tick,
    int congestedLinks, Responders responders) {

  /**
   * Whose residents evacuate: those of {@code buildings} when given, else of the buildings
   * intersecting the area ({@code danger}: the danger area at the start; {@code site}: the
   * scenario's site) buffered by {@code bufferM}.
   */
  public record Affected(String area, double bufferM, List<String> buildings) {
    static final Affected DEFAULT = new Affected("danger", 0, List.of());
  }

  /** Driving evacuees; {@code abandonAfter} null means vehicles are never abandoned. */
  public record Car(double share, double occupancy, double vehicleLengthM, Duration abandonAfter) {
    static final Car DEFAULT = new Car(0.5, 1.5, CarLinks.DEFAULT_VEHICLE_LENGTH_M, null);
  }

  /** Walking evacuees. */
  public record Foot(double speedMps, double walkwayWidthM, boolean densityDependent) {
    static final Foot DEFAULT = new Foot(1.34, 2.0, true);
  }

  /** An extra assembly place given by position. */
  public record ExtraSite(String name, Point location, int capacity) {}

  /** Which places receive evacuees and how many each takes. */
  public record ShelterSpec(
      List<PoiKind> kinds, int capacity, Map<String, Integer> capacities, List<ExtraSite> sites) {
    static final List<PoiKind> DEFAULT_KINDS =
        List.of(PoiKind.ASSEMBLY_POINT, PoiKind.SCHOOL, PoiKind.UNIVERSITY);
  }

  /** Responder dispatch for an incident of {@code incident} at {@code severity}. */
  public record Responders(IncidentType incident, Severity severity, Duration delay, boolean congestionDelay) {}

  private static final GeometryFactory GF = new GeometryFactory();
  // "hazard" names the hazard the evacuation runs under; io.citytwin.sim.coupling.HazardEvacuation reads it.
  private static final Set<String> TOP = Set.of("dangerZone", "affected", "compliance", "car", "foot",
      "mobilisation", "shelters", "tick", "congestedLinks", "responders", "hazard");

  /** Reads and checks {@code p} (a scenario's {@code parameters}) against {@code city}. */
  public static EvacuationParams parse(Params p, CityModel city) {
    p.onlyKnown(TOP);
    Double danger = null;
    if (p.has("dangerZone")) {
      danger = p.object("dangerZone").onlyKnown(Set.of("bufferM")).number("bufferM", 0, 5000, 0);
    }
    Affected affected = p.has("affected") ? affected(p.object("affected"), city) : Affected.DEFAULT;
    double compliance = p.number("compliance", 0, 1, 1.0);
    Car car = p.has("car") ? car(p.object("car")) : Car.DEFAULT;
    Foot foot = p.has("foot") ? foot(p.object("foot")) : Foot.DEFAULT;
    Params mob = p.has("mobilisation") ? p.object("mobilisation") : null;
    Mobilisation curve = mob == null ? new Mobilisation.Rayleigh(900) : mobilisation(mob);
    Duration delay = mob == null ? Duration.ZERO : mob.duration("delay", Duration.ZERO);
    ShelterSpec shelters = p.has("shelters") ? shelters(p.object("shelters"), city)
        : new ShelterSpec(ShelterSpec.DEFAULT_KINDS, 1000, Map.of(), List.of());
    Duration tick = p.duration("tick", Duration.ofSeconds(1));
    if (tick.compareTo(Duration.ofMinutes(1)) > 0) {
      throw p.fail("tick", tick + " is longer than PT1M; queues need ticks of seconds");
    }
    int top = p.integer("congestedLinks", 1, 100, 10);
    Responders responders = p.has("responders") ? responders(p.object("responders")) : null;
    return new EvacuationParams(danger, affected, compliance, car, foot, curve, delay, shelters, tick, top,
        responders);
  }

  private static Affected affected(Params a, CityModel city) {
    a.onlyKnown(Set.of("area", "bufferM", "buildings"));
    String area = a.has("area") ? a.choice("area", List.of("danger", "site")) : "danger";
    double buffer = a.number("bufferM", 0, 5000, 0);
    List<String> ids = texts(a, "buildings");
    Set<String> known = new java.util.HashSet<>();
    city.buildings().forEach(b -> known.add(b.id()));
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i).startsWith("building/") ? ids.get(i) : "building/" + ids.get(i);
      if (!known.contains(id)) {
        throw a.fail("buildings[" + i + "]", "no building '" + ids.get(i) + "' in " + city.name());
      }
      ids.set(i, id);
    }
    return new Affected(area, buffer, List.copyOf(ids));
  }

  private static Car car(Params c) {
    c.onlyKnown(Set.of("share", "occupancy", "vehicleLengthM", "abandonAfter"));
    return new Car(c.number("share", 0, 1, Car.DEFAULT.share()), c.number("occupancy", 1, 9, Car.DEFAULT.occupancy()),
        c.number("vehicleLengthM", 4, 20, Car.DEFAULT.vehicleLengthM()), c.duration("abandonAfter", null));
  }

  private static Foot foot(Params f) {
    f.onlyKnown(Set.of("speedMps", "walkwayWidthM", "densityDependent"));
    return new Foot(f.number("speedMps", 0.3, 3, Foot.DEFAULT.speedMps()),
        f.number("walkwayWidthM", 0.5, 50, Foot.DEFAULT.walkwayWidthM()),
        f.flag("densityDependent", Foot.DEFAULT.densityDependent()));
  }

  private static Mobilisation mobilisation(Params m) {
    String curve = m.has("curve") ? m.choice("curve", List.of("rayleigh", "lognormal", "immediate")) : "rayleigh";
    switch (curve) {
      case "immediate":
        m.onlyKnown(Set.of("curve", "delay"));
        return new Mobilisation.Immediate();
      case "lognormal":
        m.onlyKnown(Set.of("curve", "delay", "median", "sigma"));
        return new Mobilisation.LogNormal(seconds(m.duration("median", Duration.ofMinutes(15))),
            m.number("sigma", 0.05, 3, 0.8));
      default:
        m.onlyKnown(Set.of("curve", "delay", "mean"));
        return new Mobilisation.Rayleigh(seconds(m.duration("mean", Duration.ofMinutes(15))));
    }
  }

  private static ShelterSpec shelters(Params s, CityModel city) {
    s.onlyKnown(Set.of("kinds", "capacity", "capacities", "sites"));
    List<PoiKind> kinds = new ArrayList<>();
    List<String> names = s.has("kinds") ? texts(s, "kinds") : null;
    if (names == null) {
      kinds.addAll(ShelterSpec.DEFAULT_KINDS);
    } else {
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        String at = "kinds[" + i + "]";
        kinds.add(Arrays.stream(PoiKind.values()).filter(k -> k.apiName().equalsIgnoreCase(n)).findFirst()
            .orElseThrow(() -> s.fail(at, "'" + n + "' is not a POI kind (known: "
                + String.join(", ", Arrays.stream(PoiKind.values()).map(PoiKind::apiName).toList()) + ")")));
      }
    }
    int capacity = s.integer("capacity", 1, 10_000_000, 1000);
    Map<String, Integer> capacities = new LinkedHashMap<>();
    if (s.has("capacities")) {
      Params c = s.object("capacities");
      for (Iterator<String> it = c.node().fieldNames(); it.hasNext(); ) {
        String id = it.next();
        Poi poi = city.pois().stream().filter(x -> x.id().equals(id)).findFirst()
            .orElseThrow(() -> c.fail(id, "no POI '" + id + "' in " + city.name()));
        if (!kinds.contains(poi.kind())) {
          throw c.fail(id, "is a " + poi.kind().apiName() + ", not one of the shelter kinds");
        }
        capacities.put(id, c.integer(id, 0, 10_000_000));
      }
    }
    List<ExtraSite> sites = new ArrayList<>();
    for (Params site : s.objects("sites")) {
      sites.add(site(site, city));
    }
    return new ShelterSpec(List.copyOf(kinds), capacity, Map.copyOf(capacities), List.copyOf(sites));
  }

  /** An assembly place given as {@code {name, lat, lon, capacity}}, inside the city. */
  static ExtraSite site(Params site, CityModel city) {
    site.onlyKnown(Set.of("name", "lat", "lon", "capacity"));
    Point at = GF.createPoint(new Coordinate(site.number("lon", -180, 180), site.number("lat", -90, 90)));
    if (!city.boundary().covers(at)) {
      throw site.fail(null, "lat " + at.getY() + ", lon " + at.getX() + " lies outside " + city.name());
    }
    return new ExtraSite(site.text("name"), at, site.integer("capacity", 1, 10_000_000));
  }

  private static Responders responders(Params r) {
    r.onlyKnown(Set.of("incident", "severity", "delay", "congestionDelay"));
    List<String> types = Arrays.stream(IncidentType.values()).map(IncidentType::code).toList();
    IncidentType type = IncidentType.fromCode(r.choice("incident", types)).orElseThrow();
    Severity severity = r.has("severity")
        ? Severity.fromCode(r.choice("severity", Arrays.stream(Severity.values()).map(Severity::code).toList()))
            .orElseThrow()
        : Severity.SEVERE;
    return new Responders(type, severity, r.duration("delay", Duration.ZERO), r.flag("congestionDelay", true));
  }

  /** An array member of non-empty strings (empty list when absent). */
  private static List<String> texts(Params p, String key) {
    List<String> out = new ArrayList<>();
    if (!p.has(key)) {
      return out;
    }
    JsonNode a = p.node().get(key);
    if (!a.isArray()) {
      throw p.fail(key, "must be an array of text");
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).isTextual() || a.get(i).asText().isBlank()) {
        throw p.fail(key + "[" + i + "]", "must be non-empty text");
      }
      out.add(a.get(i).asText().trim());
    }
    return out;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
