package io.citytwin.ingest.kafka;

import io.citytwin.twin.telemetry.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's records, decoded: the readings to hand downstream, where each partition's share of
 * the poll starts (to rewind to on failure) and the offsets to commit on success.
 *
 * @param readings decoded readings, partition by partition, each in offset order
 * @param firstOffsets per partition, the offset of its first record in this poll
 * @param nextOffsets per partition, the offset after its last record in this poll
 * @param records how many records, undecodable ones included
 */
record PolledBatch(
    List<Reading> readings,
    Map<TopicPartition, Long> firstOffsets,
    Map<TopicPartition, OffsetAndMetadata> nextOffsets,
    int records) {

  /**
   * Decodes every record; an undecodable one goes to {@code undecodable} with the reason and
   * still counts as consumed, so it is committed with the rest.
   */
  static PolledBatch decode(
      ConsumerRecords<byte[], byte[]> polled,
      BiConsumer<ConsumerRecord<byte[], byte[]>, String> undecodable) {
    List<Reading> readings = new ArrayList<>(polled.count());
    Map<TopicPartition, Long> first = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (TopicPartition partition : polled.partitions()) {
      List<ConsumerRecord<byte[], byte[]>> records = polled.records(partition);
      if (records.isEmpty()) {
        continue;
      }
      ConsumerRecord<byte[], byte[]> last = records.get(records.size() - 1);
      first.put(partition, records.get(0).offset());
      next.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
      for (ConsumerRecord<byte[], byte[]> record : records) {
        try {
          readings.addAll(ReadingRecordCodec.decode(record.key(), record.value()).readings());
        } catch (MalformedRecordException e) {
          undecodable.accept(record, e.getMessage());
        }
      }
    }
    return new PolledBatch(
        List.copyOf(readings), Map.copyOf(first), Map.copyOf(next), polled.count());
  }
}
