package io.citytwin.ingest.history;

import io.citytwin.twin.telemetry.Reading;
import java.util.Objects;

/**
 * One reading to keep, with the tags history is searched and grouped by.
 *
 * @param reading the validated, normalised reading (value in the canonical unit)
 * @param district code of the sensor's district (e.g. {@code MC-MO}), or empty when outside all
 * @param kind the sensor kind code (e.g. {@code air_quality})
 * @param exercise true for synthetic telemetry injected by a drill, which must never mix with
 *     real statistics
 */
public record HistoryRecord(Reading reading, String district, String kind, boolean exercise) {
  public HistoryRecord {
    Objects.requireNonNull(reading, "reading");
    district = district == null ? "" : district;
    kind = kind == null ? "" : kind;
  }
}
