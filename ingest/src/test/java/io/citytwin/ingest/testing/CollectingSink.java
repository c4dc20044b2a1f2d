package io.citytwin.ingest.testing;

import io.citytwin.ingest.handoff.ReadingSink;
import io.citytwin.twin.telemetry.Reading;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink that keeps what it is given, and can be told to fail the next N hand-offs. */
public final class CollectingSink implements ReadingSink {
  private final List<Reading> readings = new ArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  @Override
  public synchronized Future<Void> deliver(List<Reading> batch) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      failures.incrementAndGet();
      return Future.failedFuture("downstream unavailable (test)");
    }
    readings.addAll(batch);
    return Future.succeededFuture();
  }

  public void failNext(int n) {
    failNext.set(n);
  }

  public int failures() {
    return failures.get();
  }

  public synchronized List<Reading> readings() {
    return List.copyOf(readings);
  }

  public synchronized long distinct() {
    return readings.stream().map(r -> r.sensorId() + "|" + r.quantity() + "|" + r.timestampMillis()).distinct().count();
  }
}
