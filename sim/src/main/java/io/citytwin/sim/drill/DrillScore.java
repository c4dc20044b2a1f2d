package io.citytwin.sim.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the response to a drill went, computed from the exercise incidents it raised (their tasks
 * and timelines as the incident owner reports them). Pure.
 *
 * @param timeToDetectSeconds from the first injected reading to the first incident, or null when
 *     nothing was detected
 * @param tasksWithinAckSla acknowledged no later than their acknowledgement deadline
 * @param tasksWithinArrivalSla units on site no later than their arrival deadline (tasks with units)
 * @param escalations escalation steps recorded on the incidents' timelines
 */
public record DrillScore(
    Double timeToDetectSeconds, int incidents, int tasks, int tasksAcknowledged, int tasksWithinAckSla,
    int tasksArrived, int tasksWithinArrivalSla, Map<String, AgencyScore> agencies, int escalations) {

  /** One agency's part. Ack times in seconds from the task's creation. */
  public record AgencyScore(int tasks, int acknowledged, int withinSla, Double meanAckSeconds, Double maxAckSeconds) {}

  /** One task as the incident owner reports it (times epoch ms, -1 when absent). */
  public record TaskFacts(String agency, long createdAt, long ackDueAt, long ackedAt, long arriveDueAt, long arrivedAt) {}

  /** One incident: when it opened, its tasks, and how many escalations its timeline holds. */
  public record IncidentFacts(long openedAt, List<TaskFacts> tasks, int escalations) {}

  public static DrillScore of(List<IncidentFacts> incidents, long firstSignalAt) {
    Double detect = incidents.stream().mapToLong(IncidentFacts::openedAt).min().stream()
        .mapToObj(t -> Math.max(0, t - firstSignalAt) / 1000.0).findFirst().orElse(null);
    int tasks = 0;
    int acked = 0;
    int withinAck = 0;
    int arrived = 0;
    int withinArrival = 0;
    int escalations = 0;
    Map<String, List<Double>> ackTimes = new TreeMap<>();
    Map<String, int[]> counts = new TreeMap<>();
    for (IncidentFacts i : incidents) {
      escalations += i.escalations();
      for (TaskFacts t : i.tasks()) {
        tasks++;
        int[] c = counts.computeIfAbsent(t.agency(), a -> new int[3]);
        c[0]++;
        if (t.ackedAt() >= 0) {
          acked++;
          c[1]++;
          ackTimes.computeIfAbsent(t.agency(), a -> new ArrayList<>()).add((t.ackedAt() - t.createdAt()) / 1000.0);
          if (t.ackedAt() <= t.ackDueAt()) {
            withinAck++;
            c[2]++;
          }
        }
        if (t.arrivedAt() >= 0) {
          arrived++;
          if (t.arriveDueAt() < 0 || t.arrivedAt() <= t.arriveDueAt()) {
            withinArrival++;
          }
        }
      }
    }
    Map<String, AgencyScore> agencies = new TreeMap<>();
    counts.forEach((agency, c) -> {
      List<Double> times = ackTimes.getOrDefault(agency, List.of());
      agencies.put(agency, new AgencyScore(c[0], c[1], c[2],
          times.isEmpty() ? null : times.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          times.isEmpty() ? null : times.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
    });
    return new DrillScore(detect, incidents.size(), tasks, acked, withinAck, arrived, withinArrival, agencies, escalations);
  }

  /** Parses an ISO-8601 instant as epoch ms, -1 for null. */
  public static long millis(String iso) {
    return iso == null ? -1 : Instant.parse(iso).toEpochMilli();
  }
}
