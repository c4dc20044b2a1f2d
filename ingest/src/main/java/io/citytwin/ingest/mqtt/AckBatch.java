package io.citytwin.ingest.mqtt;

import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages received since the last hand-off: their readings, and the ids to acknowledge (QoS 1)
 * in arrival order once the readings are handed off. Ids are only valid on the connection that
 * received them, hence the generation. Not thread-safe; guarded by the subscriber.
 */
final class AckBatch {
  final List<Reading> readings = new ArrayList<>();
  private int[] ids = new int[64];
  private int[] qos = new int[64];
  private int acks;
  final long generation;

  AckBatch(long generation) {
    this.generation = generation;
  }

  void add(List<Reading> rs, int id, int q) {
    readings.addAll(rs);
    if (q > 0) {
      if (acks == ids.length) {
        ids = java.util.Arrays.copyOf(ids, acks * 2);
        qos = java.util.Arrays.copyOf(qos, acks * 2);
      }
      ids[acks] = id;
      qos[acks] = q;
      acks++;
    }
  }

  int ackCount() {
    return acks;
  }

  int id(int i) {
    return ids[i];
  }

  int qos(int i) {
    return qos[i];
  }

  boolean isEmpty() {
    return readings.isEmpty() && acks == 0;
  }
}
