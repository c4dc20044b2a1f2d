package io.citytwin.sim.epidemic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.citytwin.geo.layer.District;
import io.citytwin.sim.epidemic.population.AgeBands;
import io.citytwin.sim.scenario.Params;
import io.citytwin.sim.scenario.Scenario;
import io.citytwin.sim.scenario.ScenarioInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a scenario's interventions into {@link Measure}s, naming the JSON path of any error. */
final class Measures {
  static final List<String> ACTIONS =
      List.of("close_schools", "lockdown_district", "masks", "test_and_isolate", "vaccinate");
  private static final long DAY_MS = Duration.ofDays(1).toMillis();

  private Measures() {}

  static List<Measure> parse(Scenario scenario, List<District> districts, Set<String> metrics) {
    List<Measure> out = new ArrayList<>();
    List<Scenario.Intervention> list = scenario.interventions();
    for (int i = 0; i < list.size(); i++) {
      out.add(parse(scenario.source(), i, list.get(i), districts, metrics));
    }
    return List.copyOf(out);
  }

  private static Measure parse(String source, int i, Scenario.Intervention in,
      List<District> districts, Set<String> metrics) {
    String at = "interventions[" + i + "]";
    Params p = in.parameters() != null ? in.parameters()
        : new Params(source, at + ".parameters", JsonNodeFactory.instance.objectNode());
    String action = in.action() == null ? "" : in.action().toLowerCase(Locale.ROOT);
    Effect effect = switch (action) {
      case "close_schools" -> {
        p.onlyKnown(Set.of("duration"));
        yield new Effect.CloseSchools();
      }
      case "lockdown_district" -> lockdown(p, districts);
      case "masks" -> {
        p.onlyKnown(Set.of("transmissionFactor", "duration"));
        yield new Effect.Masks(p.number("transmissionFactor", 0, 1, 0.7));
      }
      case "test_and_isolate" -> {
        p.onlyKnown(Set.of("symptomaticDetection", "asymptomaticDetection", "isolation",
            "householdIsolation", "duration"));
        yield new Effect.TestAndIsolate(p.number("symptomaticDetection", 0, 1, 0.5),
            p.number("asymptomaticDetection", 0, 1, 0.05), p.number("isolation", 0, 1, 0.9),
            p.number("householdIsolation", 0, 1, 0));
      }
      case "vaccinate" -> vaccinate(p);
      default -> throw new ScenarioInputException(source, at + ".action",
          "'" + in.action() + "' is not an epidemic action (known: " + String.join(", ", ACTIONS) + ")");
    };
    int days = p.has("duration") ? wholeDaysUp(p.duration("duration")) : -1;
    if (in.at() != null && in.whenMetric() != null) {
      throw new ScenarioInputException(source, at, "give either 'at' or 'whenMetric', not both");
    }
    if (in.at() != null) {
      if (in.at().isNegative()) {
        throw new ScenarioInputException(source, at + ".at", "must not be negative, was " + in.at());
      }
      return new Measure(i, action, effect, wholeDaysUp(in.at()), null, Double.NaN, days);
    }
    if (in.whenMetric() == null) {
      throw new ScenarioInputException(source, at, "needs 'at' or 'whenMetric' and 'above'");
    }
    if (!metrics.contains(in.whenMetric())) {
      throw new ScenarioInputException(source, at + ".whenMetric", "'" + in.whenMetric()
          + "' is not an epidemic metric (known: " + String.join(", ", metrics) + ")");
    }
    if (!Double.isFinite(in.above())) {
      throw new ScenarioInputException(source, at + ".above", "must be a finite number");
    }
    return new Measure(i, action, effect, -1, in.whenMetric(), in.above(), days);
  }

  private static Effect lockdown(Params p, List<District> districts) {
    p.onlyKnown(Set.of("district", "contactReduction", "duration"));
    String name = p.text("district");
    for (int d = 0; d < districts.size(); d++) {
      District x = districts.get(d);
      if (x.id().equalsIgnoreCase(name) || x.code().equalsIgnoreCase(name)
          || x.name().equalsIgnoreCase(name)) {
        return new Effect.Lockdown(d, x.code(), p.number("contactReduction", 0, 1, 0.8));
      }
    }
    throw p.fail("district", "'" + name + "' is not a district of the city (known: "
        + String.join(", ", districts.stream().map(District::code).toList()) + ")");
  }

  private static Effect vaccinate(Params p) {
    p.onlyKnown(Set.of("dailyRate", "coverage", "efficacy", "minAge", "priority", "duration"));
    String priority = p.has("priority") ? p.choice("priority", List.of("oldest_first", "random"))
        : "oldest_first";
    return new Effect.Vaccinate(p.number("dailyRate", 0, 1, 0.005), p.number("coverage", 0, 1, 0.8),
        p.number("efficacy", 0, 1, 0.9), p.integer("minAge", 0, AgeBands.MAX_AGE, 12),
        priority.equals("oldest_first"));
  }

  /** Whole days, rounding a partial day up (an intervention at PT36H starts on day 2). */
  static int wholeDaysUp(Duration d) {
    long ms = d.toMillis();
    return (int) Math.min(Integer.MAX_VALUE, (ms + DAY_MS - 1) / DAY_MS);
  }
}
