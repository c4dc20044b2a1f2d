package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.citytwin.twin.telemetry.Quantity;
import io.citytwin.twin.telemetry.Reading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

/**
 * The revocation path, which a real broker reaches only when a commit fails at the wrong moment:
 * driven here by Kafka's in-memory consumer, whose scheduled poll tasks run inside {@code poll}
 * just as a real rebalance does.
 */
class ConsumeLoopTest {

  private static final String TOPIC = "telemetry";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  @Test
  void aBatchWhoseCommitFailedIsCommittedWhenItsPartitionIsRevoked() {
    CommitLog consumer = new CommitLog();
    RecordingDownstream twin = RecordingDownstream.accepting();
    KafkaSettings settings = KafkaSettings.defaults("localhost:9092").withTopic(TOPIC);
    ConsumeLoop loop = new ConsumeLoop(settings, () -> consumer, twin, r -> {});
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0, P1));
          consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
          for (int offset = 0; offset < 5; offset++) {
            consumer.addRecord(record(P0, offset, "a"));
            consumer.addRecord(record(P1, offset, "b"));
          }
          consumer.failNextCommit = true; // the commit after this batch fails
        });
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1))); // P0 moves away
    consumer.schedulePollTask(loop::requestStop);

    loop.run();

    assertThat(twin.accepted()).hasSize(10);
    assertThat(consumer.refused).containsExactly(Map.of(P0, offset(5), P1, offset(5)));
    // P0 in the revocation callback, before it changed hands; P1 right after that poll.
    assertThat(consumer.committed).containsExactly(Map.of(P0, offset(5)), Map.of(P1, offset(5)));
    assertThat(loop.statistics().commitFailures()).isEqualTo(1);
    assertThat(loop.statistics().commits()).isEqualTo(2);
    assertThat(loop.terminated).isCompleted();
  }

  private static OffsetAndMetadata offset(long offset) {
    return new OffsetAndMetadata(offset);
  }

  private static ConsumerRecord<byte[], byte[]> record(TopicPartition p, int offset, String sensor) {
    Reading r = new Reading(sensor, Quantity.NOISE, 50 + offset, offset, null);
    return new ConsumerRecord<>(
        p.topic(),
        p.partition(),
        offset,
        ReadingRecordCodec.key(sensor),
        ReadingRecordCodec.value(new SensorReadings(sensor, List.of(r))));
  }

  /** Kafka's in-memory consumer, logging commits and refusing one on request. */
  private static final class CommitLog extends MockConsumer<byte[], byte[]> {

    final List<Map<TopicPartition, OffsetAndMetadata>> committed = new ArrayList<>();
    final List<Map<TopicPartition, OffsetAndMetadata>> refused = new ArrayList<>();
    boolean failNextCommit;

    CommitLog() {
      super("earliest");
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
      if (failNextCommit) {
        failNextCommit = false;
        refused.add(Map.copyOf(offsets));
        throw new RebalanceInProgressException("rebalance in progress");
      }
      committed.add(Map.copyOf(offsets));
      super.commitSync(offsets, timeout);
    }
  }
}
