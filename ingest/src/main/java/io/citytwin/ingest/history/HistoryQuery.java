package io.citytwin.ingest.history;

import io.citytwin.twin.telemetry.Quantity;
import java.util.Objects;

/**
 * A history read.
 *
 * @param sensorId the sensor
 * @param quantity the quantity, or null for every quantity of the sensor
 * @param fromMillis inclusive start, epoch milliseconds
 * @param toMillis inclusive end, epoch milliseconds, not before {@code fromMillis}
 * @param limit maximum number of points returned (1..100,000), oldest first
 */
public record HistoryQuery(String sensorId, Quantity quantity, long fromMillis, long toMillis, int limit) {
  public static final int MAX_LIMIT = 100_000;

  public HistoryQuery {
    Objects.requireNonNull(sensorId, "sensorId");
    if (toMillis < fromMillis) {
      throw new IllegalArgumentException("history range ends (" + toMillis + ") before it starts (" + fromMillis + ")");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("history limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }
}
