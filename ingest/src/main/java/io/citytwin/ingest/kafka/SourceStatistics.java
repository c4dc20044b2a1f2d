package io.citytwin.ingest.kafka;

/**
 * Counters of a {@link KafkaReadingSource} since it was created; a snapshot, exact once the source
 * is quiet.
 *
 * @param polledRecords records taken from Kafka, redeliveries included
 * @param deliveredReadings readings of batches the downstream accepted
 * @param undecodableRecords records reported as undecodable (each offset once per consumer)
 * @param deadLetterFailures of those, how many the dead-letter handler threw on
 * @param downstreamFailures batches the downstream failed, threw on or did not finish in time
 * @param commits successful offset commits
 * @param commitFailures offset commits that failed (their records will be redelivered)
 * @param lastFailure the most recent downstream or commit failure, {@code null} if none
 */
public record SourceStatistics(
    long polledRecords,
    long deliveredReadings,
    long undecodableRecords,
    long deadLetterFailures,
    long downstreamFailures,
    long commits,
    long commitFailures,
    String lastFailure) {}
