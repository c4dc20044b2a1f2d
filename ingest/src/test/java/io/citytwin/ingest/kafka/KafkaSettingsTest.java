package io.citytwin.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaSettingsTest {

  private static final KafkaSettings DEFAULTS = KafkaSettings.defaults("kafka-1:9092,kafka-2:9092");

  @Test
  void defaultsAreTheDocumentedTopicAndGroup() {
    assertThat(DEFAULTS.topic()).isEqualTo("citytwin.telemetry");
    assertThat(DEFAULTS.groupId()).isEqualTo("citytwin-twin");
    assertThat(DEFAULTS.partitions()).isEqualTo(12);
    assertThat(DEFAULTS.replicationFactor()).isEqualTo(KafkaSettings.BROKER_DEFAULT_REPLICATION);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "''| kafka bootstrap servers must not be empty",
        "localhost| kafka bootstrap servers: 'localhost' is not host:port (in 'localhost')",
        "a:9092,| kafka bootstrap servers: '' is not host:port (in 'a:9092,')",
        "a:nine| kafka bootstrap servers: 'a:nine' has no port 1..65535 (in 'a:nine')",
        "a:70000| kafka bootstrap servers: 'a:70000' has no port 1..65535 (in 'a:70000')",
        ":9092| kafka bootstrap servers: ':9092' is not host:port (in ':9092')"
      })
  void badBootstrapServersAreNamed(String servers, String message) {
    assertThatThrownBy(() -> KafkaSettings.defaults(servers)).hasMessage(message);
  }

  @Test
  void ipv6AndSeveralServersAreAccepted() {
    assertThat(KafkaSettings.defaults("[::1]:9092, b:19092").bootstrapServers())
        .isEqualTo("[::1]:9092, b:19092");
  }

  @Test
  void topicNamesFollowKafkasRules() {
    assertThatThrownBy(() -> DEFAULTS.withTopic("city twin"))
        .hasMessage(
            "kafka topic 'city twin' has illegal character U+0020 at index 4 (allowed: a-z A-Z 0-9 . _ -)");
    assertThatThrownBy(() -> DEFAULTS.withTopic("..")).hasMessage("kafka topic cannot be '..'");
    assertThatThrownBy(() -> DEFAULTS.withTopic("t".repeat(250)))
        .hasMessage("kafka topic is 250 characters, the limit is 249");
    assertThat(DEFAULTS.withTopic("t".repeat(249)).topic()).hasSize(249);
  }

  @Test
  void partitionsAndReplicationAreChecked() {
    assertThatThrownBy(() -> DEFAULTS.withPartitions(0, 1))
        .hasMessage("kafka partitions must be at least 1, not 0");
    assertThatThrownBy(() -> DEFAULTS.withPartitions(3, 0))
        .hasMessage("kafka replication factor must be 1..32767 or -1 (broker default), not 0");
    assertThat(DEFAULTS.withPartitions(3, 3).replicationFactor()).isEqualTo(3);
    assertThatThrownBy(() -> DEFAULTS.withGroupId(" ")).hasMessage("kafka group id must not be empty");
  }

  @Test
  void producerTuningIsChecked() {
    ProducerTuning p = ProducerTuning.DEFAULTS;
    assertThatThrownBy(() -> p.withCompression("brotli"))
        .hasMessageStartingWith("kafka producer compression 'brotli' is not one of");
    assertThatThrownBy(() -> p.withLinger(Duration.ofMillis(-1), 1024))
        .hasMessage("kafka producer linger must be at least PT0S, not PT-0.001S");
    assertThatThrownBy(() -> p.withLinger(Duration.ofMinutes(2), 1024))
        .hasMessage(
            "kafka producer delivery timeout PT2M must be at least linger + the 30 s request timeout (PT2M30S)");
    assertThatThrownBy(() -> p.withLinger(Duration.ZERO, 0))
        .hasMessage("kafka producer batch size must be at least 1 byte, not 0");
  }

  @Test
  void theConsumerMustPollWithinTheMaxPollInterval() {
    ConsumerTuning c = ConsumerTuning.DEFAULTS;
    assertThatThrownBy(() -> c.withDownstreamTimeout(Duration.ofMinutes(5)))
        .hasMessage(
            "kafka consumer max poll interval PT5M must exceed downstream timeout + retry back-off max"
                + " + commit timeout (PT5M20S)");
    assertThatThrownBy(() -> c.withRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("kafka consumer retry back-off max must be at least PT2S, not PT1S");
    assertThatThrownBy(() -> c.withMaxPollRecords(0))
        .hasMessage("kafka consumer max poll records must be at least 1, not 0");
  }
}
