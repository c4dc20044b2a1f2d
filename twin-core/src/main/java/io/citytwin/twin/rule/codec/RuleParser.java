package io.citytwin.twin.rule.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.rule.Condition;
import io.citytwin.twin.rule.Direction;
import io.citytwin.twin.rule.Escalation;
import io.citytwin.twin.rule.NamedArea;
import io.citytwin.twin.rule.PlaceLevel;
import io.citytwin.twin.rule.Rule;
import io.citytwin.twin.rule.RuleSet;
import io.citytwin.twin.rule.RuleSpec;
import io.citytwin.twin.rule.SensorSelection;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.sensor.SensorKind;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one rule document (see {@link RuleFiles} for the format) against a city and its sensor
 * registry. Single use; every problem is a {@link io.citytwin.twin.rule.RuleInputException}.
 */
final class RuleParser {
  static final Set<String> TOP = Set.of("city", "description", "areas", "rules");
  static final Set<String> AREA = Set.of("id", "name", "geometry", "sensors");
  static final Set<String> COMMON = Set.of("id", "title", "description", "kind", "incident",
      "severity", "escalation", "sensor_kinds", "sensors", "refire_s");
  static final Set<String> LEVEL = Set.of("quantity", "unit", "above", "below", "clear", "min_duration_s");
  static final Set<String> RATE = Set.of("quantity", "unit", "rise_per_min", "fall_per_min", "clear_per_min", "window_s");
  static final Map<String, Set<String>> KIND_FIELDS = Map.of(
      "threshold", union(LEVEL, Set.of("place")),
      "rate_of_change", union(RATE, Set.of("place")),
      "no_signal", Set.of("silent_s", "on_status", "place"),
      "geofence", Set.of("subject", "hazards", "quantity", "unit", "above", "below", "fence", "trigger",
          "place", "use_registered_location"),
      "correlation", Set.of("members", "group_by", "min_count", "window_s"));

  private final String source;
  private final SensorRegistry registry;
  private final CitySnapshot city;
  private final Map<String, NamedArea> areas = new HashMap<>();

  RuleParser(String source, SensorRegistry registry, CitySnapshot city) {
    this.source = source;
    this.registry = registry;
    this.city = city;
  }

  RuleSet parse(JsonNode root) {
    Fields doc = new Fields(source, null, "", root);
    if (!root.isObject()) {
      throw doc.fail(null, "a rule file must be a JSON object, found " + Fields.describe(root));
    }
    doc.onlyKnown(TOP, "of a rule file");
    String cityName = doc.text("city");
    if (cityName != null && !cityName.equalsIgnoreCase(city.cityName())) {
      throw doc.fail("city", "the rules are for " + Fields.quote(cityName) + " but the city is "
          + Fields.quote(city.cityName()));
    }
    List<NamedArea> areaList = new ArrayList<>();
    for (JsonNode a : array(doc, "areas", false)) {
      NamedArea area = area(a, areaList.size());
      areas.put(area.id(), area);
      areaList.add(area);
    }
    List<Rule> rules = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    JsonNode[] nodes = array(doc, "rules", true);
    for (int i = 0; i < nodes.length; i++) {
      Rule rule = rule(nodes[i], i);
      Integer first = seen.putIfAbsent(rule.id(), i);
      if (first != null) {
        throw new Fields(source, label("rule", i, nodes[i]), "", nodes[i])
            .fail("id", "duplicate: rule [" + first + "] has the same id");
      }
      rules.add(rule);
    }
    return new RuleSet(source, cityName, doc.text("description"), areaList, rules);
  }

