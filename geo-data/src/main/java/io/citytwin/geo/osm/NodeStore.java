package io.citytwin.geo.osm;

import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/**
 * Compact node-coordinate table: ids in a sorted {@code long[]}, coordinates as 1e-7 degree fixed
 * point in two {@code int[]} (16 bytes per node instead of ~100 for a boxed map). Filled by one
 * reader thread, then {@link #freeze() frozen} and read-only (thread-safe) afterwards.
 */
final class NodeStore {
  private static final double SCALE = 1e7;

  private long[] ids = new long[1024];
  private int[] lons = new int[1024];
  private int[] lats = new int[1024];
  private int size;
  private boolean sorted = true;
  private boolean frozen;
  private final Envelope bounds = new Envelope();

  void add(long id, double lon, double lat) {
    if (frozen) {
      throw new IllegalStateException("node store is frozen");
    }
    if (size == ids.length) {
      int cap = size * 2;
      ids = Arrays.copyOf(ids, cap);
      lons = Arrays.copyOf(lons, cap);
      lats = Arrays.copyOf(lats, cap);
    }
    if (size > 0 && id <= ids[size - 1]) {
      sorted = false;
    }
    ids[size] = id;
    lons[size] = (int) Math.round(lon * SCALE);
    lats[size] = (int) Math.round(lat * SCALE);
    bounds.expandToInclude(lon, lat);
    size++;
  }

  /**
   * Sorts by id (only when the input was not already sorted) and trims the arrays.
   *
   * @return the id of a node given twice, or {@code null} when all ids are distinct
   */
  Long freeze() {
    frozen = true;
    if (!sorted) {
      sortById();
    }
    ids = Arrays.copyOf(ids, size);
    lons = Arrays.copyOf(lons, size);
    lats = Arrays.copyOf(lats, size);
    for (int i = 1; i < size; i++) {
      if (ids[i] == ids[i - 1]) {
        return ids[i];
      }
    }
    return null;
  }

  private void sortById() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    long[] keys = ids;
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    long[] ni = new long[size];
    int[] nx = new int[size];
    int[] ny = new int[size];
    for (int i = 0; i < size; i++) {
      ni[i] = ids[order[i]];
      nx[i] = lons[order[i]];
      ny[i] = lats[order[i]];
    }
    ids = ni;
    lons = nx;
    lats = ny;
  }

  double[] lonLat(long id) {
    int i = Arrays.binarySearch(ids, 0, size, id);
    return i < 0 ? null : new double[] {lons[i] / SCALE, lats[i] / SCALE};
  }

  int size() {
    return size;
  }

  Envelope bounds() {
    return new Envelope(bounds);
  }
}
