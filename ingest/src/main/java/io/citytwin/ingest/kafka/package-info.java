/**
 * The Kafka bridge of the scaled deployment: ingest nodes produce accepted readings to the
 * telemetry topic, twin nodes consume them as one consumer group.
 *
 * <ul>
 *   <li>{@link io.citytwin.ingest.kafka.ReadingRecordCodec}: the record format (key = sensor id,
 *       value = that sensor's readings, versioned binary); pure Java.
 *   <li>{@link io.citytwin.ingest.kafka.KafkaReadingSink}: a {@link
 *       io.citytwin.ingest.handoff.ReadingSink} whose futures complete when Kafka acknowledged the
 *       batch ({@code acks=all}, idempotent producer).
 *   <li>{@link io.citytwin.ingest.kafka.KafkaReadingSource}: consumes the topic and hands each
 *       poll to a downstream {@code ReadingSink}, committing offsets only after it succeeded
 *       (at least once; duplicates are the downstream's to absorb).
 *   <li>{@link io.citytwin.ingest.kafka.KafkaSettings}: cluster, topic, group and tuning,
 *       validated; {@link io.citytwin.ingest.kafka.TopicSetup} creates the topic when absent.
 * </ul>
 *
 * <p>Wiring: ingest uses one sink as its {@code ReadingSink}; each twin node runs one source
 * whose downstream applies readings to the live twin and appends them to history. Both must be
 * started and stopped by the owner; neither blocks a Vert.x event loop.
 */
package io.citytwin.ingest.kafka;
