package io.citytwin.ingest.handoff;

import io.vertx.core.Future;
import java.util.List;

/** Compositions of {@link ReadingSink}s. */
public final class ReadingSinks {
  private ReadingSinks() {}

  /**
   * Delivers to every sink in parallel; succeeds when all did, fails if any failed (the message
   * is then redelivered to all of them, which their idempotence makes harmless).
   */
  public static ReadingSink all(ReadingSink... sinks) {
    List<ReadingSink> list = List.of(sinks);
    return readings -> Future.all(list.stream().map(s -> s.deliver(readings)).toList()).mapEmpty();
  }
}
