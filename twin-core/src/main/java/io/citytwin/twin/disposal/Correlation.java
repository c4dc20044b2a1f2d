package io.citytwin.twin.disposal;

import io.citytwin.twin.dispatch.ClosureRule;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentCommand;
import io.citytwin.twin.incident.IncidentEvent;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TaskSpec;
import io.citytwin.twin.rule.Alarm;
import io.citytwin.twin.rule.Evidence;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Envelope;

/**
 * Alarms into incidents: one active incident per (type, place, exercise flag). A further alarm
 * for it is counted (severity may rise, adding the tasks of the higher tiers; evidence is kept up
 * to the cap; a different area replaces the old one). An alarm of a rule about a place that is not
 * newer than that rule's last accepted alarm about it is a redelivery and changes nothing, even
 * after the incident was resolved.
 */
final class Correlation {
  private static final int MAX_TEXT = 300;

  private Correlation() {}

  static void raise(Disposal d, Batch b, IncidentCommand.Raise r) {
    Alarm a = r.alarm();
    check(a, r);
    OptionalLong last = b.state().lastAlarmMillis(a.ruleId(), a.type(), a.placeKey(), a.exercise());
    if (last.isPresent() && a.atMillis() <= last.getAsLong()) {
      return;
    }
    Optional<Incident> active = b.state().activeIncident(a.type(), a.placeKey(), a.exercise());
    if (active.isPresent()) {
      correlate(d, b, active.get(), a);
    } else {
      open(d, b, r);
    }
  }

  private static void open(Disposal d, Batch b, IncidentCommand.Raise r) {
    Alarm a = r.alarm();
    String id = b.state().nextIncidentId(a.atMillis());
    String title = a.title() == null || a.title().isBlank()
        ? a.type().code() + " at " + a.placeKey() : a.title();
    List<Evidence> evidence = a.evidence().subList(0, Math.min(a.evidence().size(), d.settings().evidenceCap()));
    b.emit(new IncidentEvent.IncidentOpened(b.seq(), a.atMillis(), id, a.type(), a.severity(),
        a.placeKey(), a.area(), title, a.ruleId(), r.source(), a.exercise(), evidence));
    closeRoads(d, b, b.incident(id), a.atMillis());
    createTasks(b, id, d.plans().tasksFor(a.type(), a.severity()), a.atMillis());
  }

  private static void correlate(Disposal d, Batch b, Incident i, Alarm a) {
    Severity severity = i.severity().max(a.severity());
    int room = Math.max(0, d.settings().evidenceCap() - i.evidence().size());
    List<Evidence> kept = a.evidence().subList(0, Math.min(room, a.evidence().size()));
    b.emit(new IncidentEvent.AlarmCorrelated(b.seq(), a.atMillis(), i.id(), a.ruleId(), severity, kept));
    if (!a.area().equalsExact(i.area())) {
      b.emit(new IncidentEvent.AreaChanged(
          b.seq(), a.atMillis(), i.id(), a.area(), "alarm of rule " + a.ruleId()));
      closeRoads(d, b, b.incident(i.id()), a.atMillis());
    }
    createTasks(b, i.id(), d.plans().tasksAdded(i.type(), i.severity(), severity), a.atMillis());
  }

  /** Re-computes the roads {@code i} closes; an event only when they change. */
  static void closeRoads(Disposal d, Batch b, Incident i, long at) {
    Optional<ClosureRule> rule = d.plans().closureRule(i.type());
    if (rule.isEmpty()) {
      return;
    }
    List<Integer> edges = d.dispatcher().closedEdges(i.area(), i.placeKey(), rule.get());
    if (!edges.equals(i.closedEdges())) {
      b.emit(new IncidentEvent.RoadsClosed(b.seq(), at, i.id(), edges));
    }
  }

  private static void createTasks(Batch b, String incidentId, List<TaskSpec> specs, long at) {
    for (TaskSpec spec : specs) {
      Incident i = b.incident(incidentId);
      long same = i.tasks().values().stream().filter(t -> t.spec().agency() == spec.agency()).count();
      String taskId = spec.agency().code() + "-" + (same + 1);
      b.emit(new IncidentEvent.TaskCreated(b.seq(), at, incidentId, taskId, spec));
    }
  }

  private static void check(Alarm a, IncidentCommand.Raise r) {
    String what = "alarm of rule '" + a.ruleId() + "'";
    if (a.ruleId().isBlank() || a.ruleId().length() > 200) {
      throw new Refused("alarm: rule id must be 1..200 characters");
    }
    if (a.placeKey().isBlank() || a.placeKey().length() > 200) {
      throw new Refused(what + ": place key must be 1..200 characters");
    }
    if (a.title() != null && a.title().length() > MAX_TEXT) {
      throw new Refused(what + ": title is longer than " + MAX_TEXT + " characters");
    }
    if (a.atMillis() < 0) {
      throw new Refused(what + ": time " + a.atMillis() + " is before 1970");
    }
    checkArea(what, a.area());
    if (r.source().ref().isBlank() || r.source().ref().length() > 200) {
      throw new Refused(what + ": source reference must be 1..200 characters");
    }
  }

  /** A usable WGS84 area: not empty, valid, within lon -180..180 and lat -90..90. */
  static void checkArea(String what, Geometry area) {
    if (area.isEmpty()) {
      throw new Refused(what + ": area is empty");
    }
    Envelope e = area.getEnvelopeInternal();
    if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -90 || e.getMaxY() > 90
        || !Double.isFinite(e.getWidth()) || !Double.isFinite(e.getHeight())) {
      throw new Refused(what + ": area is outside lon -180..180, lat -90..90");
    }
    if (!area.isValid()) {
      throw new Refused(what + ": area is not a valid geometry (e.g. a self-intersecting polygon)");
    }
  }
}
