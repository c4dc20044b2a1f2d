package io.citytwin.twin.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the alarms of one engine call. The list is only allocated when something fires, so the
 * common call (nothing fires) allocates nothing but this object.
 */
final class Firing {
  final boolean exercise;
  private List<Alarm> alarms;

  Firing(boolean exercise) {
    this.exercise = exercise;
  }

  void add(Alarm a) {
    if (alarms == null) {
      alarms = new ArrayList<>(2);
    }
    alarms.add(a);
  }

  List<Alarm> result() {
    return alarms == null ? List.of() : Collections.unmodifiableList(alarms);
  }
}
