package io.citytwin.app.wiring;

import io.citytwin.app.config.CityTwinConfig;
import io.citytwin.ingest.history.HistoryStore;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryOptions;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryStats;
import io.citytwin.ingest.history.embedded.EmbeddedHistoryStore;
import io.citytwin.ingest.history.influx.InfluxHistoryOptions;
import io.citytwin.ingest.history.influx.InfluxHistoryStore;
import io.citytwin.ingest.history.influx.SpoolStats;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Opens the configured history store. */
final class HistoryStores {
  private HistoryStores() {}

  /** The store, its kind and a statistics view of it. */
  record Opened(HistoryStore store, String kind, Supplier<Map<String, Object>> stats) {}

  /** Blocking (log replay, spool scan): call on a worker. */
  static Opened open(CityTwinConfig config) throws IOException {
    if ("influx".equals(config.text("history.store"))) {
      InfluxHistoryOptions o = InfluxHistoryOptions.of(URI.create(config.text("influx.url")),
          config.text("influx.database"), config.dataDir().resolve("influx-spool"));
      if (config.optional("influx.username").isPresent()) {
        o = o.withCredentials(config.text("influx.username"), config.text("influx.password"));
      }
      InfluxHistoryStore store = InfluxHistoryStore.open(o);
      return new Opened(store, "influx", () -> spool(store.stats()));
    }
    EmbeddedHistoryStore store = EmbeddedHistoryStore.open(
        EmbeddedHistoryOptions.in(config.dataDir().resolve("history"))
            .withRetention(Duration.ofDays(config.integer("history.retention-days"))));
    return new Opened(store, "embedded", () -> embedded(store.stats()));
  }

  private static Map<String, Object> embedded(EmbeddedHistoryStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("points", s.points());
    m.put("logBytes", s.logBytes());
    m.put("replayedAtOpen", s.replayedAtOpen());
    m.put("pruned", s.pruned());
    return m;
  }

  private static Map<String, Object> spool(SpoolStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pendingPoints", s.pendingPoints());
    m.put("spoolBytes", s.spoolBytes());
    m.put("writtenPoints", s.writtenPoints());
    m.put("retries", s.retries());
    m.put("rejectedPoints", s.rejectedPoints());
    m.put("lastError", s.lastError());
    m.put("lastErrorAt", s.lastErrorAt() == null ? null : s.lastErrorAt().toString());
    return m;
  }
}
