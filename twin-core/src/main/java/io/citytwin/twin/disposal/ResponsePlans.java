package io.citytwin.twin.disposal;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.dispatch.BaseSpec;
import io.citytwin.twin.dispatch.ClosureRule;
import io.citytwin.twin.incident.IncidentType;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A city's response plans: for each incident type, tiers by minimum severity listing the tasks per
 * agency (see {@link ResponsePlan}); the agencies' bases and escalation chains; which incident
 * types close roads. Read from {@code cities/{city}/response-plans.json} by {@link
 * ResponsePlanFile}. Immutable and thread-safe.
 */
public final class ResponsePlans {
  private final String city;
  private final Map<String, String> sources;
  private final Map<Agency, AgencyProfile> agencies;
  private final Map<IncidentType, ClosureRule> closures;
  private final List<ResponsePlan> plans;

  ResponsePlans(
      String city, Map<String, String> sources, Map<Agency, AgencyProfile> agencies,
      Map<IncidentType, ClosureRule> closures, List<ResponsePlan> plans) {
    this.city = city;
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    this.agencies = Collections.unmodifiableMap(new EnumMap<>(agencies));
    this.closures = closures.isEmpty()
        ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(closures));
    List<ResponsePlan> sorted = new ArrayList<>(plans);
    sorted.sort(Comparator.comparing(ResponsePlan::type).thenComparing(ResponsePlan::minSeverity));
    this.plans = List.copyOf(sorted);
  }

  /**
   * The plans shipped for a built-in city ({@code /cities/{city}/response-plans.json} on the
   * class path).
   *
   * @throws PlanInputException when the city has no plans or they are invalid
   */
  public static ResponsePlans builtIn(String city) {
    String name = "cities/" + city + "/response-plans.json";
    try (InputStream in = ResponsePlans.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new PlanInputException(name, null, null, "no response plans for city '" + city + "'");
      }
      return ResponsePlanFile.read(in, name);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }

  public String city() {
    return city;
  }

  /** Citations by key, as referenced by the file's {@code basis} members. */
  public Map<String, String> sources() {
    return sources;
  }

  public Map<Agency, AgencyProfile> agencies() {
    return agencies;
  }

  /** All tiers, by type and then severity. */
  public List<ResponsePlan> plans() {
    return plans;
  }

  /** Tasks for an incident of {@code type} at {@code severity}: every tier up to it, in order. */
  public List<TaskSpec> tasksFor(IncidentType type, Severity severity) {
    return tasks(type, null, severity);
  }

  /**
   * Tasks to add when an incident's severity rises from {@code from} to {@code to}: the tiers above
   * {@code from} up to {@code to} (empty when it does not rise).
   */
  public List<TaskSpec> tasksAdded(IncidentType type, Severity from, Severity to) {
    return tasks(type, from, to);
  }

  private List<TaskSpec> tasks(IncidentType type, Severity above, Severity upTo) {
    List<TaskSpec> out = new ArrayList<>();
    for (ResponsePlan p : plans) {
      if (p.type() == type && p.minSeverity().compareTo(upTo) <= 0
          && (above == null || p.minSeverity().compareTo(above) > 0)) {
        out.addAll(p.tasks());
      }
    }
    return out;
  }

  /** How an active incident of this type closes roads, if it does. */
  public Optional<ClosureRule> closureRule(IncidentType type) {
    return Optional.ofNullable(closures.get(type));
  }

  /** The bases of every agency whose units are routed on the road graph. */
  public List<BaseSpec> fleet() {
    return agencies.values().stream().flatMap(a -> a.baseSpec().stream()).toList();
  }
}
