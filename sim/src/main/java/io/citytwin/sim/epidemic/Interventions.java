package io.citytwin.sim.epidemic;

import io.citytwin.sim.epidemic.population.SyntheticPopulation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which interventions are in force on which day, for one run. Date triggers start on their day;
 * threshold triggers start on the day after the first frame whose metric exceeds the threshold.
 * Each stays in force for its duration or to the end. When several of a kind are in force, the one
 * switched on last sets the parameters (for lockdowns: per district).
 */
final class Interventions {
  private static final int NEVER = Integer.MAX_VALUE;

  private final List<Measure> measures;
  private final int[] start;
  private final int[] end;
  private final String[] reason;
  private final Campaign[] campaigns;

  Interventions(List<Measure> measures, SyntheticPopulation pop, long seed) {
    this.measures = measures;
    int n = measures.size();
    start = new int[n];
    end = new int[n];
    reason = new String[n];
    campaigns = new Campaign[n];
    for (int k = 0; k < n; k++) {
      Measure m = measures.get(k);
      start[k] = m.atDay() >= 0 ? m.atDay() : NEVER;
      end[k] = endOf(m, start[k]);
      reason[k] = m.atDay() >= 0 ? "scheduled for day " + m.atDay() : null;
      if (m.effect() instanceof Effect.Vaccinate v) {
        campaigns[k] = Campaign.of(v, pop, Draws.mix(seed + 31L * (k + 1)));
      }
    }
  }

  private static int endOf(Measure m, int start) {
    return start == NEVER || m.days() < 0 ? NEVER : start + m.days();
  }

  /** Rebuilds {@code policy} for {@code day}; notes what is switched on or lifted that day. */
  void startDay(int day, Policy policy, List<String> notes) {
    policy.reset();
    List<Integer> inForce = new ArrayList<>();
    for (int k = 0; k < measures.size(); k++) {
      if (start[k] == day) {
        notes.add("day " + day + ": " + measures.get(k).label() + " switched on (" + reason[k] + ")");
      }
      if (end[k] == day) {
        notes.add("day " + day + ": " + measures.get(k).label() + " lifted");
      }
      if (start[k] <= day && day < end[k]) {
        inForce.add(k);
      }
    }
    inForce.sort(Comparator.<Integer>comparingInt(k -> start[k]).thenComparingInt(k -> k));
    for (int k : inForce) {
      measures.get(k).effect().apply(policy);
    }
  }

  /** Vaccination campaigns in force on {@code day}. */
  List<Campaign> campaigns(int day) {
    List<Campaign> out = new ArrayList<>(1);
    for (int k = 0; k < measures.size(); k++) {
      if (campaigns[k] != null && start[k] <= day && day < end[k]) {
        out.add(campaigns[k]);
      }
    }
    return out;
  }

  /** Whether a campaign in force on {@code day} still has people to vaccinate. */
  boolean vaccinating(int day) {
    return campaigns(day).stream().anyMatch(Campaign::hasNext);
  }

  /**
   * Arms threshold triggers after a frame: one whose metric exceeds its threshold starts on {@code
   * nextDay}.
   */
  void afterFrame(int nextDay, Map<String, Double> metrics) {
    for (int k = 0; k < measures.size(); k++) {
      Measure m = measures.get(k);
      Double v = m.metric() == null || start[k] != NEVER ? null : metrics.get(m.metric());
      if (v != null && v > m.above()) {
        start[k] = nextDay;
        end[k] = endOf(m, nextDay);
        reason[k] = m.metric() + " " + format(v) + " > " + format(m.above());
      }
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
  }

  /** One entry per intervention: action, trigger, first and last day in force (null if never). */
  List<Map<String, Object>> summary(int daysSimulated) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < measures.size(); k++) {
      Measure m = measures.get(k);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", m.index());
      e.put("action", m.action());
      e.put("trigger", m.metric() == null ? "day " + m.atDay() : m.metric() + " > " + format(m.above()));
      boolean started = start[k] < daysSimulated;
      e.put("firstDay", started ? start[k] : null);
      e.put("lastDay", started ? Math.min(end[k], daysSimulated) - 1 : null);
      e.put("reason", started ? reason[k] : null);
      out.add(e);
    }
    return out;
  }
}
