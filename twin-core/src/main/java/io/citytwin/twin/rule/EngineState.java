package io.citytwin.twin.rule;

/**
 * Everything a {@link RuleEngine} remembers between calls: per rule, per sensor where a condition
 * stands, windows, what has fired. It is the whole memory of evaluation: the engine keeps none of
 * its own and reads no clock, so the same calls on equal states give equal alarms.
 *
 * <p>Mutable for speed: engine calls advance the state they are given in place (at tens of
 * thousands of readings per second, copying state per reading would cost more than evaluating).
 * {@link #copy()} takes an independent snapshot, e.g. to replay or branch. Not thread-safe: one
 * owner (the twin's event loop) passes it to the engine that made it.
 */
public final class EngineState {
  static final long NO_TICK = Long.MIN_VALUE;
  final RuleEngine engine;
  final RuleState[] rules;
  final boolean exercise;
  long firstTickMillis = NO_TICK;

  EngineState(RuleEngine engine, RuleState[] rules, boolean exercise) {
    this.engine = engine;
    this.rules = rules;
    this.exercise = exercise;
  }

  /** An independent deep copy; advancing one does not change the other. */
  public EngineState copy() {
    RuleState[] copied = new RuleState[rules.length];
    for (int i = 0; i < rules.length; i++) {
      copied[i] = rules[i].copy();
    }
    EngineState c = new EngineState(engine, copied, exercise);
    c.firstTickMillis = firstTickMillis;
    return c;
  }

  /** Whether alarms from this state are drill alarms ({@link Alarm#exercise()}). */
  public boolean exercise() {
    return exercise;
  }
}
