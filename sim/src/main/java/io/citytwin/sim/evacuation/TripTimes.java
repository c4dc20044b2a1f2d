package io.citytwin.sim.evacuation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Door-to-shelter times of arrived people (per person, from departure to arrival), seconds. */
final class TripTimes {
  private double[] seconds = new double[64];
  private int[] persons = new int[64];
  private int size;
  private long people;

  void add(double s, int n) {
    if (size == seconds.length) {
      seconds = Arrays.copyOf(seconds, size * 2);
      persons = Arrays.copyOf(persons, size * 2);
    }
    seconds[size] = s;
    persons[size++] = n;
    people += n;
  }

  /** People counted, mean, median, 95th percentile and maximum, rounded to 0.1 s. */
  Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("people", people);
    if (people == 0) {
      return out;
    }
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(seconds[a], seconds[b]));
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += seconds[i] * persons[i];
    }
    out.put("meanS", round(sum / people));
    out.put("medianS", round(quantile(order, 0.5)));
    out.put("p95S", round(quantile(order, 0.95)));
    out.put("maxS", round(seconds[order[size - 1]]));
    return out;
  }

  /** The smallest time with at least share q of the people at or below it. */
  private double quantile(Integer[] order, double q) {
    long need = (long) Math.ceil(q * people);
    long seen = 0;
    for (Integer i : order) {
      seen += persons[i];
      if (seen >= need) {
        return seconds[i];
      }
    }
    return seconds[order[order.length - 1]];
  }

  private static double round(double s) {
    return Math.round(s * 10) / 10.0;
  }
}
