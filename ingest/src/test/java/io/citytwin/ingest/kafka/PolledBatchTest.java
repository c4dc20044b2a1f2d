package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PolledBatchTest {

  private static final TopicPartition P0 = new TopicPartition("t", 0);
  private static final TopicPartition P3 = new TopicPartition("t", 3);

  @Test
  void decodesPartitionByPartitionInOffsetOrderAndReportsGarbage() {
    Reading a1 = reading("a", 1);
    Reading a2 = reading("a", 2);
    Reading b1 = reading("b", 1);
    Reading b2 = reading("b", 2);
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> polled = new LinkedHashMap<>();
    polled.put(P3, List.of(record(P3, 40, b1), garbage(P3, 41), record(P3, 42, b2)));
    polled.put(P0, List.of(record(P0, 7, a1, a2)));
    List<String> reported = new ArrayList<>();

    PolledBatch batch =
        PolledBatch.decode(
            new ConsumerRecords<>(polled),
            (record, reason) -> reported.add(record.partition() + "@" + record.offset() + " " + reason));

    assertThat(batch.readings()).containsExactly(b1, b2, a1, a2);
    assertThat(batch.records()).isEqualTo(4);
    assertThat(batch.firstOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(P3, 40L, P0, 7L));
    assertThat(batch.nextOffsets().get(P3).offset()).isEqualTo(43);
    assertThat(batch.nextOffsets().get(P0).offset()).isEqualTo(8);
    assertThat(reported)
        .containsExactly(
            "3@41 record of sensor b, value byte 0: unsupported version 123, this codec reads 1");
  }

  @Test
  void aPollOfOnlyGarbageIsStillCommittable() {
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> polled =
        Map.of(P0, List.of(garbage(P0, 0), garbage(P0, 1)));

    PolledBatch batch = PolledBatch.decode(new ConsumerRecords<>(polled), (record, reason) -> {});

    assertThat(batch.readings()).isEmpty();
    assertThat(batch.nextOffsets().get(P0).offset()).isEqualTo(2);
  }

  private static Reading reading(String sensor, long time) {
    return new Reading(sensor, Quantity.TEMPERATURE, 20 + time, time, null);
  }

  private static ConsumerRecord<byte[], byte[]> record(
      TopicPartition p, long offset, Reading... readings) {
    SensorReadings sensor = new SensorReadings(readings[0].sensorId(), List.of(readings));
    return new ConsumerRecord<>(
        p.topic(),
        p.partition(),
        offset,
        ReadingRecordCodec.key(sensor.sensorId()),
        ReadingRecordCodec.value(sensor));
  }

  private static ConsumerRecord<byte[], byte[]> garbage(TopicPartition p, long offset) {
    return new ConsumerRecord<>(
        p.topic(), p.partition(), offset, "b".getBytes(StandardCharsets.US_ASCII), "{}".getBytes(StandardCharsets.US_ASCII));
  }
}
