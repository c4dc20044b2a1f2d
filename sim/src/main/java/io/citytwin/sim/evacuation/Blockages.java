package io.citytwin.sim.evacuation;

import java.util.Arrays;

/**
 * Which links have a queue head waiting for room on which next link, so that a link freeing a slot
 * can wake exactly those. A link waits on at most one link at a time; stale entries (its head
 * changed) are skipped when woken. Not thread-safe.
 */
final class Blockages {
  private final int[] waitsOn;
  private final int[][] waiters;
  private final int[] waiterCount;

  Blockages(int links) {
    waitsOn = new int[links];
    Arrays.fill(waitsOn, -1);
    waiters = new int[links][];
    waiterCount = new int[links];
  }

  /** {@code link}'s head waits for room on {@code next}. */
  void block(int link, int next) {
    if (waitsOn[link] == next) {
      return;
    }
    waitsOn[link] = next;
    int[] list = waiters[next];
    if (list == null) {
      list = waiters[next] = new int[4];
    } else if (waiterCount[next] == list.length) {
      list = waiters[next] = Arrays.copyOf(list, list.length * 2);
    }
    list[waiterCount[next]++] = link;
  }

  /** {@code link} waits for nothing (its head left, or was re-routed). */
  void clear(int link) {
    waitsOn[link] = -1;
  }

  /**
   * The links waiting for {@code freed}, which are no longer blocked; fills {@code out} and returns
   * how many ({@code out} must hold every link).
   */
  int wake(int freed, int[] out) {
    int c = waiterCount[freed];
    int n = 0;
    int[] list = waiters[freed];
    waiterCount[freed] = 0;
    for (int i = 0; i < c; i++) {
      int u = list[i];
      if (waitsOn[u] == freed) {
        waitsOn[u] = -1;
        out[n++] = u;
      }
    }
    return n;
  }
}
