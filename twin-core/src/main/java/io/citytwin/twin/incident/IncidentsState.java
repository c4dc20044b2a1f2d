package io.citytwin.twin.incident;

import io.citytwin.twin.incident.IncidentEvent.AlarmCorrelated;
import io.citytwin.twin.incident.IncidentEvent.IncidentOpened;
import io.citytwin.twin.incident.IncidentEvent.StatusChanged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Every incident of the city, in the Ditto style of {@link io.citytwin.twin.state.TwinState}:
 * commands are decided into events by the linked-disposal engine, and events change this state
 * only through the pure function {@link #apply(IncidentsState, IncidentEvent)}. Immutable and
 * thread-safe; replaying a journal of events onto {@link #initial()} rebuilds it exactly.
 *
 * <p>Invariants kept by the engine: at most one active incident per (type, place, exercise); a
 * rule's alarms about a place are accepted in time order only.
 */
public final class IncidentsState {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

  private final long revision;
  private final long opened;
  private final Map<String, Incident> incidents;
  private final Map<CorrelationKey, String> active;
  private final Map<AlarmKey, Long> alarmWatermarks;

  private IncidentsState(
      long revision, long opened, Map<String, Incident> incidents,
      Map<CorrelationKey, String> active, Map<AlarmKey, Long> alarmWatermarks) {
    this.revision = revision;
    this.opened = opened;
    this.incidents = incidents;
    this.active = active;
    this.alarmWatermarks = alarmWatermarks;
  }

  public static IncidentsState initial() {
    return new IncidentsState(0, 0, Map.of(), Map.of(), Map.of());
  }

  /** Sequence number of the last applied event, 0 initially. */
  public long revision() {
    return revision;
  }

  /** Incidents ever opened; the next one gets number {@code openedCount() + 1}. */
  public long openedCount() {
    return opened;
  }

  /** The id the next incident opened at {@code atMillis} gets. */
  public String nextIncidentId(long atMillis) {
    return String.format("INC-%s-%04d", DAY.format(Instant.ofEpochMilli(atMillis)), opened + 1);
  }

  /** All incidents in the order they were opened. */
  public Collection<Incident> incidents() {
    return Collections.unmodifiableCollection(incidents.values());
  }

  public Optional<Incident> incident(String id) {
    return Optional.ofNullable(incidents.get(id));
  }

  /** Active incidents in the order they were opened. */
  public List<Incident> activeIncidents() {
    return active.values().stream().map(incidents::get).toList();
  }

  /** The active incident alarms of this type, place and exercise flag correlate into. */
  public Optional<Incident> activeIncident(IncidentType type, String placeKey, boolean exercise) {
    return Optional.ofNullable(active.get(new CorrelationKey(type, placeKey, exercise)))
        .map(incidents::get);
  }

  /** Time of the newest accepted alarm of {@code ruleId} about this place, if any. */
  public OptionalLong lastAlarmMillis(
      String ruleId, IncidentType type, String placeKey, boolean exercise) {
    Long t = alarmWatermarks.get(new AlarmKey(ruleId, type, placeKey, exercise));
    return t == null ? OptionalLong.empty() : OptionalLong.of(t);
  }

  /**
   * Units busy on open tasks of active incidents, as seen by a dispatch for a real incident
   * ({@code forExercise} false: drills never hold back a real response) or for a drill (every
   * busy unit).
   */
  public Set<String> busyUnits(boolean forExercise) {
    Set<String> busy = new HashSet<>();
    for (Incident i : activeIncidents()) {
      if (i.exercise() && !forExercise) {
        continue;
      }
      for (Task t : i.tasks().values()) {
        if (t.assignment() != null && t.status().holdsUnit()) {
          busy.add(t.assignment().unitId());
        }
      }
    }
    return busy;
  }

  /**
   * Road edges closed for the units of {@code incident}: the closures of every other active
   * incident (responders may enter their own incident's zone), real incidents only for a real one.
   */
  public Set<Integer> closedEdgesFor(Incident incident) {
    Set<Integer> closed = new HashSet<>();
    for (Incident i : activeIncidents()) {
      if (!i.id().equals(incident.id()) && (incident.exercise() || !i.exercise())) {
        closed.addAll(i.closedEdges());
      }
    }
    return closed;
  }

  /**
   * The state after {@code event}. An event at or below the current revision was already applied
   * (a replayed journal overlapping a snapshot) and changes nothing.
   *
   * @throws IllegalStateException when the event skips revisions (events were lost) or refers to
   *     an incident or task this state does not have
   */
  public static IncidentsState apply(IncidentsState state, IncidentEvent event) {
    if (event.seq() <= state.revision) {
      return state;
    }
    if (event.seq() != state.revision + 1) {
      throw new IllegalStateException(
          "event " + event.seq() + " does not follow revision " + state.revision + ": events were lost");
    }
    Map<String, Incident> incidents = new LinkedHashMap<>(state.incidents);
    Map<CorrelationKey, String> active = state.active;
    Map<AlarmKey, Long> marks = state.alarmWatermarks;
    long opened = state.opened;
    Incident after;
    if (event instanceof IncidentOpened o) {
      if (incidents.containsKey(o.incidentId())) {
        throw new IllegalStateException("event " + o.seq() + " opens " + o.incidentId() + " again");
      }
      after = Evolution.opened(o);
      opened++;
      active = new LinkedHashMap<>(active);
      active.put(key(after), after.id());
      marks = watermark(marks, o.ruleId(), after, o.atMillis());
    } else {
      Incident before = incidents.get(event.incidentId());
      if (before == null) {
        throw new IllegalStateException(
            "event " + event.seq() + " is about unknown incident " + event.incidentId());
      }
      after = Evolution.next(before, event);
      if (event instanceof AlarmCorrelated c) {
        marks = watermark(marks, c.ruleId(), after, c.atMillis());
      }
      if (event instanceof StatusChanged s && s.from().isActive() && !s.to().isActive()) {
        active = new LinkedHashMap<>(active);
        active.remove(key(after));
      }
    }
    incidents.put(after.id(), after);
    return new IncidentsState(
        event.seq(), opened, Collections.unmodifiableMap(incidents),
        Collections.unmodifiableMap(active), marks);
  }

  /** Same as {@link #apply(IncidentsState, IncidentEvent)} on this state. */
  public IncidentsState apply(IncidentEvent event) {
    return apply(this, event);
  }

  /** This state after each of {@code events} in order. */
  public IncidentsState applyAll(List<? extends IncidentEvent> events) {
    IncidentsState s = this;
    for (IncidentEvent e : events) {
      s = apply(s, e);
    }
    return s;
  }

  private static CorrelationKey key(Incident i) {
    return new CorrelationKey(i.type(), i.placeKey(), i.exercise());
  }

  private static Map<AlarmKey, Long> watermark(
      Map<AlarmKey, Long> marks, String ruleId, Incident i, long atMillis) {
    Map<AlarmKey, Long> next = new HashMap<>(marks);
    next.merge(new AlarmKey(ruleId, i.type(), i.placeKey(), i.exercise()), atMillis, Math::max);
    return Collections.unmodifiableMap(next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IncidentsState s
        && revision == s.revision && opened == s.opened && incidents.equals(s.incidents)
        && alarmWatermarks.equals(s.alarmWatermarks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(revision, opened, incidents, alarmWatermarks);
  }

  @Override
  public String toString() {
    return "IncidentsState[revision=" + revision + ", incidents=" + incidents.size()
        + ", active=" + active.size() + "]";
  }
}
