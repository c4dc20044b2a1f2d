package io.citytwin.web.metrics;

import io.citytwin.web.scenarios.DrillCodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drill family of {@code /metrics}, from one {@code citytwin.sim.drills.list} reply ({@code
 * SimAddresses} shapes). Pure: no I/O.
 *
 * <ul>
 *   <li>{@code citytwin_drills{status}}: drills the scenario service knows, by status; every
 *       status of the contract always present (so "no drill running" reads 0), a status outside
 *       it only when it occurs
 * </ul>
 *
 * A list that did not arrive is reported by {@code citytwin_scrape_source_up{source="drills"} 0}
 * and no drill samples.
 */
public final class DrillMetrics {
  private DrillMetrics() {}

  /** @param drills the {@code drills} of a list reply, or null when it failed */
  public static void write(PrometheusText text, JsonArray drills) {
    TelemetryMetrics.sourceUp(text, "drills", drills != null);
    if (drills == null) {
      return;
    }
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    DrillCodes.STATUSES.forEach(s -> byStatus.put(s, 0));
    Map<String, Integer> others = new TreeMap<>();
    for (Object o : drills) {
      if (o instanceof JsonObject drill) {
        String status = String.valueOf(drill.getValue("status"));
        (byStatus.containsKey(status) ? byStatus : others).merge(status, 1, Integer::sum);
      }
    }
    byStatus.putAll(others);
    PrometheusText.Family family = text.gauge("citytwin_drills",
        "Drills (exercises injected into the live platform) by status: running, scoring, finished, failed");
    byStatus.forEach((status, n) -> family.sample(n, "status", status));
  }
}
