package io.citytwin.ingest.telemetry;

/**
 * Port to the dead-letter store. Called on the ingest thread for every rejected message, so an
 * implementation must be thread-safe and must not block for long (queue, then write elsewhere).
 * It must not throw; if it does, the message is still counted.
 */
@FunctionalInterface
public interface DeadLetterSink {

    void accept(DeadLetter letter);
}