  private static JsonNode[] array(Fields doc, String field, boolean required) {
    JsonNode v = doc.raw(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw doc.fail(field, "missing: the file must list its " + field + " (an empty array is fine)");
      }
      return new JsonNode[0];
    }
    if (!v.isArray()) {
      throw doc.fail(field, "must be an array, found " + Fields.describe(v));
    }
    JsonNode[] out = new JsonNode[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** {@code rule [3] (id 'flood')}, with the id when there is a readable one. */
  private static String label(String what, int index, JsonNode node) {
    JsonNode id = node.path("id");
    return what + " [" + index + "]" + (id.isTextual() ? " (id " + Fields.quote(id.textValue()) + ")" : "");
  }

  private NamedArea area(JsonNode node, int index) {
    Fields f = new Fields(source, label("area", index, node), "", node);
    if (!node.isObject()) {
      throw f.fail(null, "must be an object, found " + Fields.describe(node));
    }
    f.onlyKnown(AREA, "of an area");
    String id = id(f);
    if (areas.containsKey(id)) {
      throw f.fail("id", "duplicate area id " + Fields.quote(id));
    }
    var geometry = new Polygons(f, "geometry", city.bounds()).geoJson(node.get("geometry"));
    List<String> members = f.strings("sensors");
    for (String s : members) {
      if (!registry.contains(s)) {
        throw f.fail("sensors", "unknown sensor " + Fields.quote(s));
      }
    }
    return new NamedArea(id, f.text("name"), geometry, new LinkedHashSet<>(members));
  }

  private static String id(Fields f) {
    String id = f.requiredText("id");
    if (!Rule.ID.matcher(id).matches()) {
      throw f.fail("id", Fields.quote(id) + " must be 1-64 characters of letters, digits and . _ : -");
    }
    return id;
  }

  private Rule rule(JsonNode node, int index) {
    Fields f = new Fields(source, label("rule", index, node), "", node);
    if (!node.isObject()) {
      throw f.fail(null, "must be an object, found " + Fields.describe(node));
    }
    String kind = f.requiredText("kind");
    Set<String> kindFields = KIND_FIELDS.get(kind);
    if (kindFields == null) {
      throw f.fail("kind", "unknown rule kind " + Fields.quote(kind) + " (known: "
          + String.join(", ", KIND_FIELDS.keySet().stream().sorted().toList()) + ")");
    }
    f.onlyKnown(union(COMMON, kindFields), "of a " + kind + " rule");
    String id = id(f);
    IncidentType type = IncidentType.fromCode(f.requiredText("incident")).orElseThrow(() -> f.fail("incident",
        "unknown incident type " + Fields.quote(f.text("incident")) + " (known: " + codes(IncidentType.values()) + ")"));
    Severity severity = severity(f, "severity");
    SensorSelection selection = selection(f);
    long refire = Math.max(0, f.seconds("refire_s"));
    RuleSpec spec = switch (kind) {
      case "threshold" -> new RuleSpec.Threshold(level(f, quantity(f, selection)), place(f, PlaceLevel.SENSOR));
      case "rate_of_change" -> new RuleSpec.RateOfChange(rate(f, quantity(f, selection)), place(f, PlaceLevel.SENSOR));
      case "no_signal" -> noSignal(f);
      case "geofence" -> new Geofences(f, id, selection, city, areas, this).geofence();
      default -> correlation(f, selection);
    };
    Escalation escalation = f.has("escalation") ? escalation(f, spec, severity) : null;
    return new Rule(id, f.text("title"), f.text("description"), type, severity, escalation, selection, refire, spec);
  }

  private static Severity severity(Fields f, String field) {
    return Severity.fromCode(f.requiredText(field)).orElseThrow(() -> f.fail(field,
        "unknown severity " + Fields.quote(f.text(field)) + " (known: " + codes(Severity.values()) + ")"));
  }

  private SensorSelection selection(Fields f) {
    Set<SensorKind> kinds = EnumSet.noneOf(SensorKind.class);
    for (String k : f.strings("sensor_kinds")) {
      kinds.add(SensorKind.fromCode(k).orElseThrow(() -> f.fail("sensor_kinds", "unknown sensor kind "
          + Fields.quote(k) + " (known: " + codes(SensorKind.values()) + ")")));
    }
    List<String> ids = f.strings("sensors");
    for (String id : ids) {
      Sensor s = registry.find(id).orElseThrow(() -> f.fail("sensors", "unknown sensor " + Fields.quote(id)));
      if (!kinds.isEmpty() && !kinds.contains(s.kind())) {
        throw f.fail("sensors", "sensor " + Fields.quote(id) + " is a " + s.kind().code()
            + ", not one of the rule's sensor_kinds");
      }
    }
    return new SensorSelection(kinds, new LinkedHashSet<>(ids));
  }

  /** The quantity of {@code f}, which some sensor of the selection must be able to publish. */
  Quantity quantity(Fields f, SensorSelection selection) {
    String name = f.requiredText("quantity");
    Quantity q = Quantity.byName(name);
    if (q == null) {
      throw f.fail("quantity", "unknown quantity " + Fields.quote(name) + " (known: "
          + Arrays.stream(Quantity.values()).map(Quantity::canonicalName).sorted().collect(Collectors.joining(", ")) + ")");
    }
    for (String id : selection.ids()) {
      if (!registry.find(id).orElseThrow().quantities().contains(q)) {
        throw f.fail("sensors", "sensor " + Fields.quote(id) + " does not publish " + name);
      }
    }
    if (selection.ids().isEmpty() && !selection.kinds().isEmpty()
        && selection.kinds().stream().noneMatch(k -> k.defaultQuantities().contains(q)
            || registry.ofKind(k).stream().anyMatch(s -> s.quantities().contains(q)))) {
      throw f.fail("quantity", "no sensor of kind " + selection.kinds().stream().map(SensorKind::code).sorted()
          .collect(Collectors.joining(", ")) + " publishes " + name);
    }
    return q;
  }

  /**
   * The number {@code field} of {@code f}, given in the rule's {@code unit} of {@code rules} (the
   * canonical unit when there is none), in the quantity's canonical unit.
   */
  static double canonical(Fields f, Fields rules, String field, Quantity q, boolean rate) {
    double value = f.requiredNumber(field);
    String unit = rules.text("unit");
    if (unit == null) {
      return value;
    }
    var conversion = q.conversionFrom(unit);
    if (conversion == null) {
      throw rules.fail("unit", Fields.quote(unit) + " is not a unit of " + q.canonicalName() + " (accepted: "
          + String.join(", ", q.conversions().keySet()) + ")");
    }
    // A rate is a difference of values: offsets (degF to Cel) cancel, only the scale applies.
    double c = rate ? value * conversion.multiply() / conversion.divide() : conversion.apply(value);
    if (!Double.isFinite(c)) {
      throw f.fail(field, "number is too large");
    }
    return c;
  }

  Condition.Level level(Fields f, Quantity q) {
    boolean above = f.has("above");
    if (above == f.has("below")) {
      throw f.fail(above ? "below" : "above", above ? "give either 'above' or 'below', not both"
          : "missing: give 'above' or 'below' (a level in " + q.canonicalUnit() + ")");
    }
    String field = above ? "above" : "below";
    var dir = above ? Direction.UP : Direction.DOWN;
    double level = canonical(f, f, field, q, false);
    if (level < q.min() || level > q.max() || (above ? level >= q.max() : level <= q.min())) {
      throw f.fail(field, "level " + level + " " + q.canonicalUnit() + " cannot be " + (above ? "exceeded" : "undercut")
          + ": " + q.canonicalName() + " lies within " + q.min() + ".." + q.max() + " " + q.canonicalUnit());
    }
    double clear = f.has("clear") ? canonical(f, f, "clear", q, false) : level;
    if (dir.beyond(clear, level)) {
      throw f.fail("clear", "clear level " + clear + " must be " + (above ? "at or below" : "at or above")
          + " the level " + level + " of a '" + field + "' condition (the alarm clears when the value gets back to it)");
    }
    long min = Math.max(0, f.seconds("min_duration_s"));
    return new Condition.Level(q, dir, level, clear, min);
  }

  Condition.Rate rate(Fields f, Quantity q) {
    boolean rise = f.has("rise_per_min");
    if (rise == f.has("fall_per_min")) {
      throw f.fail(rise ? "fall_per_min" : "rise_per_min", rise ? "give either 'rise_per_min' or 'fall_per_min', not both"
          : "missing: give 'rise_per_min' or 'fall_per_min' (" + q.canonicalUnit() + " per minute)");
    }
    String field = rise ? "rise_per_min" : "fall_per_min";
    double perMinute = canonical(f, f, field, q, true);
    if (!(perMinute > 0)) {
      throw f.fail(field, "must be a positive rate, found " + perMinute + " (the direction is in the field name)");
    }
    double clear = f.has("clear_per_min") ? canonical(f, f, "clear_per_min", q, true) : perMinute;
    if (clear > perMinute) {
      throw f.fail("clear_per_min", "clear rate " + clear + " must not be faster than the rate " + perMinute);
    }
    long window = f.positiveSeconds("window_s");
    var dir = rise ? Direction.UP : Direction.DOWN;
    return new Condition.Rate(q, dir, perMinute, clear, window);
  }

  PlaceLevel place(Fields f, PlaceLevel fallback) {
    String p = f.text("place");
    if (p == null) {
      return fallback;
    }
    PlaceLevel level = PlaceLevel.fromCode(p).orElseThrow(() -> f.fail("place", "unknown place "
        + Fields.quote(p) + " (known: " + codes(PlaceLevel.values()) + ")"));
    if (level == PlaceLevel.AREA && areas.isEmpty()) {
      throw f.fail("place", "'area' needs named areas in the file's 'areas'");
    }
    return level;
  }

  private RuleSpec.NoSignal noSignal(Fields f) {
    long silent = f.seconds("silent_s");
    if (silent == 0) {
      throw f.fail("silent_s", "must be a positive number of seconds");
    }
    Set<SensorStatus> statuses = EnumSet.noneOf(SensorStatus.class);
    for (String s : f.strings("on_status")) {
      var status = Arrays.stream(SensorStatus.values())
          .filter(x -> x.code().equals(s) && x != SensorStatus.OK).findFirst()
          .orElseThrow(() -> f.fail("on_status", "unknown failure status " + Fields.quote(s)
              + " (known: stale, no-signal, faulty)"));
      statuses.add(status);
    }
    if (silent < 0 && statuses.isEmpty()) {
      throw f.fail("silent_s", "missing: give 'silent_s' and/or 'on_status'");
    }
    return new RuleSpec.NoSignal(Math.max(0, silent), statuses, place(f, PlaceLevel.SENSOR));
  }

  private RuleSpec.Correlation correlation(Fields f, SensorSelection selection) {
    JsonNode list = f.raw("members");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw f.fail("members", "must be a non-empty array of member conditions, found " + Fields.describe(list));
    }
    List<Condition> members = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Fields m = f.element("members", list.get(i), i);
      boolean isRate = m.has("rise_per_min") || m.has("fall_per_min");
      m.onlyKnown(isRate ? RATE : LEVEL, isRate ? "of a rate member" : "of a level member");
      Quantity q = quantity(m, selection);
      members.add(isRate ? rate(m, q) : level(m, q));
    }
    String g = f.requiredText("group_by");
    PlaceLevel groupBy = PlaceLevel.fromCode(g).orElseThrow(() -> f.fail("group_by",
        "unknown grouping " + Fields.quote(g) + " (known: " + codes(PlaceLevel.values()) + ")"));
    if (groupBy == PlaceLevel.AREA && areas.isEmpty()) {
      throw f.fail("group_by", "'area' needs named areas in the file's 'areas'");
    }
    if (groupBy == PlaceLevel.SENSOR && members.size() < 2) {
      throw f.fail("group_by", "grouping by sensor correlates several members of one sensor: give at least 2");
    }
    int min = f.requiredCount("min_count", 1);
    return new RuleSpec.Correlation(members, groupBy, min, f.positiveSeconds("window_s"));
  }

  private Escalation escalation(Fields rule, RuleSpec spec, Severity base) {
    Fields f = rule.object("escalation");
    f.onlyKnown(Set.of("at", "severity"), "of an escalation");
    Severity severity = severity(f, "severity");
    if (severity.compareTo(base) <= 0) {
      throw f.fail("severity", "must be more severe than the rule's " + base.code());
    }
    double at = f.requiredNumber("at");
    if (spec instanceof RuleSpec.Threshold t) {
      double level = canonical(f, rule, "at", t.condition().quantity(), false);
      if (!t.condition().direction().beyond(level, t.condition().level())) {
        throw f.fail("at", at + " must be beyond the rule's level " + t.condition().level());
      }
      return new Escalation(level, severity);
    }
    if (spec instanceof RuleSpec.RateOfChange r) {
      double rate = canonical(f, rule, "at", r.condition().quantity(), true);
      if (!(rate > r.condition().perMinute())) {
        throw f.fail("at", at + " must be faster than the rule's rate " + r.condition().perMinute());
      }
      return new Escalation(rate, severity);
    }
    if (spec instanceof RuleSpec.Correlation c) {
      if (at != Math.rint(at) || at <= c.minCount()) {
        throw f.fail("at", "must be a whole member count above min_count " + c.minCount() + ", found " + at);
      }
      return new Escalation(at, severity);
    }
    throw rule.fail("escalation", spec.kind() + " rules do not escalate");
  }

  static String codes(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
  }
}
