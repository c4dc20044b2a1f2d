/**
 * The reading history port: {@link io.citytwin.ingest.history.HistoryStore} takes
 * {@link io.citytwin.ingest.history.HistoryRecord}s and answers
 * {@link io.citytwin.ingest.history.HistoryQuery}s with {@link io.citytwin.ingest.history.HistoryPoint}s.
 * Adapters: {@link io.citytwin.ingest.history.embedded} (default run) and
 * {@link io.citytwin.ingest.history.influx} (scaled deployment), both on the write-ahead log in
 * {@link io.citytwin.twin.wal}.
 */
package io.citytwin.ingest.history;
