package io.citytwin.twin.rule;

import java.util.Arrays;

/**
 * Per-slot evaluation state of one {@link Condition} over many (sensor) slots, in primitive
 * arrays so that a reading allocates nothing. Not thread-safe; owned by an {@link EngineState}.
 *
 * <p>Every slot remembers the measurement time of its last reading: a reading not newer than it
 * (a redelivery, or a late one) returns {@link #SKIP} and changes nothing.
 */
abstract sealed class ConditionState permits ConditionState.LevelState, ConditionState.RateState {
  static final long NONE = Long.MIN_VALUE;
  /** The reading was not newer than the slot's last one and was ignored. */
  static final int SKIP = -1;
  /** Not in the condition (yet). */
  static final int IDLE = 0;
  /** Entered the condition at this reading. */
  static final int ENTER = 1;
  /** Was and stays in the condition. */
  static final int ACTIVE = 2;
  /** Left the condition at this reading. */
  static final int LEAVE = 3;

  final long[] lastTs;
  final boolean[] active;
  /** The value (level) or rate per minute (rate) at the last reading that produced one. */
  final double[] metric;
  /** Start of the current run in the condition: its first reading (level) or reference (rate). */
  final long[] onsetTs;
  final double[] onsetValue;

  ConditionState(int slots) {
    lastTs = new long[slots];
    Arrays.fill(lastTs, NONE);
    active = new boolean[slots];
    metric = new double[slots];
    onsetTs = new long[slots];
    Arrays.fill(onsetTs, NONE);
    onsetValue = new double[slots];
  }

  ConditionState(ConditionState o) {
    lastTs = o.lastTs.clone();
    active = o.active.clone();
    metric = o.metric.clone();
    onsetTs = o.onsetTs.clone();
    onsetValue = o.onsetValue.clone();
  }

  static ConditionState of(Condition c, int slots) {
    return c instanceof Condition.Level l ? new LevelState(l, slots) : new RateState((Condition.Rate) c, slots);
  }

  /** Feeds one reading of slot {@code i}; returns SKIP, IDLE, ENTER, ACTIVE or LEAVE. */
  abstract int update(int i, long ts, double value);

  abstract ConditionState copy();

  /** {@link Condition.Level}: hysteresis and minimum duration. */
  static final class LevelState extends ConditionState {
    private final Condition.Level c;

    LevelState(Condition.Level c, int slots) {
      super(slots);
      this.c = c;
    }

    private LevelState(LevelState o) {
      super(o);
      this.c = o.c;
    }

    @Override
    int update(int i, long ts, double v) {
      if (lastTs[i] != NONE && ts <= lastTs[i]) {
        return SKIP;
      }
      lastTs[i] = ts;
      metric[i] = v;
      if (active[i]) {
        if (c.leaves(v)) {
          active[i] = false;
          onsetTs[i] = NONE;
          return LEAVE;
        }
        return ACTIVE;
      }
      if (!c.enters(v)) {
        onsetTs[i] = NONE;
        return IDLE;
      }
      if (onsetTs[i] == NONE) {
        onsetTs[i] = ts;
        onsetValue[i] = v;
      }
      if (ts - onsetTs[i] >= c.minDurationMillis()) {
        active[i] = true;
        return ENTER;
      }
      return IDLE;
    }

    @Override
    ConditionState copy() {
      return new LevelState(this);
    }
  }

  /**
   * {@link Condition.Rate}: a ring of samples per slot, kept at least a sixteenth of the window
   * apart so that a fixed ring covers the whole window at any reporting rate.
   */
  static final class RateState extends ConditionState {
    static final int RING = 18;
    private final Condition.Rate c;
    private final long spacing;
    private final long[] ringTs;
    private final double[] ringValue;
    /** Index (within the slot's ring) of the oldest sample, and number of samples. */
    private final int[] head;
    private final int[] size;

    RateState(Condition.Rate c, int slots) {
      super(slots);
      this.c = c;
      this.spacing = Math.max(1, c.windowMillis() / 16);
      ringTs = new long[slots * RING];
      ringValue = new double[slots * RING];
      head = new int[slots];
      size = new int[slots];
    }

    private RateState(RateState o) {
      super(o);
      c = o.c;
      spacing = o.spacing;
      ringTs = o.ringTs.clone();
      ringValue = o.ringValue.clone();
      head = o.head.clone();
      size = o.size.clone();
    }

    @Override
    int update(int i, long ts, double v) {
      if (lastTs[i] != NONE && ts <= lastTs[i]) {
        return SKIP;
      }
      lastTs[i] = ts;
      int base = i * RING;
      while (size[i] > 0 && ts - ringTs[base + head[i]] > c.windowMillis()) {
        pop(i);
      }
      long refTs = size[i] > 0 ? ringTs[base + head[i]] : NONE;
      double refValue = size[i] > 0 ? ringValue[base + head[i]] : 0;
      long newest = size[i] > 0 ? ringTs[base + (head[i] + size[i] - 1) % RING] : NONE;
      if (newest == NONE || ts - newest >= spacing) {
        if (size[i] == RING) {
          pop(i);
        }
        int at = base + (head[i] + size[i]) % RING;
        ringTs[at] = ts;
        ringValue[at] = v;
        size[i]++;
      }
      if (refTs == NONE || 2 * (ts - refTs) < c.windowMillis()) {
        return active[i] ? ACTIVE : IDLE;
      }
      double rate = (v - refValue) * 60_000.0 / (ts - refTs);
      metric[i] = rate;
      double oriented = c.oriented(rate);
      if (active[i]) {
        if (oriented <= c.clearPerMinute()) {
          active[i] = false;
          onsetTs[i] = NONE;
          return LEAVE;
        }
        return ACTIVE;
      }
      if (oriented > c.perMinute()) {
        active[i] = true;
        onsetTs[i] = refTs;
        onsetValue[i] = refValue;
        return ENTER;
      }
      return IDLE;
    }

    private void pop(int i) {
      head[i] = (head[i] + 1) % RING;
      size[i]--;
    }

    @Override
    ConditionState copy() {
      return new RateState(this);
    }
  }
}
