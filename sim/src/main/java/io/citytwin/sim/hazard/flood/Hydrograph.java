package io.citytwin.sim.hazard.flood;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.sim.scenario.Params;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A quantity over time (a discharge, a sea level, a rain intensity): piecewise linear through its
 * points and constant before the first and after the last. Immutable.
 */
public final class Hydrograph {
  private final double[] t;
  private final double[] v;

  private Hydrograph(double[] t, double[] v) {
    this.t = t;
    this.v = v;
  }

  public static Hydrograph constant(double value) {
    return new Hydrograph(new double[] {0}, new double[] {value});
  }

  /** Points (seconds after the scenario start, value); times strictly increasing. */
  public static Hydrograph of(double[] times, double[] values) {
    if (times.length == 0 || times.length != values.length) {
      throw new IllegalArgumentException("a hydrograph needs as many values as times, at least one");
    }
    for (int i = 1; i < times.length; i++) {
      if (!(times[i] > times[i - 1])) {
        throw new IllegalArgumentException("hydrograph times must increase");
      }
    }
    return new Hydrograph(times.clone(), values.clone());
  }

  /**
   * Reads a member that is either a number (constant) or an array of {@code [offset, value]}
   * pairs such as {@code [["PT0S", 0], ["PT1H", 2.5]]} with offsets increasing; values must lie in
   * {@code [min, max]}. Errors name the element, e.g. {@code parameters.sources[0].levelM[1][0]}.
   */
  public static Hydrograph parse(Params p, String key, double min, double max) {
    JsonNode n = p.node().get(key);
    if (n == null || n.isNull()) {
      throw p.fail(key, "is missing (a number, or [[\"PT0S\", value], [\"PT1H\", value], ...])");
    }
    if (n.isNumber()) {
      return constant(p.number(key, min, max));
    }
    if (!n.isArray() || n.isEmpty()) {
      throw p.fail(key, "must be a number or a non-empty array of [offset, value] pairs");
    }
    double[] times = new double[n.size()];
    double[] values = new double[n.size()];
    for (int i = 0; i < n.size(); i++) {
      JsonNode pair = n.get(i);
      String at = key + "[" + i + "]";
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isNumber()) {
        throw p.fail(at, "must be a pair [\"PT10M\", number]");
      }
      try {
        Duration d = Duration.parse(pair.get(0).asText());
        if (d.isNegative()) {
          throw p.fail(at + "[0]", "must not be negative");
        }
        times[i] = d.toMillis() / 1000.0;
      } catch (DateTimeParseException e) {
        throw p.fail(at + "[0]", "'" + pair.get(0).asText() + "' is not an ISO-8601 duration such as PT10M");
      }
      values[i] = pair.get(1).asDouble();
      if (!Double.isFinite(values[i]) || values[i] < min || values[i] > max) {
        throw p.fail(at + "[1]", values[i] + " is outside " + min + ".." + max);
      }
      if (i > 0 && times[i] <= times[i - 1]) {
        throw p.fail(at + "[0]", "offsets must increase");
      }
    }
    return new Hydrograph(times, values);
  }

  /** The value {@code seconds} after the scenario start. */
  public double at(double seconds) {
    if (seconds <= t[0]) {
      return v[0];
    }
    int i = Arrays.binarySearch(t, seconds);
    if (i >= 0) {
      return v[i];
    }
    int hi = -i - 1;
    if (hi >= t.length) {
      return v[v.length - 1];
    }
    double f = (seconds - t[hi - 1]) / (t[hi] - t[hi - 1]);
    return v[hi - 1] + f * (v[hi] - v[hi - 1]);
  }

  /** The largest value. */
  public double max() {
    return Arrays.stream(v).max().orElseThrow();
  }
}
