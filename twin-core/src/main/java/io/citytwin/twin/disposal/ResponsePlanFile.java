package io.citytwin.twin.disposal;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.geo.layer.PoiKind;
import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.BaseSpec;
import io.citytwin.twin.dispatch.ClosureRule;
import io.citytwin.twin.incident.EscalationRole;
import io.citytwin.twin.incident.EscalationStep;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import io.citytwin.twin.json.JsonFields;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a response-plan file (format version 1; see the Monaco file for a complete
 * example). Everything is checked before anything is returned; the first problem is reported as a
 * {@link PlanInputException} naming the file, the plan or agency, the task and the field. Every
 * incident type must have a plan from severity {@code minor}, so every incident gets tasks.
 * Stateless; thread-safe.
 */
public final class ResponsePlanFile {
  static final int VERSION = 1;
  private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Set<String> TOP = Set.of("version", "city", "sources", "agencies", "roadClosures", "plans");
  private static final Set<String> AGENCY =
      Set.of("base", "unitsPerBase", "unitsAt", "turnout", "escalation", "basis");
  private static final Set<String> PLAN = Set.of("id", "type", "minSeverity", "tasks");
  private static final Set<String> TASK =
      Set.of("agency", "action", "onSite", "ackWithin", "arriveWithin", "escalation", "basis");

  private final String source;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<Agency, AgencyProfile> agencies = new EnumMap<>(Agency.class);

  private ResponsePlanFile(String source) {
    this.source = source;
  }

  /**
   * Reads a whole file; the stream is not closed.
   *
   * @param source file name for messages
   * @throws PlanInputException on the first problem found
   */
  public static ResponsePlans read(InputStream in, String source) {
    return new ResponsePlanFile(source).parse(
        JsonFields.parse(in, m -> new PlanInputException(source, null, null, m)));
  }

  private ResponsePlans parse(JsonNode root) {
    JsonFields top = fields(root, null).onlyKnown(TOP);
    long version = top.integer("version", 0, Integer.MAX_VALUE);
    if (version != VERSION) {
      throw top.fail("version", "unsupported version " + version + " (this build reads " + VERSION + ")");
    }
    String city = top.nonBlank("city", 100);
    if (top.has("sources")) {
      entries(top, "sources").forEach((key, v) -> sources.put(key,
          fields(top.node().get("sources"), "sources").nonBlank(key, 2000)));
    }
    entries(top, "agencies").forEach((code, v) -> {
      Agency a = Agency.fromCode(code).orElseThrow(() -> top.fail("agencies", "unknown agency '" + code + "'"));
      agencies.put(a, agency(a, v));
    });
    Map<IncidentType, ClosureRule> closures = new EnumMap<>(IncidentType.class);
    if (top.has("roadClosures")) {
      entries(top, "roadClosures").forEach((code, v) -> {
        IncidentType t = IncidentType.fromCode(code)
            .orElseThrow(() -> top.fail("roadClosures", "unknown incident type '" + code + "'"));
        closures.put(t, closure(v, "roadClosures '" + code + "'"));
      });
    }
    List<ResponsePlan> plans = plans(top.array("plans"));
    return new ResponsePlans(city, sources, agencies, closures, plans);
  }

  private AgencyProfile agency(Agency a, JsonNode node) {
    String where = "agency '" + a.code() + "'";
    JsonFields f = fields(node, where).onlyKnown(AGENCY);
    basis(f);
    List<EscalationStep> chain = escalation(f, where);
    if (!f.has("base")) {
      for (String n : List.of("unitsPerBase", "unitsAt", "turnout")) {
        if (f.has(n)) {
          throw f.fail(n, "only meaningful with a 'base'");
        }
      }
      return new AgencyProfile(a, null, chain);
    }
    PoiKind kind = f.code("base", ResponsePlanFile::poiKind, "POI kind");
    int perBase = (int) f.integer("unitsPerBase", 0, 100);
    Map<String, Integer> unitsAt = new LinkedHashMap<>();
    if (f.has("unitsAt")) {
      JsonFields at = fields(f.object("unitsAt"), where + ", unitsAt");
      at.node().fieldNames().forEachRemaining(id -> unitsAt.put(id, (int) at.integer(id, 0, 100)));
    }
    Duration turnout = f.duration("turnout", Duration.ZERO, Duration.ofMinutes(30));
    return new AgencyProfile(a, new BaseSpec(a, kind, perBase, unitsAt, turnout), chain);
  }

