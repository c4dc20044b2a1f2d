package io.citytwin.twin.rule;

import io.citytwin.twin.live.SensorStatus;
import io.citytwin.twin.telemetry.Quantity;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a rule watches for; one record per rule kind. */
public sealed interface RuleSpec {

  /** The rule kind as written in rule files, e.g. {@code rate_of_change}. */
  String kind();

  /** A quantity beyond a level at one sensor, keyed by {@code place} of that sensor. */
  record Threshold(Condition.Level condition, PlaceLevel place) implements RuleSpec {
    public Threshold {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(place, "place");
    }

    @Override
    public String kind() {
      return "threshold";
    }
  }

  /** A quantity changing faster than a rate at one sensor, keyed by {@code place}. */
  record RateOfChange(Condition.Rate condition, PlaceLevel place) implements RuleSpec {
    public RateOfChange {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(place, "place");
    }

    @Override
    public String kind() {
      return "rate_of_change";
    }
  }

  /**
   * A sensor silent too long: longer than {@code silentMillis} of platform time between its last
   * new reading and a clock tick, and/or reported by the live twin in one of {@code onStatus}.
   *
   * @param silentMillis positive, or 0 when only status changes drive the rule
   * @param onStatus live statuses that raise the alarm; empty when only ticks drive it
   */
  record NoSignal(long silentMillis, Set<SensorStatus> onStatus, PlaceLevel place)
      implements RuleSpec {
    public NoSignal {
      onStatus = onStatus.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(onStatus));
      Objects.requireNonNull(place, "place");
      if (silentMillis < 0 || (silentMillis == 0 && onStatus.isEmpty())) {
        throw new IllegalArgumentException("no_signal needs a positive silence or a status");
      }
      if (onStatus.contains(SensorStatus.OK)) {
        throw new IllegalArgumentException("'ok' is not a failure status");
      }
    }

    @Override
    public String kind() {
      return "no_signal";
    }
  }

  /**
   * A position inside (or outside) a fence: a sensor reading's reported position (else, when
   * {@code useRegisteredLocation}, the sensor's registered one), or a {@link Hazard}'s position.
   *
   * @param hazardIds for {@link Subject#HAZARDS}: the hazards watched, empty = all
   * @param quantity for sensors: only readings of this quantity, or null for any reading
   * @param value for sensors: an optional further condition on the reading's value (level only:
   *     its clear level and minimum duration are not used), or null
   * @param keyByFence alarms keyed by the fence (else by the sensor, with its position as area);
   *     always true for hazards
   */
  record Geofence(
      Subject subject, Set<String> hazardIds, Quantity quantity, Condition.Level value,
      Fence fence, Trigger trigger, boolean keyByFence, boolean useRegisteredLocation)
      implements RuleSpec {
    public Geofence {
      Objects.requireNonNull(subject, "subject");
      hazardIds = Set.copyOf(hazardIds);
      Objects.requireNonNull(fence, "fence");
      Objects.requireNonNull(trigger, "trigger");
      if (value != null && value.quantity() != quantity) {
        throw new IllegalArgumentException("value condition on another quantity than the rule's");
      }
      if (subject == Subject.HAZARDS && (quantity != null || !keyByFence)) {
        throw new IllegalArgumentException("hazard geofences have no quantity and key by fence");
      }
    }

    @Override
    public String kind() {
      return "geofence";
    }

    public enum Subject { SENSORS, HAZARDS }

    public enum Trigger { INSIDE, OUTSIDE }
  }

  /**
   * Area correlation: at least {@code minCount} members of one group in their condition within
   * {@code windowMillis} of measurement time. A member is one (sensor, condition) pair; it counts
   * at a reading of time t when it had a reading in its condition at a time within the window of
   * t. Groups are the places of {@code groupBy} (a sensor without such a place is in no group).
   */
  record Correlation(List<Condition> members, PlaceLevel groupBy, int minCount, long windowMillis)
      implements RuleSpec {
    public Correlation {
      members = List.copyOf(members);
      Objects.requireNonNull(groupBy, "groupBy");
      if (members.isEmpty() || groupBy == PlaceLevel.SENSOR && members.size() < 2) {
        throw new IllegalArgumentException("a correlation needs members to correlate");
      }
      if (minCount < 1 || windowMillis <= 0) {
        throw new IllegalArgumentException("minCount and window must be positive");
      }
    }

    @Override
    public String kind() {
      return "correlation";
    }
  }
}
