package io.citytwin.ingest.kafka;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Stands in for the twin behind a {@link KafkaReadingSource}: records every attempt and every
 * batch it accepted, and answers each attempt as the test scripts it.
 */
final class RecordingDownstream implements ReadingSink {

  private final BiFunction<Integer, List<Reading>, Future<Void>> answer;
  private final List<List<Reading>> attempts = new ArrayList<>();
  private final List<Reading> accepted = new ArrayList<>();

  /** @param answer given the 1-based attempt number and the batch, the future to return */
  RecordingDownstream(BiFunction<Integer, List<Reading>, Future<Void>> answer) {
    this.answer = answer;
  }

  /** Accepts everything. */
  static RecordingDownstream accepting() {
    return new RecordingDownstream((attempt, readings) -> Future.succeededFuture());
  }

  @Override
  public Future<Void> deliver(List<Reading> readings) {
    int attempt;
    synchronized (this) {
      attempts.add(List.copyOf(readings));
      attempt = attempts.size();
    }
    Future<Void> result = answer.apply(attempt, readings);
    return result.onSuccess(
        v -> {
          synchronized (this) {
            accepted.addAll(readings);
          }
        });
  }

  synchronized List<List<Reading>> attempts() {
    return List.copyOf(attempts);
  }

  /** Readings of accepted batches, in the order they were accepted. */
  synchronized List<Reading> accepted() {
    return List.copyOf(accepted);
  }

  synchronized int acceptedCount() {
    return accepted.size();
  }
}
