package io.citytwin.ingest.kafka;

/** A failure of the Kafka bridge itself (set-up, back-pressure, shutdown), with its cause. */
public final class KafkaBridgeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KafkaBridgeException(String message) {
    super(message);
  }

  public KafkaBridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
