package io.citytwin.sim.epidemic;

import com.fasterxml.jackson.databind.JsonNode;
import io.citytwin.sim.scenario.Params;

/** Fixed-length number arrays in scenario parameters, with errors naming the element's path. */
final class ParamArrays {
  private ParamArrays() {}

  /** {@code length} numbers in [min, max], or {@code fallback} when the member is absent. */
  static double[] numbers(Params p, String key, int length, double min, double max, double[] fallback) {
    if (!p.has(key)) {
      return fallback.clone();
    }
    JsonNode a = p.node().get(key);
    if (!a.isArray()) {
      throw p.fail(key, "must be an array of " + length + " numbers");
    }
    if (a.size() != length) {
      throw p.fail(key, "must have " + length + " entries, has " + a.size());
    }
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      JsonNode v = a.get(i);
      String at = key + "[" + i + "]";
      if (!v.isNumber()) {
        throw p.fail(at, "must be a number, found " + v.getNodeType().name().toLowerCase());
      }
      double d = v.asDouble();
      if (!Double.isFinite(d) || d < min || d > max) {
        throw p.fail(at, d + " is outside " + min + ".." + max);
      }
      out[i] = d;
    }
    return out;
  }

  /** Non-negative relative weights with a positive sum. */
  static double[] weights(Params p, String key, int length, double[] fallback) {
    double[] w = numbers(p, key, length, 0, Double.MAX_VALUE, fallback);
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw p.fail(key, "weights must have a positive, finite sum");
    }
    return w;
  }
}
