package io.citytwin.sim.evacuation;

import java.util.Arrays;

/**
 * Ids waiting for their departure time, kept sorted by time (equal times in the order added).
 * Adding is O(1) when times come in order, as they mostly do.
 */
final class Departures {
  private int[] ids = new int[64];
  private double[] times = new double[64];
  private int head;
  private int size;

  void add(int id, double time) {
    if (head + size == ids.length) {
      if (head > 0) {
        System.arraycopy(ids, head, ids, 0, size);
        System.arraycopy(times, head, times, 0, size);
        head = 0;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
    }
    int i = head + size;
    while (i > head && times[i - 1] > time) {
      ids[i] = ids[i - 1];
      times[i] = times[i - 1];
      i--;
    }
    ids[i] = id;
    times[i] = time;
    size++;
  }

  /** Whether the earliest departure is before {@code end}. */
  boolean dueBefore(double end) {
    return size > 0 && times[head] < end;
  }

  int poll() {
    size--;
    return ids[head++];
  }
}
