package io.citytwin.twin.live;

import io.citytwin.twin.cim.EntityId;
import io.citytwin.twin.telemetry.Quantity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Computes district indicators from sensor states. Pure. */
public final class Indicators {
  private Indicators() {}

  /** Indicators of every quantity reported by the given sensors of {@code district}. */
  public static List<DistrictIndicator> of(EntityId district, Collection<SensorState> sensors) {
    Map<Quantity, double[]> acc = new EnumMap<>(Quantity.class);
    for (SensorState s : sensors) {
      if (!s.status().countsForIndicators()) {
        continue;
      }
      for (Map.Entry<Quantity, LatestValue> e : s.latest().entrySet()) {
        double v = e.getValue().value();
        double[] a = acc.computeIfAbsent(
            e.getKey(), q -> new double[] {0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Long.MIN_VALUE});
        a[0]++;
        a[1] += v;
        a[2] = Math.min(a[2], v);
        a[3] = Math.max(a[3], v);
        a[4] = Math.max(a[4], e.getValue().timestampMillis());
      }
    }
    List<DistrictIndicator> out = new ArrayList<>(acc.size());
    acc.forEach((q, a) -> out.add(
        new DistrictIndicator(district, q, (int) a[0], a[1] / a[0], a[2], a[3], (long) a[4])));
    return out;
  }
}
