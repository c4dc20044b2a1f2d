package io.citytwin.twin.cap.incident;

import io.citytwin.twin.agency.Agency;
import io.citytwin.twin.cap.CapMsgType;
import io.citytwin.twin.incident.Incident;
import io.citytwin.twin.incident.IncidentStatus;
import io.citytwin.twin.incident.Severity;
import io.citytwin.twin.incident.TimelineEntry;
import io.citytwin.twin.incident.TimelineEntry.Kind;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Derives an incident's CAP versions from its timeline (see {@link AlertVersion}). Pure. */
final class AlertVersions {
  private AlertVersions() {}

  static List<AlertVersion> of(Incident incident, CapPublisher publisher) {
    List<TimelineEntry> t = incident.timeline();
    if (t.isEmpty() || t.get(0).kind() != Kind.OPENED) {
      throw new IllegalArgumentException(incident.id() + " has no opening step in its timeline");
    }
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (startsVersion(t.get(i), i == 0 ? null : t.get(i - 1).severity())) {
        starts.add(i);
      }
    }
    List<AlertVersion> out = new ArrayList<>();
    long clock = Long.MIN_VALUE;
    long alarms = 0;
    Set<Agency> agencies = new LinkedHashSet<>();
    int counted = 0;
    int tasked = 0;
    for (int v = 0; v < starts.size(); v++) {
      int step = starts.get(v);
      for (; counted <= step; counted++) {
        TimelineEntry e = t.get(counted);
        // Alarm times may run behind the platform clock: a version's time never goes back.
        clock = Math.max(clock, e.atMillis());
        alarms += e.kind() == Kind.OPENED || e.kind() == Kind.RETRIGGERED ? 1 : 0;
      }
      // A version's agencies are those tasked up to the next version: the plan tiers its own step
      // reached (only opening and rising severity create tasks, and both start versions).
      int until = v + 1 < starts.size() ? starts.get(v + 1) : t.size();
      for (; tasked < until; tasked++) {
        TimelineEntry e = t.get(tasked);
        if (e.kind() == Kind.TASK_CREATED && incident.tasks().containsKey(e.taskId())) {
          agencies.add(incident.tasks().get(e.taskId()).spec().agency());
        }
      }
      out.add(version(incident, publisher, out, t.get(step), clock, alarms, List.copyOf(agencies)));
    }
    return List.copyOf(out);
  }

  /** Whether the step changes what the public is told: opened, worse, moved, or over. */
  static boolean startsVersion(TimelineEntry e, Severity before) {
    return switch (e.kind()) {
      case OPENED, AREA_CHANGED -> true;
      case RETRIGGERED -> before != null && e.severity().compareTo(before) > 0;
      case STATUS_CHANGED -> !e.status().isActive();
      default -> false;
    };
  }

  private static AlertVersion version(
      Incident incident, CapPublisher publisher, List<AlertVersion> earlier, TimelineEntry step,
      long clock, long alarms, List<Agency> agencies) {
    int number = earlier.size() + 1;
    OffsetDateTime sent = OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock), publisher.zone())
        .truncatedTo(ChronoUnit.SECONDS);
    if (!earlier.isEmpty()) {
      OffsetDateTime previous = earlier.get(earlier.size() - 1).sent();
      if (!sent.isAfter(previous)) {
        sent = previous.plusSeconds(1).atZoneSameInstant(publisher.zone()).toOffsetDateTime();
      }
    }
    CapMsgType type = number == 1 ? CapMsgType.ALERT
        : step.status() == IncidentStatus.CANCELLED ? CapMsgType.CANCEL : CapMsgType.UPDATE;
    return new AlertVersion(number, publisher.identifierPrefix() + "." + incident.id() + "." + number,
        sent, type, step.seq(), clock, step.severity(), step.status(), alarms, agencies,
        step.evidenceCount());
  }
}