  private List<EscalationStep> escalation(JsonFields f, String where) {
    JsonNode array = f.array("escalation");
    if (array.isEmpty() || array.size() > 5) {
      throw f.fail("escalation", "must list 1..5 levels, found " + array.size());
    }
    List<EscalationStep> steps = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonFields s = fields(array.get(i), where + ", escalation [" + i + "]").onlyKnown(Set.of("to", "after"));
      steps.add(new EscalationStep(
          s.code("to", EscalationRole::fromCode, "escalation role"),
          s.duration("after", Duration.ZERO, Duration.ofHours(24))));
    }
    return steps;
  }

  private ClosureRule closure(JsonNode node, String where) {
    JsonFields f = fields(node, where).onlyKnown(Set.of("mode", "bufferM"));
    ClosureRule.Mode mode = f.code("mode", ResponsePlanFile::closureMode, "closure mode (area, segment)");
    double buffer = f.has("bufferM") ? f.number("bufferM", 0, 5000) : 0;
    return new ClosureRule(mode, buffer);
  }

  private List<ResponsePlan> plans(JsonNode array) {
    List<ResponsePlan> plans = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<IncidentType, Set<Severity>> tiers = new EnumMap<>(IncidentType.class);
    for (int i = 0; i < array.size(); i++) {
      JsonFields f = fields(array.get(i), "plans[" + i + "]").onlyKnown(PLAN);
      String id = f.text("id", 64);
      if (!PLAN_ID.matcher(id).matches()) {
        throw f.fail("id", "must be 1-64 of a-z 0-9 _ . - starting with a letter or digit, found '" + id + "'");
      }
      String where = "plan '" + id + "' (plans[" + i + "])";
      if (!ids.add(id)) {
        throw new PlanInputException(source, where, "id", "duplicate plan id");
      }
      f = fields(array.get(i), where);
      IncidentType type = f.code("type", IncidentType::fromCode, "incident type");
      Severity min = f.code("minSeverity", Severity::fromCode, "severity");
      if (!tiers.computeIfAbsent(type, t -> new HashSet<>()).add(min)) {
        throw f.fail("minSeverity", "another plan already covers " + type.code() + " from " + min.code());
      }
      JsonNode tasks = f.array("tasks");
      if (tasks.isEmpty() || tasks.size() > 30) {
        throw f.fail("tasks", "must list 1..30 tasks, found " + tasks.size());
      }
      List<TaskSpec> specs = new ArrayList<>();
      for (int t = 0; t < tasks.size(); t++) {
        specs.add(task(tasks.get(t), where + ", task [" + t + "]", id));
      }
      plans.add(new ResponsePlan(id, type, min, specs));
    }
    for (IncidentType t : IncidentType.values()) {
      if (!tiers.getOrDefault(t, Set.of()).contains(Severity.MINOR)) {
        throw new PlanInputException(source, null, "plans",
            "no plan for incident type '" + t.code() + "' from severity minor (every type needs one)");
      }
    }
    return plans;
  }

  private TaskSpec task(JsonNode node, String where, String planId) {
    JsonFields f = fields(node, where).onlyKnown(TASK);
    Agency agency = f.code("agency", Agency::fromCode, "agency");
    AgencyProfile profile = agencies.get(agency);
    if (profile == null) {
      throw f.fail("agency", "agency '" + agency.code() + "' is not defined under 'agencies'");
    }
    String action = f.nonBlank("action", 300);
    boolean onSite = f.bool("onSite");
    Duration ack = f.duration("ackWithin", SECOND, Duration.ofHours(24));
    Duration arrive = null;
    if (onSite) {
      arrive = f.duration("arriveWithin", SECOND, Duration.ofHours(48));
    } else if (f.has("arriveWithin")) {
      throw f.fail("arriveWithin", "only on-site tasks have an arrival SLA (set onSite to true)");
    }
    List<EscalationStep> chain = f.has("escalation") ? escalation(f, where) : profile.escalation();
    basis(f);
    return new TaskSpec(agency, action, onSite, ack, arrive, chain, planId);
  }

  /** Checks that every cited source key is defined under {@code sources}. */
  private void basis(JsonFields f) {
    if (!f.has("basis")) {
      return;
    }
    JsonNode keys = f.array("basis");
    for (int i = 0; i < keys.size(); i++) {
      JsonNode k = keys.get(i);
      if (!k.isTextual() || !sources.containsKey(k.textValue())) {
        throw f.fail("basis", "element [" + i + "] must name a key of 'sources', found "
            + (k.isTextual() ? "'" + k.textValue() + "'" : JsonFields.describe(k)));
      }
    }
  }

  private Map<String, JsonNode> entries(JsonFields parent, String field) {
    JsonNode o = parent.object(field);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private JsonFields fields(JsonNode node, String where) {
    return JsonFields.of(node, (field, problem) -> new PlanInputException(source, where, field, problem));
  }

  private static Optional<PoiKind> poiKind(String code) {
    for (PoiKind k : PoiKind.values()) {
      if (k.apiName().equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static Optional<ClosureRule.Mode> closureMode(String code) {
    try {
      return Optional.of(ClosureRule.Mode.valueOf(code.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
