package io.citytwin.sim.epidemic;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.Consumer;

/**
 * Runs a task over every chunk, in the caller's thread or on a shared fork-join pool of the given
 * size (daemon threads, created once per size and kept for the JVM's life). Returns when every
 * chunk is done, with all their writes visible to the caller.
 */
final class Parallel {
  private static final ConcurrentHashMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();
  private static final Parallel SEQUENTIAL = new Parallel(null);

  private final ForkJoinPool pool;

  private Parallel(ForkJoinPool pool) {
    this.pool = pool;
  }

  static Parallel of(int threads) {
    return threads <= 1 ? SEQUENTIAL : new Parallel(POOLS.computeIfAbsent(threads, ForkJoinPool::new));
  }

  <T> void run(T[] chunks, Consumer<T> task) {
    if (pool == null) {
      for (T c : chunks) {
        task.accept(c);
      }
    } else {
      pool.invoke(new Range<>(chunks, task, 0, chunks.length));
    }
  }

  private static final class Range<T> extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient T[] chunks;
    private final transient Consumer<T> task;
    private final int from;
    private final int to;

    Range(T[] chunks, Consumer<T> task, int from, int to) {
      this.chunks = chunks;
      this.task = task;
      this.from = from;
      this.to = to;
    }

    @Override
    protected void compute() {
      if (to - from == 1) {
        task.accept(chunks[from]);
      } else if (to > from) {
        int mid = (from + to) >>> 1;
        invokeAll(new Range<>(chunks, task, from, mid), new Range<>(chunks, task, mid, to));
      }
    }
  }
}
