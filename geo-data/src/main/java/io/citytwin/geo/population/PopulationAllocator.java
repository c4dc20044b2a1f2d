package io.citytwin.geo.population;

import io.citytwin.geo.layer.Building;
import io.citytwin.geo.layer.Population;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Shares a city's population total over buildings in proportion to a weight (residential floor
 * area) with largest-remainder (Hamilton) rounding, so the integer shares add up exactly to the
 * total. Ties in the remainder go to the building that comes first in input order, which makes the
 * result deterministic. Pure function; thread-safe.
 */
public final class PopulationAllocator {
  private PopulationAllocator() {}

  /** Integer shares of {@code total} proportional to {@code weights} (all >= 0, sum > 0). */
  public static int[] shares(int total, double[] weights) {
    if (total < 0) {
      throw new IllegalArgumentException("negative total " + total);
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
    int[] out = new int[weights.length];
    double[] rest = new double[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      double quota = total * (weights[i] / sum);
      out[i] = (int) Math.floor(quota);
      rest[i] = quota - out[i];
      given += out[i];
    }
    int left = (int) (total - given);
    Integer[] order = new Integer[weights.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
    for (int k = 0; k < left; k++) {
      out[order[k % order.length]]++;
    }
    return out;
  }

  /**
   * The population layer: {@code total} shared over the buildings with positive weight, summed
   * per district. Buildings without a district count towards no district.
   */
  public static Population allocate(
      int total, String source, List<Building> buildings, ToDoubleFunction<Building> weight) {
    double[] w = buildings.stream().mapToDouble(weight).toArray();
    int[] s = shares(total, w);
    Map<String, Integer> byBuilding = new LinkedHashMap<>();
    Map<String, Integer> byDistrict = new LinkedHashMap<>();
    for (int i = 0; i < s.length; i++) {
      if (s[i] > 0) {
        Building b = buildings.get(i);
        byBuilding.put(b.id(), s[i]);
        if (!b.districtId().isEmpty()) {
          byDistrict.merge(b.districtId(), s[i], Integer::sum);
        }
      }
    }
    return new Population(total, source, java.util.Collections.unmodifiableMap(byBuilding),
        java.util.Collections.unmodifiableMap(byDistrict));
  }
}
