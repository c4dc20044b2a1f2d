package io.citytwin.twin.cap.incident;

import io.citytwin.twin.rule.Evidence;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sensor readings behind an incident, in a sentence for a CAP description. Pure. */
final class Readings {
  private Readings() {}

  /**
   * The latest reading of each of the first {@code shown} sensors among {@code evidence}, e.g. "Readings: smoke-1 smoke 14 %obs/m, smoke-2 smoke 11 %obs/m (3
   * readings from 2 sensors)."
   */
  static String summary(List<Evidence> evidence, int shown) {
    Map<String, Evidence> latest = new LinkedHashMap<>();
    int count = evidence.size();
    for (Evidence e : evidence) {
      latest.merge(e.sensorId(), e, (a, b) -> b.timestampMillis() >= a.timestampMillis() ? b : a);
    }
    if (count == 0) {
      return "No sensor readings are attached.";
    }
    StringBuilder s = new StringBuilder("Readings: ");
    int n = 0;
    for (Evidence e : latest.values()) {
      if (n++ == shown) {
        s.append(", ...");
        break;
      }
      s.append(n == 1 ? "" : ", ").append(e.sensorId()).append(' ');
      if (e.quantity() != null) {
        s.append(e.quantity().canonicalName()).append(' ');
      }
      s.append(number(e.value()));
      if (e.quantity() != null) {
        s.append(' ').append(e.quantity().canonicalUnit());
      }
    }
    return s.append(" (").append(count).append(count == 1 ? " reading" : " readings").append(" from ")
        .append(latest.size()).append(latest.size() == 1 ? " sensor" : " sensors").append(").")
        .toString();
  }

  private static String number(double d) {
    return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
  }
}
