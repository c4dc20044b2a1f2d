package io.citytwin.sim.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time series of every metric of a run: one value per metric per step, index 0 being step 1.
 * Immutable; non-finite values (a model's "not defined now") are kept as they were reported.
 */
public final class MetricSeries {
  private final List<Metric> metrics;
  private final Map<String, Integer> column;
  private final Instant[] times;
  private final double[][] values;

  private MetricSeries(List<Metric> metrics, Instant[] times, double[][] values) {
    this.metrics = List.copyOf(metrics);
    this.column = new LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      column.put(metrics.get(i).name(), i);
    }
    this.times = times;
    this.values = values;
  }

  public List<Metric> metrics() {
    return metrics;
  }

  /** Number of steps recorded. */
  public int size() {
    return times.length;
  }

  /** Simulated time at the end of step {@code index + 1}. */
  public Instant time(int index) {
    return times[index];
  }

  public List<Instant> times() {
    return List.of(times);
  }

  /** The value of {@code metric} after step {@code index + 1}. */
  public double value(String metric, int index) {
    return values[columnOf(metric)][index];
  }

  /** All values of {@code metric}, a copy. */
  public double[] values(String metric) {
    return values[columnOf(metric)].clone();
  }

  private int columnOf(String metric) {
    Integer c = column.get(metric);
    if (c == null) {
      throw new IllegalArgumentException("no metric '" + metric + "' (known: " + column.keySet() + ")");
    }
    return c;
  }

  /** Collects frames on the runner's thread, then freezes them. */
  static final class Recorder {
    private final List<Metric> metrics;
    private final List<Instant> times = new ArrayList<>();
    private final double[][] values;
    private int capacity = 16;

    Recorder(List<Metric> metrics) {
      this.metrics = List.copyOf(metrics);
      this.values = new double[metrics.size()][capacity];
    }

    void add(Frame frame) {
      int n = times.size();
      if (n == capacity) {
        capacity *= 2;
        for (int m = 0; m < values.length; m++) {
          values[m] = Arrays.copyOf(values[m], capacity);
        }
      }
      for (int m = 0; m < metrics.size(); m++) {
        values[m][n] = frame.metrics().get(metrics.get(m).name());
      }
      times.add(frame.time());
    }

    MetricSeries build() {
      int n = times.size();
      double[][] trimmed = new double[values.length][];
      for (int m = 0; m < values.length; m++) {
        trimmed[m] = Arrays.copyOf(values[m], n);
      }
      return new MetricSeries(metrics, times.toArray(new Instant[0]), trimmed);
    }
  }
}
