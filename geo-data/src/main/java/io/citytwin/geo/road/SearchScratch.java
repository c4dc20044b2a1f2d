package io.citytwin.geo.road;

import java.util.Arrays;

/**
 * Per-thread working memory of one search: tentative costs, parent arcs and a binary min-heap,
 * all primitive arrays reused across queries. A generation stamp marks which entries belong to the
 * current search, so nothing is cleared between queries. Not thread-safe; {@link Router} keeps one
 * per thread.
 */
final class SearchScratch {
  private final double[] dist;
  private final int[] parent;
  private final int[] stamp;
  private final int[] targetStamp;
  private int gen;

  private double[] heapKey = new double[256];
  private double[] heapCost = new double[256];
  private int[] heapNode = new int[256];
  private int heapSize;

  SearchScratch(int nodeCount) {
    dist = new double[nodeCount];
    parent = new int[nodeCount];
    stamp = new int[nodeCount];
    targetStamp = new int[nodeCount];
  }

  void begin() {
    if (gen == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      Arrays.fill(targetStamp, 0);
      gen = 0;
    }
    gen++;
    heapSize = 0;
  }

  double dist(int node) {
    return stamp[node] == gen ? dist[node] : Double.POSITIVE_INFINITY;
  }

  int parentArc(int node) {
    return parent[node];
  }

  void reach(int node, double cost, int viaArc) {
    stamp[node] = gen;
    dist[node] = cost;
    parent[node] = viaArc;
  }

  void markTarget(int node) {
    targetStamp[node] = gen;
  }

  boolean isTarget(int node) {
    return targetStamp[node] == gen;
  }

  boolean heapEmpty() {
    return heapSize == 0;
  }

  /** Adds an entry ordered by {@code key}; {@code cost} is the path cost carried along. */
  void push(double key, double cost, int node) {
    if (heapSize == heapKey.length) {
      int n = heapSize * 2;
      heapKey = Arrays.copyOf(heapKey, n);
      heapCost = Arrays.copyOf(heapCost, n);
      heapNode = Arrays.copyOf(heapNode, n);
    }
    int i = heapSize++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heapKey[p] <= key) {
        break;
      }
      set(i, heapKey[p], heapCost[p], heapNode[p]);
      i = p;
    }
    set(i, key, cost, node);
  }

  double topCost() {
    return heapCost[0];
  }

  int topNode() {
    return heapNode[0];
  }

  void pop() {
    heapSize--;
    if (heapSize == 0) {
      return;
    }
    double key = heapKey[heapSize];
    double cost = heapCost[heapSize];
    int node = heapNode[heapSize];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= heapSize) {
        break;
      }
      if (c + 1 < heapSize && heapKey[c + 1] < heapKey[c]) {
        c++;
      }
      if (heapKey[c] >= key) {
        break;
      }
      set(i, heapKey[c], heapCost[c], heapNode[c]);
      i = c;
    }
    set(i, key, cost, node);
  }

  private void set(int i, double key, double cost, int node) {
    heapKey[i] = key;
    heapCost[i] = cost;
    heapNode[i] = node;
  }
}
