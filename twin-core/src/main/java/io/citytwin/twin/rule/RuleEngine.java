package io.citytwin.twin.rule;

import io.citytwin.twin.cim.CitySnapshot;
import io.citytwin.twin.live.LiveEvent;
import io.citytwin.twin.sensor.SensorRegistry;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a city's rules against telemetry and raises {@link Alarm}s: the step from readings to
 * incidents. Built once per rule set, sensor registry and city (rebuild it when any of them
 * changes, and carry the state over with {@link #adopt}); then immutable and safe to share.
 *
 * <p>Evaluation is deterministic and clock-free: every call takes the {@link EngineState} to
 * advance and the time it is about, and returns the alarms it raised, oldest first. Measurement
 * times of readings drive durations, windows and rates; the platform time passed to {@link
 * #evaluate} and {@link #tick} drives only no-signal rules. The engine resolves every sensor's
 * places (building, district, road, named area) when it is built, so a reading costs one hash
 * lookup plus the rules bound to that sensor and quantity, and allocates nothing unless an alarm
 * fires.
 *
 * <p>Idempotent: each rule remembers, per sensor, the measurement time of the last reading it
 * took; a reading not newer than that (a redelivery, or a late arrival) changes nothing. Replaying
 * readings therefore neither advances windows nor counts twice nor fires twice.
 *
 * <p>Firing (see each rule kind for details): a rule fires when its condition is entered, not on
 * every reading while it holds; it fires again only after the condition cleared (hysteresis), or
 * at the escalation severity when the escalation level is reached, or at most once per the rule's
 * re-fire interval ({@link Rule#refireMillis()}) while it holds. The incident layer correlates the
 * repeats by {@code (type, placeKey)}.
 */
public final class RuleEngine {
  private static final int ANY = Quantity.values().length;
  private static final int[] NONE = new int[0];

  private final RuleSet rules;
  private final Evaluator[] evaluators;
  /** Sensor id to, per quantity ordinal (and ANY for any quantity), pairs {evaluator, slot}. */
  private final Map<String, int[][]> routes;
  private final int[] tickers;
  private final int[] hazardWatchers;

  private RuleEngine(RuleSet rules, Evaluator[] evaluators) {
    this.rules = rules;
    this.evaluators = evaluators;
    Map<String, List<List<Integer>>> build = new HashMap<>();
    List<Integer> tick = new ArrayList<>();
    List<Integer> hazards = new ArrayList<>();
    for (int e = 0; e < evaluators.length; e++) {
      Evaluator ev = evaluators[e];
      List<String> sensors = ev.slotSensors();
      for (int slot = 0; slot < sensors.size(); slot++) {
        List<List<Integer>> byQuantity = build.computeIfAbsent(sensors.get(slot), id -> emptyRoute());
        byQuantity.get(routeIndex(ev, slot)).addAll(List.of(e, slot));
      }
      if (ev.rule.spec() instanceof RuleSpec.NoSignal n && n.silentMillis() > 0) {
        tick.add(e);
      }
      if (ev.rule.spec() instanceof RuleSpec.Geofence g && g.subject() == RuleSpec.Geofence.Subject.HAZARDS) {
        hazards.add(e);
      }
    }
    Map<String, int[][]> compact = new HashMap<>();
    build.forEach((id, lists) -> compact.put(id, lists.stream()
        .map(l -> l.isEmpty() ? NONE : l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new)));
    this.routes = compact;
    this.tickers = tick.stream().mapToInt(Integer::intValue).toArray();
    this.hazardWatchers = hazards.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * An engine for {@code rules} on the sensors of {@code registry} and the places of {@code city}.
   * Sensors a rule selects that are no longer registered are simply not watched.
   */
  public static RuleEngine of(RuleSet rules, SensorRegistry registry, CitySnapshot city) {
    Objects.requireNonNull(rules, "rules");
    Places places = new Places(city, rules.areas());
    List<Evaluator> evaluators = new ArrayList<>(rules.rules().size());
    for (Rule rule : rules.rules()) {
      evaluators.add(Bindings.evaluator(rule, registry, places));
    }
    return new RuleEngine(rules, evaluators.toArray(Evaluator[]::new));
  }

  private static List<List<Integer>> emptyRoute() {
    List<List<Integer>> lists = new ArrayList<>(ANY + 1);
    for (int i = 0; i <= ANY; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static int routeIndex(Evaluator ev, int slot) {
    Quantity q = ev.slotQuantity(slot);
    return q == null ? ANY : q.ordinal();
  }

  /** The rules this engine evaluates. */
  public RuleSet rules() {
    return rules;
  }

  /** Ids of the sensors the rule watches (each once, in registry order); empty for an unknown id. */
  public List<String> watchedSensors(String ruleId) {
    for (Evaluator e : evaluators) {
      if (e.rule.id().equals(ruleId)) {
        return e.slotSensors().stream().distinct().toList();
      }
    }
    return List.of();
  }

  /** A fresh state of live telemetry: nothing seen, nothing fired. */
  public EngineState newState() {
    return newState(false);
  }

  /**
   * A fresh state. Keep drill telemetry in a state of its own ({@code exercise = true}): its
   * windows never mix with live ones, and every alarm it raises is marked {@link Alarm#exercise()}.
   */
  public EngineState newState(boolean exercise) {
    RuleState[] states = new RuleState[evaluators.length];
    for (int i = 0; i < evaluators.length; i++) {
      states[i] = evaluators[i].newState();
    }
    return new EngineState(this, states, exercise);
  }

  /**
   * The state of this engine that continues {@code previousState} of {@code previous} (after a
   * rule file reload or a registry change): rules whose definition and sensor bindings did not
   * change keep their state (a copy), new or changed rules start fresh. {@code previousState} is
   * not modified.
   */
  public EngineState adopt(RuleEngine previous, EngineState previousState) {
    previous.check(previousState);
    EngineState next = newState(previousState.exercise);
    next.firstTickMillis = previousState.firstTickMillis;
    Map<String, Integer> old = new HashMap<>();
    for (int i = 0; i < previous.evaluators.length; i++) {
      old.put(previous.evaluators[i].rule.id(), i);
    }
    for (int i = 0; i < evaluators.length; i++) {
      Integer j = old.get(evaluators[i].rule.id());
      if (j != null && evaluators[i].signature().equals(previous.evaluators[j].signature())) {
        next.rules[i] = previousState.rules[j].copy();
      }
    }
    return next;
  }

  /**
   * Feeds a batch of validated readings received at {@code receivedAtMillis} (platform time, for
   * no-signal rules). Readings of sensors no rule watches are skipped.
   *
   * @return the alarms raised, in the order of the readings that raised them
   */
  public List<Alarm> evaluate(EngineState state, List<Reading> readings, long receivedAtMillis) {
    check(state);
    Firing out = new Firing(state.exercise);
    for (int i = 0, n = readings.size(); i < n; i++) {
      Reading r = readings.get(i);
      int[][] route = routes.get(r.sensorId());
      if (route != null) {
        dispatch(state, route[r.quantity().ordinal()], r, receivedAtMillis, out);
        dispatch(state, route[ANY], r, receivedAtMillis, out);
      }
    }
    return out.result();
  }

  private void dispatch(EngineState state, int[] pairs, Reading r, long receivedAtMillis, Firing out) {
    for (int k = 0; k < pairs.length; k += 2) {
      evaluators[pairs[k]].reading(state.rules[pairs[k]], pairs[k + 1], r, receivedAtMillis, out);
    }
  }

  /**
   * The platform clock reads {@code nowMillis}: no-signal rules check for silent sensors. Call it
   * periodically (every few seconds); the first call is when silence of never-heard sensors
   * starts to count.
   */
  public List<Alarm> tick(EngineState state, long nowMillis) {
    check(state);
    if (state.firstTickMillis == EngineState.NO_TICK) {
      state.firstTickMillis = nowMillis;
    }
    Firing out = new Firing(state.exercise);
    for (int e : tickers) {
      evaluators[e].tick(state.rules[e], nowMillis, state.firstTickMillis, out);
    }
    return out.result();
  }

  /**
   * The live twin changed a sensor's status (see {@link io.citytwin.twin.live.LiveDecisions}):
   * no-signal rules listening to that status raise their alarm; a change back to ok re-arms them.
   */
  public List<Alarm> statusChanged(EngineState state, LiveEvent.StatusChanged change) {
    check(state);
    int[][] route = routes.get(change.sensorId());
    if (route == null) {
      return List.of();
    }
    Firing out = new Firing(state.exercise);
    int[] pairs = route[ANY];
    for (int k = 0; k < pairs.length; k += 2) {
      evaluators[pairs[k]].status(state.rules[pairs[k]], pairs[k + 1], change.to(), change.atMillis(), out);
    }
    return out.result();
  }

  /** A hazard moved: geofence rules on hazards check it against their fences. */
  public List<Alarm> hazard(EngineState state, Hazard hazard) {
    check(state);
    Firing out = new Firing(state.exercise);
    for (int e : hazardWatchers) {
      evaluators[e].hazard(state.rules[e], hazard, out);
    }
    return out.result();
  }

  private void check(EngineState state) {
    if (Objects.requireNonNull(state, "state").engine != this) {
      throw new IllegalArgumentException(
          "the state belongs to another engine; carry it over with adopt(previous, state)");
    }
  }
}
