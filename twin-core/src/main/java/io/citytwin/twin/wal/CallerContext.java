package io.citytwin.twin.wal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Vert.x context a call came from, so that a future completed on one of the store's own threads
 * runs its callbacks back on that context (a verticle's handlers never run on a foreign thread).
 * Outside Vert.x, callbacks run on the completing thread.
 */
public final class CallerContext {

    private final Context context;

    private CallerContext(Context context) {
        this.context = context;
    }

    /** The context of the calling thread, if it has one. */
    public static CallerContext current() {
        return new CallerContext(Vertx.currentContext());
    }

    public <T> void complete(Promise<T> promise, T value) {
        if (context == null) {
            promise.complete(value);
        } else {
            context.runOnContext(v -> promise.complete(value));
        }
    }

    public void fail(Promise<?> promise, Throwable cause) {
        if (context == null) {
            promise.fail(cause);
        } else {
            context.runOnContext(v -> promise.fail(cause));
        }
    }

    /** Runs blocking {@code work} on {@code executor}; the result arrives on this context. */
    public <T> Future<T> run(Executor executor, Callable<T> work) {
        Promise<T> promise = Promise.promise();
        try {
            executor.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    fail(promise, e);
                    return;
                }
                complete(promise, result);
            });
        } catch (RejectedExecutionException e) {
            return Future.failedFuture(new IllegalStateException("history store is closed", e));
        }
        return promise.future();
    }
}
