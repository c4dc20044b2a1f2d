package io.citytwin.sim.epidemic.population;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A growable list of ints, for building the population without boxing. */
final class IntList {
  private int[] values;
  private int size;

  IntList(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = v;
  }

  int get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  /** Fisher-Yates shuffle, deterministic for a given generator state. */
  void shuffle(SplittableRandom rng) {
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
