package io.citytwin.ingest.history;

import io.vertx.core.Future;
import java.util.List;

/**
 * Port to the reading history: every accepted reading is appended, and read back per sensor and
 * quantity over a time range. Adapters: an embedded on-disk store (default run) and InfluxDB.
 *
 * <p>Delivery: {@link #append} completes only once the records would survive a crash of this
 * process and an outage of the backing server (written to the local store, or to the local
 * write-ahead spool that is replayed to the server); nothing is dropped while a server is down.
 * Appending the same reading twice (same sensor, quantity and timestamp) stores it once.
 *
 * <p>Thread-safe; no method blocks the caller.
 */
public interface HistoryStore {

  /** Appends records; see the class comment for when the future completes. */
  Future<Void> append(List<HistoryRecord> records);

  /**
   * Points of one sensor in {@code [from, to]}, oldest first (ties by quantity name), at most
   * {@code limit}. An adapter backed by a server shows a point once the server has it, which may be
   * after its append completed (while it waits in the spool).
   */
  Future<List<HistoryPoint>> query(HistoryQuery query);

  /** Flushes what is pending and releases files and connections. */
  Future<Void> close();
}
