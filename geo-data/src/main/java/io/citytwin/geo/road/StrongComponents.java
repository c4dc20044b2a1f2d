package io.citytwin.geo.road;

import java.util.BitSet;

/** Strongly connected components of a {@link ModeGraph} (iterative Tarjan, no recursion). */
final class StrongComponents {
  private StrongComponents() {}

  /**
   * Nodes of the largest strongly connected component among nodes that have at least one arc;
   * within it every node can reach every other. Empty when the graph has no arcs.
   */
  static BitSet largest(ModeGraph g) {
    int n = g.nodeCount;
    int[] comp = new int[n];
    int[] index = new int[n];
    int[] low = new int[n];
    java.util.Arrays.fill(index, -1);
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callArc = new int[n];
    int next = 0;
    int comps = 0;
    int[] sizes = new int[n];
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callArc[0] = g.first[root];
      index[root] = low[root] = next++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callArc[depth] < g.first[v + 1]) {
          int w = g.head[callArc[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callArc[depth] = g.first[w];
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            comp[w] = comps;
            if (g.degree(w) > 0) {
              sizes[comps]++;
            }
          } while (w != v);
          comps++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    int best = -1;
    for (int c = 0; c < comps; c++) {
      if (sizes[c] > 0 && (best < 0 || sizes[c] > sizes[best])) {
        best = c;
      }
    }
    BitSet out = new BitSet(n);
    for (int v = 0; v < n; v++) {
      if (comp[v] == best && g.degree(v) > 0) {
        out.set(v);
      }
    }
    return out;
  }
}
