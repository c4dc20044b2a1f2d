package io.citytwin.twin.rule;

import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Area correlation: k of a group's members in their condition within a window.
 *
 * <p>A slot is one member (sensor and member condition) in one group. After every new reading of
 * a member the group is counted at that reading's time t: a member counts when its latest reading
 * in its condition is within the window of t. Fires when the count reaches {@code minCount} (the
 * group enters), again at the escalated severity when it reaches the escalation count, and, with a
 * re-fire interval, again every interval while it stays at or above {@code minCount}. The group
 * re-arms when a count at a member's reading falls below {@code minCount}.
 */
final class CorrelationEvaluator extends Evaluator {
  private static final long NONE = ConditionState.NONE;
  private final RuleSpec.Correlation spec;
  private final Sensor[] slotSensor;
  private final int[] slotMember;
  private final int[] slotLocal;
  private final int[] slotGroup;
  private final int[] memberSlots;
  private final PlaceRef[] groups;
  private final int[][] groupSlots;

  /** One binding: a sensor, the index of a member condition it can satisfy, a group it is in. */
  record Binding(Sensor sensor, int member, PlaceRef group) {}

  CorrelationEvaluator(Rule rule, List<Binding> bindings) {
    super(rule);
    this.spec = (RuleSpec.Correlation) rule.spec();
    int n = bindings.size();
    slotSensor = new Sensor[n];
    slotMember = new int[n];
    slotLocal = new int[n];
    slotGroup = new int[n];
    memberSlots = new int[spec.members().size()];
    Map<String, Integer> groupIndex = new HashMap<>();
    List<PlaceRef> places = new ArrayList<>();
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Binding b = bindings.get(i);
      slotSensor[i] = b.sensor();
      slotMember[i] = b.member();
      slotLocal[i] = memberSlots[b.member()]++;
      int g = groupIndex.computeIfAbsent(b.group().key(), key -> {
        places.add(b.group());
        members.add(new ArrayList<>());
        return places.size() - 1;
      });
      slotGroup[i] = g;
      members.get(g).add(i);
    }
    groups = places.toArray(PlaceRef[]::new);
    groupSlots = members.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  private static final class State extends RuleState {
    final ConditionState[] members;
    final long[] lastActiveTs;
    final double[] lastActiveValue;
    final boolean[] groupActive;
    final boolean[] groupEscalated;
    final long[] groupLastFired;

    State(ConditionState[] members, int slots, int groups) {
      this.members = members;
      lastActiveTs = new long[slots];
      Arrays.fill(lastActiveTs, NONE);
      lastActiveValue = new double[slots];
      groupActive = new boolean[groups];
      groupEscalated = new boolean[groups];
      groupLastFired = new long[groups];
    }

    private State(State o) {
      members = new ConditionState[o.members.length];
      for (int i = 0; i < members.length; i++) {
        members[i] = o.members[i].copy();
      }
      lastActiveTs = o.lastActiveTs.clone();
      lastActiveValue = o.lastActiveValue.clone();
      groupActive = o.groupActive.clone();
      groupEscalated = o.groupEscalated.clone();
      groupLastFired = o.groupLastFired.clone();
    }

    @Override
    RuleState copy() {
      return new State(this);
    }
  }

  @Override
  RuleState newState() {
    ConditionState[] members = new ConditionState[spec.members().size()];
    for (int m = 0; m < members.length; m++) {
      members[m] = ConditionState.of(spec.members().get(m), memberSlots[m]);
    }
    return new State(members, slotSensor.length, groups.length);
  }

  @Override
  List<String> slotSensors() {
    List<String> ids = new ArrayList<>(slotSensor.length);
    for (Sensor s : slotSensor) {
      ids.add(s.id());
    }
    return ids;
  }

  @Override
  Quantity slotQuantity(int slot) {
    return spec.members().get(slotMember[slot]).quantity();
  }

  @Override
  List<Object> signature() {
    List<String> groupKeys = new ArrayList<>();
    for (int g : slotGroup) {
      groupKeys.add(groups[g].key());
    }
    return List.of(rule, slotSensors(), List.of(groups), groupKeys, Arrays.stream(slotMember).boxed().toList());
  }

  @Override
  void reading(RuleState rs, int slot, Reading r, long receivedAtMillis, Firing out) {
    State s = (State) rs;
    long ts = r.timestampMillis();
    int event = s.members[slotMember[slot]].update(slotLocal[slot], ts, r.value());
    if (event == ConditionState.SKIP) {
      return;
    }
    if (event == ConditionState.ENTER || event == ConditionState.ACTIVE) {
      s.lastActiveTs[slot] = ts;
      s.lastActiveValue[slot] = r.value();
    }
    int g = slotGroup[slot];
    int count = count(s, g, ts);
    if (count < spec.minCount()) {
      s.groupActive[g] = false;
      s.groupEscalated[g] = false;
      return;
    }
    boolean escalate = rule.escalation() != null && !s.groupEscalated[g] && count >= rule.escalation().at();
    if (!s.groupActive[g] || escalate
        || rule.refireMillis() > 0 && ts - s.groupLastFired[g] >= rule.refireMillis()) {
      s.groupActive[g] = true;
      s.groupEscalated[g] |= escalate;
      s.groupLastFired[g] = ts;
      fire(s, g, count, ts, out);
    }
  }

  private int count(State s, int g, long ts) {
    int count = 0;
    for (int slot : groupSlots[g]) {
      long t = s.lastActiveTs[slot];
      if (t != NONE && Math.abs(ts - t) <= spec.windowMillis()) {
        count++;
      }
    }
    return count;
  }

  private void fire(State s, int g, int count, long ts, Firing out) {
    List<Evidence> evidence = new ArrayList<>(count);
    for (int slot : groupSlots[g]) {
      long t = s.lastActiveTs[slot];
      if (t != NONE && Math.abs(ts - t) <= spec.windowMillis()) {
        Condition c = spec.members().get(slotMember[slot]);
        evidence.add(new Evidence(slotSensor[slot].id(), c.quantity(), s.lastActiveValue[slot], t));
      }
    }
    evidence.sort(Comparator.comparingLong(Evidence::timestampMillis));
    String what = spec.members().size() == 1 ? " sensors" : " signals";
    String detail = count + " of " + groupSlots[g].length + what + " within " + duration(spec.windowMillis());
    out.add(alarm(severity(s.groupEscalated[g]), groups[g], detail, evidence, ts, out));
  }
}
