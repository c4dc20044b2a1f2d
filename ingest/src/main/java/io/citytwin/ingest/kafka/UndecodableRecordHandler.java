package io.citytwin.ingest.kafka;

/**
 * Port to the dead-letter store for Kafka records the source cannot decode. Called on the source's
 * poll thread, once per record and consumer (a record may be reported again by the next owner of
 * its partition after a rebalance). Must be quick (queue, then write elsewhere) and should not
 * throw; if it does, the record is still counted and the stream goes on.
 */
@FunctionalInterface
public interface UndecodableRecordHandler {

  void accept(UndecodableRecord record);
}
