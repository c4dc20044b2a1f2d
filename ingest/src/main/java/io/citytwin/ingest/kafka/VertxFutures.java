package io.citytwin.ingest.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Bridges the Kafka threads' completions back to the caller. */
final class VertxFutures {

  private VertxFutures() {}

  /**
   * A Vert.x future completing with {@code stage}. Called on a Vert.x thread, its handlers run on
   * that caller's context, never on a Kafka I/O thread; called elsewhere, on the completing thread.
   */
  static <T> Future<T> onCallerContext(CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    return context == null
        ? Future.fromCompletionStage(stage)
        : Future.fromCompletionStage(stage, context);
  }
}
