package io.citytwin.web.http;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.web.sensors.HistoryRequest;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query of {@code GET /api/sensors/{id}/history}: {@code quantity} (a catalogue name), {@code
 * from} and {@code to} (ISO-8601 instants or epoch milliseconds; by default the {@link
 * #DEFAULT_SPAN} up to now, or up to {@code to}) and {@code limit} (1..{@value #MAX_LIMIT}). Pure.
 */
final class HistoryParams {
  static final Duration DEFAULT_SPAN = Duration.ofHours(24);
  static final int MAX_LIMIT = 100_000;
  private static final List<String> QUANTITIES =
      Arrays.stream(Quantity.values()).map(Quantity::canonicalName).toList();

  private HistoryParams() {}

  /** @throws BadParameterException naming the first parameter that is wrong */
  static HistoryRequest parse(String sensorId, MultiMap query, Instant now) {
    QueryParams params = new QueryParams(query);
    Optional<Quantity> quantity =
        params.oneOf("quantity", "quantity", name -> Optional.ofNullable(Quantity.byName(name)), QUANTITIES);
    Optional<Instant> from = params.instant("from");
    Optional<Instant> to = params.instant("to");
    OptionalInt limit = params.integer("limit", 1, MAX_LIMIT);
    Instant end = to.orElse(now);
    Instant start = from.orElse(end.minus(DEFAULT_SPAN));
    if (start.isAfter(end)) {
      String problem = to.isPresent()
          ? "from " + start + " is after to " + end
          : "from " + start + " is in the future (to defaults to now, " + end + ")";
      throw new BadParameterException("from", params.text("from").orElse(""), problem);
    }
    return new HistoryRequest(sensorId, quantity, start, end, limit);
  }
}
