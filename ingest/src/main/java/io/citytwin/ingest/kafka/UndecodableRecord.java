package io.citytwin.ingest.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A record on the telemetry topic that is not a {@link ReadingRecordCodec} record, as found.
 *
 * @param topic where it is
 * @param partition its partition
 * @param offset its offset in that partition
 * @param key the raw key, {@code null} if it had none (defensively copied both ways)
 * @param value the raw value, {@code null} if it had none (defensively copied both ways)
 * @param reason what is wrong, naming the key or the value byte
 */
public record UndecodableRecord(
    String topic, int partition, long offset, byte[] key, byte[] value, String reason) {

  public UndecodableRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(reason, "reason");
    key = key == null ? null : key.clone();
    value = value == null ? null : value.clone();
  }

  @Override
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  @Override
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UndecodableRecord r
        && topic.equals(r.topic)
        && partition == r.partition
        && offset == r.offset
        && Arrays.equals(key, r.key)
        && Arrays.equals(value, r.value)
        && reason.equals(r.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, partition, offset, Arrays.hashCode(key), Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    String keyText = key == null ? "null" : new String(key, StandardCharsets.ISO_8859_1);
    return "UndecodableRecord["
        + topic
        + "-"
        + partition
        + "@"
        + offset
        + ", key "
        + ReadingRecordCodec.quote(keyText)
        + ", "
        + (value == null ? "no value" : value.length + " value bytes")
        + ": "
        + reason
        + "]";
  }
}
