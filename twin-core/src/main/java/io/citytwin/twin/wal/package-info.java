/**
 * The write-ahead log both history adapters stand on: {@link io.citytwin.twin.wal.SegmentLog}
 * (checksummed frames in numbered segment files, repaired at open after a crash) and
 * {@link io.citytwin.twin.wal.GroupCommitLog} (its single writer thread, which groups
 * concurrent appends into one write and one fsync). The embedded store replays it into its index
 * after a crash; the InfluxDB store ships it to the server and deletes what the server accepted.
 */
package io.citytwin.twin.wal;
