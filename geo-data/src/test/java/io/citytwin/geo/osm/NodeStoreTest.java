package io.citytwin.geo.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeStoreTest {
  @Test
  void findsEveryNodeAfterShuffledInsertWithSevenDecimals() {
    Random random = new Random(1);
    NodeStore store = new NodeStore();
    Map<Long, double[]> expected = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      long id = random.nextLong() & 0xffffffffffL;
      if (expected.containsKey(id)) {
        continue;
      }
      double lon = Math.round((random.nextDouble() * 360 - 180) * 1e7) / 1e7;
      double lat = Math.round((random.nextDouble() * 180 - 90) * 1e7) / 1e7;
      expected.put(id, new double[] {lon, lat});
      store.add(id, lon, lat);
    }
    assertThat(store.freeze()).isNull();
    assertThat(store.size()).isEqualTo(expected.size());
    expected.forEach((id, ll) -> assertThat(store.lonLat(id)).containsExactly(ll[0], ll[1]));
    assertThat(store.lonLat(-1)).isNull();
  }

  @Test
  void reportsADuplicateId() {
    NodeStore store = new NodeStore();
    store.add(5, 1, 1);
    store.add(3, 1, 1);
    store.add(5, 2, 2);
    assertThat(store.freeze()).isEqualTo(5L);
  }
}
