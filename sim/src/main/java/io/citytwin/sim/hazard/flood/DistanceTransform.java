package io.citytwin.sim.hazard.flood;

import java.util.Arrays;

/**
 * Exact squared Euclidean distance transform on a grid (Felzenszwalb and Huttenlocher 2012,
 * "Distance transforms of sampled functions", Theory of Computing 8): for every cell, the squared
 * distance in cells to the nearest cell of the feature kind; linear time.
 */
final class DistanceTransform {
  private static final double INF = 1e20;

  private DistanceTransform() {}

  static double[] squared(byte[] kind, byte feature, int nx, int ny) {
    double[] f = new double[nx * ny];
    for (int c = 0; c < f.length; c++) {
      f[c] = kind[c] == feature ? 0 : INF;
    }
    double[] col = new double[ny];
    double[] out = new double[Math.max(nx, ny)];
    for (int i = 0; i < nx; i++) {
      for (int j = 0; j < ny; j++) {
        col[j] = f[j * nx + i];
      }
      transform(col, ny, out);
      for (int j = 0; j < ny; j++) {
        f[j * nx + i] = out[j];
      }
    }
    double[] row = new double[nx];
    for (int j = 0; j < ny; j++) {
      System.arraycopy(f, j * nx, row, 0, nx);
      transform(row, nx, out);
      System.arraycopy(out, 0, f, j * nx, nx);
    }
    return f;
  }

  private static double intersection(double[] f, int q, int p) {
    return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
  }

  /** The 1-D transform: lower envelope of parabolas rooted at each sample. */
  private static void transform(double[] f, int n, double[] d) {
    int[] v = new int[n];
    double[] z = new double[n + 1];
    int k = 0;
    v[0] = 0;
    z[0] = Double.NEGATIVE_INFINITY;
    z[1] = Double.POSITIVE_INFINITY;
    for (int q = 1; q < n; q++) {
      double s = intersection(f, q, v[k]);
      while (s <= z[k]) {
        k--;
        s = intersection(f, q, v[k]);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Double.POSITIVE_INFINITY;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) {
        k++;
      }
      double dq = q - v[k];
      d[q] = dq * dq + f[v[k]];
    }
    Arrays.fill(d, n, d.length, 0);
  }
}
