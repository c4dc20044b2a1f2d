package io.citytwin.ingest.handoff;

import io.citytwin.ingest.history.HistoryRecord;
import io.citytwin.ingest.history.HistoryStore;
import io.citytwin.twin.sensor.Sensor;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Appends readings to history, tagged with their sensor's district and kind from the registry.
 * Completes when the store has them durably (see {@link HistoryStore}).
 */
public final class HistorySink implements ReadingSink {
  private final HistoryStore store;
  private final Function<String, Optional<Sensor>> sensors;
  private final boolean exercise;

  public HistorySink(HistoryStore store, Function<String, Optional<Sensor>> sensors) {
    this(store, sensors, false);
  }

  /** @param exercise tags every record as drill telemetry (kept apart from real statistics) */
  public HistorySink(HistoryStore store, Function<String, Optional<Sensor>> sensors, boolean exercise) {
    this.store = store;
    this.sensors = sensors;
    this.exercise = exercise;
  }

  @Override
  public Future<Void> deliver(List<Reading> readings) {
    List<HistoryRecord> records = new ArrayList<>(readings.size());
    String lastId = null;
    String district = "";
    String kind = "";
    for (Reading r : readings) {
      if (!r.sensorId().equals(lastId)) {
        lastId = r.sensorId();
        Optional<Sensor> s = sensors.apply(lastId);
        district = s.flatMap(x -> x.placement().districtId()).map(d -> d.key()).orElse("");
        kind = s.map(x -> x.kind().code()).orElse("");
      }
      records.add(new HistoryRecord(r, district, kind, exercise));
    }
    return store.append(records);
  }
}
