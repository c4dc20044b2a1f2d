package io.citytwin.sim.evacuation;

import java.util.Arrays;

/**
 * Per link, the departed vehicles waiting off the road for room on it, first come first served;
 * a vehicle can be taken out of the middle in O(1) (when re-routed to another first link). Not
 * thread-safe.
 */
final class WaitingLists {
  private final int[] first;
  private final int[] last;
  private int[] next = new int[64];
  private int[] prev = new int[64];

  WaitingLists(int links) {
    first = new int[links];
    last = new int[links];
    Arrays.fill(first, -1);
    Arrays.fill(last, -1);
  }

  boolean isEmpty(int link) {
    return first[link] < 0;
  }

  /** The vehicle waiting longest for {@code link}, or -1. */
  int first(int link) {
    return first[link];
  }

  void append(int link, int vehicle) {
    if (vehicle >= next.length) {
      int c = Math.max(vehicle + 1, next.length * 2);
      next = Arrays.copyOf(next, c);
      prev = Arrays.copyOf(prev, c);
    }
    next[vehicle] = -1;
    prev[vehicle] = last[link];
    if (last[link] >= 0) {
      next[last[link]] = vehicle;
    } else {
      first[link] = vehicle;
    }
    last[link] = vehicle;
  }

  void remove(int link, int vehicle) {
    if (prev[vehicle] >= 0) {
      next[prev[vehicle]] = next[vehicle];
    } else {
      first[link] = next[vehicle];
    }
    if (next[vehicle] >= 0) {
      prev[next[vehicle]] = prev[vehicle];
    } else {
      last[link] = prev[vehicle];
    }
  }
}
