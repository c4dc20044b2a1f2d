package io.citytwin.ingest.kafka;

/**
 * A Kafka record that is not a {@link ReadingRecordCodec} record. The message says which part
 * (key, or the byte offset in the value) is wrong and how.
 */
public final class MalformedRecordException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedRecordException(String message) {
    super(message);
  }
}
